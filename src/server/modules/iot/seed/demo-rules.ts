/**
 * Demo alarm rules (SEED_DEMO), with the limits real monitoring in Chongqing works with:
 * construction-site PM10 above 150 µg/m³ for 10 minutes (重庆 扬尘 监控 预警), road waterlogging
 * above 10 cm at once (the filing condition of case class E0505), environmental noise above 70
 * dB(A) for 5 minutes (GB 3096 class 4a daytime limit), dust monitors silent for 30 minutes,
 * and sudden jumps in traffic speed. Created once: a database that has any rule is left alone.
 */
import { v7 as uuidv7 } from 'uuid';
import type { IotDb, RuleKind, RuleParams, Severity } from '../store';
import { bumpRuleVersion } from '../rules/rule-set';

interface DemoRule {
  name: string;
  typeCode: string;
  quantity: string;
  kind: RuleKind;
  params: RuleParams;
  severity: Severity;
  caseClassCode: string | null;
}

export const demoRules: DemoRule[] = [
  { name: '工地扬尘 PM10 超标（>150 µg/m³ 持续 10 分钟）', typeCode: 'DUST', quantity: 'pm10', kind: 'threshold', params: { op: 'above', value: 150, forSeconds: 600 }, severity: 'major', caseClassCode: 'E0304' },
  { name: '道路积水超过 10 厘米', typeCode: 'WATERLOG', quantity: 'water_level', kind: 'threshold', params: { op: 'above', value: 10, forSeconds: 0 }, severity: 'critical', caseClassCode: 'E0505' },
  { name: '环境噪声超标（>70 dB(A) 持续 5 分钟）', typeCode: 'NOISE', quantity: 'noise', kind: 'threshold', params: { op: 'above', value: 70, forSeconds: 300 }, severity: 'minor', caseClassCode: null },
  { name: '扬尘监测点 PM10 缺数 30 分钟', typeCode: 'DUST', quantity: 'pm10', kind: 'missing', params: { forSeconds: 1800 }, severity: 'warning', caseClassCode: null },
  { name: '路段车速突变', typeCode: 'TRAFFIC', quantity: 'speed', kind: 'rate', params: { perMinute: 30 }, severity: 'warning', caseClassCode: null },
  { name: '土壤含水量异常', typeCode: 'SOIL', quantity: 'soil_moisture', kind: 'anomaly', params: { sigmas: 5, hours: 24, minCount: 12 }, severity: 'minor', caseClassCode: null },
];

export async function seedDemoRules(db: IotDb): Promise<number> {
  const any = await db.selectFrom('alarm_rule').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const types = new Set((await db.selectFrom('device_type').select('code').execute()).map((t) => t.code));
  const rows = demoRules.filter((r) => types.has(r.typeCode));
  if (rows.length === 0) return 0;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('alarm_rule')
      .values(rows.map((r) => ({ id: uuidv7(), name: r.name, type_code: r.typeCode, device_id: null, quantity: r.quantity, kind: r.kind, params: JSON.stringify(r.params), severity: r.severity, case_class_code: r.caseClassCode, demo: true, updated_by: null })))
      .execute();
    await bumpRuleVersion(tx);
  });
  return rows.length;
}
