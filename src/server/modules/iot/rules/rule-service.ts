/**
 * Alarm rules (告警规则): created and changed by the command centre's shift leaders and the
 * administrators; never deleted once they have raised alarms (disable them). Each change is
 * audited and bumps the rule version in its transaction.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../../kernel/access';
import { appendAudit } from '../../../kernel/audit/write';
import { AppError, type FieldError } from '../../../kernel/http/problem';
import { iotErrors } from '../errors';
import type { IotDb, Quantity, RuleParams } from '../store';
import type { RuleInput, RulePatch } from './rule-schemas';
import { bumpRuleVersion } from './rule-set';

export interface RuleDeps {
  db: IotDb;
  /** the case class exists and is active (cases module) */
  caseClass: (code: string) => Promise<{ code: string; name: string } | null>;
  changed: () => void;
}

const field = (path: string, code: string, zh: string, en: string): FieldError => ({ field: path, code, message: { zh, en } });
const invalid = (errors: FieldError[]) => new AppError(422, 'IOT_INVALID_RULE', '告警规则不正确', 'The alarm rule is not valid', errors);
const notFound = (id: string) => new AppError(404, 'IOT_RULE_NOT_FOUND', `告警规则不存在：${id}`, `No such alarm rule: ${id}`);

const paramsFit: Record<RuleInput['kind'], (p: RuleParams) => boolean> = {
  threshold: (p) => 'op' in p,
  rate: (p) => 'perMinute' in p,
  missing: (p) => 'forSeconds' in p && !('op' in p),
  anomaly: (p) => 'sigmas' in p,
};

async function check(deps: RuleDeps, rule: { typeCode: string; deviceId: string | null; quantity: string; kind: RuleInput['kind']; params: RuleParams; caseClassCode: string | null }): Promise<void> {
  const type = await deps.db.selectFrom('device_type').select(['code', 'quantities']).where('code', '=', rule.typeCode).executeTakeFirst();
  if (!type) throw iotErrors.unknownType(rule.typeCode);
  const errors: FieldError[] = [];
  const quantity = (type.quantities as Quantity[]).find((q) => q.key === rule.quantity);
  if (!quantity) errors.push(field('/body/quantity', 'quantity', `设备类型 ${rule.typeCode} 没有此监测量`, `type ${rule.typeCode} measures no such quantity`));
  if (rule.deviceId) {
    const device = await deps.db.selectFrom('device').select('type_code').where('id', '=', rule.deviceId).executeTakeFirst();
    if (!device || device.type_code !== rule.typeCode) errors.push(field('/body/deviceId', 'device', '设备不存在或不属于该类型', 'no such device of this type'));
  }
  if (!paramsFit[rule.kind](rule.params)) errors.push(field('/body/params', 'kind', `参数与规则类型 ${rule.kind} 不符`, `parameters do not fit the kind ${rule.kind}`));
  else if (quantity && 'op' in rule.params && (rule.params.value < quantity.min || rule.params.value > quantity.max)) {
    errors.push(field('/body/params/value', 'range', `阈值须在量程 ${quantity.min}–${quantity.max} 内`, `the threshold must lie within ${quantity.min}–${quantity.max}`));
  }
  if (rule.caseClassCode && !(await deps.caseClass(rule.caseClassCode))) {
    errors.push(field('/body/caseClassCode', 'class', '案件类别不存在或已停用', 'no such active case class'));
  }
  if (errors.length > 0) throw invalid(errors);
}

export const ruleService = {
  async list(db: IotDb) {
    const rows = await db
      .selectFrom('alarm_rule as r')
      .selectAll('r')
      .select(sql<number>`(SELECT count(*)::int FROM device_alarm a WHERE a.rule_id = r.id AND a.closed_at IS NULL)`.as('open_alarms'))
      .orderBy('r.type_code')
      .orderBy('r.created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      typeCode: r.type_code,
      deviceId: r.device_id,
      quantity: r.quantity,
      kind: r.kind,
      params: r.params as unknown as Record<string, number | string>,
      severity: r.severity,
      caseClassCode: r.case_class_code,
      notify: r.notify,
      enabled: r.enabled,
      openAlarms: r.open_alarms,
      updatedAt: r.updated_at.toISOString(),
    }));
  },

  async create(deps: RuleDeps, actor: Actor, ip: string | null, input: RuleInput) {
    const rule = { ...input, deviceId: input.deviceId ?? null, caseClassCode: input.caseClassCode ?? null };
    await check(deps, rule);
    const id = uuidv7();
    await deps.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('alarm_rule')
        .values({ id, name: rule.name, type_code: rule.typeCode, device_id: rule.deviceId, quantity: rule.quantity, kind: rule.kind, params: JSON.stringify(rule.params), severity: rule.severity, case_class_code: rule.caseClassCode, notify: rule.notify ?? true, enabled: rule.enabled ?? true, updated_by: actor.accountId })
        .execute();
      await bumpRuleVersion(tx);
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'iot.rule.create', objectType: 'alarm_rule', objectId: id, details: { ...rule } });
    });
    deps.changed();
    return (await ruleService.list(deps.db)).find((r) => r.id === id)!;
  },

  async update(deps: RuleDeps, actor: Actor, ip: string | null, id: string, patch: RulePatch) {
    const current = await deps.db.selectFrom('alarm_rule').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw notFound(id);
    const next = {
      typeCode: current.type_code,
      deviceId: current.device_id,
      quantity: current.quantity,
      kind: current.kind,
      params: patch.params ?? current.params,
      caseClassCode: patch.caseClassCode !== undefined ? patch.caseClassCode : current.case_class_code,
    };
    await check(deps, next);
    await deps.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('alarm_rule')
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.params !== undefined ? { params: JSON.stringify(patch.params) } : {}),
          ...(patch.severity !== undefined ? { severity: patch.severity } : {}),
          ...(patch.caseClassCode !== undefined ? { case_class_code: patch.caseClassCode } : {}),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
          ...(patch.notify !== undefined ? { notify: patch.notify } : {}),
          updated_at: new Date(),
          updated_by: actor.accountId,
        })
        .where('id', '=', id)
        .execute();
      // a disabled rule's open alarms end with it: nothing will clear them any more
      if (patch.enabled === false) await sql`UPDATE device_alarm SET closed_at = now(), cleared_by = ${actor.accountId} WHERE rule_id = ${id} AND closed_at IS NULL`.execute(tx);
      await bumpRuleVersion(tx);
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'iot.rule.update', objectType: 'alarm_rule', objectId: id, details: { ...patch } });
    });
    deps.changed();
    return (await ruleService.list(deps.db)).find((r) => r.id === id)!;
  },
};
