/**
 * Alarm rules evaluated as readings arrive: threshold with a duration, rate of change, anomaly,
 * missing data; deduplication, automatic clearing, acknowledgement, manual clearing, and ONE
 * city-management case per alarm of a rule with a case class.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainAudit } from '../../../../test/helpers/audit';
import { iotTestbed, type IotTestbed } from './test-support';
import { caseOpener } from './rules/case-opener';
import { checkMissingData } from './rules/missing-data';

let bed: IotTestbed;
const tokens: Record<string, string> = {};
const min = 60_000;

beforeAll(async () => {
  bed = await iotTestbed();
  for (const id of ['YC-R-0001', 'YC-R-0002', 'YC-R-0003', 'YC-R-0004', 'YC-R-0005']) tokens[id] = await bed.device(id, 'DUST');
  // the demo rules are seeded with the demo data; these tests make their own
  demoRuleCount = Number((await sql<{ n: number }>`DELETE FROM alarm_rule WHERE demo RETURNING 1 AS n`.execute(bed.t.database.db)).rows.length);
  bed.runtime.rules.invalidate();
});
let demoRuleCount = 0;
afterAll(async () => bed.close());

/** Sends readings and waits until they are stored and evaluated. */
async function send(deviceId: string, messages: Array<{ ts: number; values: Record<string, number> }>) {
  const result = await bed.runtime.ingestion.submit(deviceId, messages);
  await bed.runtime.alarms!.drain();
  return result;
}

async function rule(body: Record<string, unknown>) {
  const r = await bed.as('shiftlead', 'POST', '/api/v1/iot/rules', body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
}

const alarms = async (deviceId: string, state = 'all') => (await bed.as('operator', 'GET', `/api/v1/iot/alarms?deviceId=${deviceId}&state=${state}`)).json().items as Array<Record<string, unknown>>;

describe('rule management', () => {
  it('demo data comes with rules for the demo device types', () => {
    expect(demoRuleCount).toBe(6);
  });

  it('refuses rules that cannot work, naming the field, and changes nothing', async () => {
    const bad = [
      [{ name: 'x', typeCode: 'DUST', quantity: 'so2', kind: 'threshold', params: { op: 'above', value: 1, forSeconds: 0 }, severity: 'major' }, '/body/quantity'],
      [{ name: 'x', typeCode: 'DUST', quantity: 'pm10', kind: 'rate', params: { op: 'above', value: 1, forSeconds: 0 }, severity: 'major' }, '/body/params'],
      [{ name: 'x', typeCode: 'DUST', quantity: 'pm10', kind: 'threshold', params: { op: 'above', value: 99999, forSeconds: 0 }, severity: 'major' }, '/body/params/value'],
      [{ name: 'x', typeCode: 'DUST', quantity: 'pm10', kind: 'threshold', params: { op: 'above', value: 150, forSeconds: 0 }, severity: 'major', caseClassCode: 'ZZ999' }, '/body/caseClassCode'],
      [{ name: 'x', typeCode: 'DUST', deviceId: 'YC-NOPE-0001', quantity: 'pm10', kind: 'threshold', params: { op: 'above', value: 150, forSeconds: 0 }, severity: 'major' }, '/body/deviceId'],
    ] as const;
    for (const [body, at] of bad) {
      const r = await bed.as('shiftlead', 'POST', '/api/v1/iot/rules', body);
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(at);
    }
    expect((await bed.as('operator', 'POST', '/api/v1/iot/rules', bad[0][0])).statusCode).toBe(403);
    expect((await bed.as('operator', 'GET', '/api/v1/iot/rules')).json().items).toEqual([]);
  });
});

describe('threshold for a duration', () => {
  it('PM10 > 150 for 10 minutes raises one alarm, counts repeats, opens one case, and clears when it falls back', async () => {
    const r = await rule({ name: 'PM10 超标', typeCode: 'DUST', deviceId: 'YC-R-0001', quantity: 'pm10', kind: 'threshold', params: { op: 'above', value: 150, forSeconds: 600 }, severity: 'critical', caseClassCode: 'E0304' });
    const t0 = Date.now() - 30 * min;
    // 9 minutes above: not yet
    await send('YC-R-0001', [{ ts: t0, values: { pm10: 80 } }]);
    for (let k = 1; k <= 10; k++) await send('YC-R-0001', [{ ts: t0 + k * min, values: { pm10: 160 + k } }]);
    expect(await alarms('YC-R-0001')).toEqual([]);
    // the 10th minute above: raised
    await send('YC-R-0001', [{ ts: t0 + 11 * min, values: { pm10: 190 } }]);
    let list = await alarms('YC-R-0001');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'threshold', severity: 'critical', ruleId: r.id, value: 190, clearedAt: null, repeats: 1 });
    // still above: the same alarm, counted
    await send('YC-R-0001', [{ ts: t0 + 12 * min, values: { pm10: 230 } }, { ts: t0 + 13 * min, values: { pm10: 200 } }]);
    list = await alarms('YC-R-0001');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ repeats: 3, peak: 230 });

    // the outbox opens ONE case, even when the event is delivered twice
    while ((await bed.kernel.jobs.runOnce()) > 0);
    const alarmId = list[0]!.id as string;
    const event = await sql<{ id: string; payload: unknown }>`SELECT id, payload FROM outbox_event WHERE type = 'iot.alarm.raised'`.execute(bed.t.database.db);
    expect(event.rows).toHaveLength(1);
    // at-least-once delivery: a second delivery of the same event opens nothing more
    await bed.t.database.db.transaction().execute((tx) => caseOpener(bed.kernel)(tx, { id: event.rows[0]!.id, type: 'iot.alarm.raised', payload: event.rows[0]!.payload }));
    const cases = await sql<{ case_no: string; source: string; class_code: string; urgent: boolean; description: string }>`SELECT case_no, source, class_code, urgent, description FROM city_case`.execute(bed.t.database.db);
    expect(cases.rows).toHaveLength(1);
    expect(cases.rows[0]).toMatchObject({ source: 'sensor', class_code: 'E0304', urgent: true });
    expect(cases.rows[0]!.description).toContain('YC-R-0001');
    list = await alarms('YC-R-0001');
    expect(list[0]).toMatchObject({ caseNo: cases.rows[0]!.case_no });
    expect(alarmId).toBe(list[0]!.id);
    // and the alarm handlers were told, once each
    const notices = await sql<{ username: string; title: string; link: string }>`
      SELECT a.username, n.title_zh AS title, n.link FROM notification n JOIN account a ON a.id = n.account_id WHERE n.template = 'iot.alarm.raised'`.execute(bed.t.database.db);
    expect(notices.rows.map((n) => n.username).sort()).toEqual(['dispatcher', 'operator', 'shiftlead']);
    expect(notices.rows[0]).toMatchObject({ title: '【严重告警】测试设备 YC-R-0001（YC-R-0001）', link: '/work/iot/alarms' });

    // back below: cleared automatically
    await send('YC-R-0001', [{ ts: t0 + 14 * min, values: { pm10: 70 } }]);
    list = await alarms('YC-R-0001');
    expect(list[0]).toMatchObject({ clearedAutomatically: true });
    expect(list[0]!.clearedAt).not.toBeNull();
    expect(await alarms('YC-R-0001', 'open')).toEqual([]);
  });

  it('a gap in the streak (one reading below) restarts the duration', async () => {
    await rule({ name: 'PM10 超标 2', typeCode: 'DUST', deviceId: 'YC-R-0002', quantity: 'pm10', kind: 'threshold', params: { op: 'above', value: 150, forSeconds: 300 }, severity: 'major' });
    const t0 = Date.now() - 30 * min;
    await send('YC-R-0002', [0, 1, 2, 3].map((k) => ({ ts: t0 + k * min, values: { pm10: 200 } })));
    await send('YC-R-0002', [{ ts: t0 + 4 * min, values: { pm10: 100 } }]);
    await send('YC-R-0002', [5, 6, 7].map((k) => ({ ts: t0 + k * min, values: { pm10: 200 } })));
    expect(await alarms('YC-R-0002')).toEqual([]);
  });
});

describe('rate, anomaly and missing data', () => {
  it('a jump faster than the allowed rate raises a rate alarm', async () => {
    await rule({ name: 'PM10 突变', typeCode: 'DUST', deviceId: 'YC-R-0003', quantity: 'pm10', kind: 'rate', params: { perMinute: 50 }, severity: 'minor' });
    const t0 = Date.now() - 20 * min;
    await send('YC-R-0003', [{ ts: t0, values: { pm10: 40 } }, { ts: t0 + min, values: { pm10: 60 } }]);
    expect(await alarms('YC-R-0003')).toEqual([]);
    await send('YC-R-0003', [{ ts: t0 + 2 * min, values: { pm10: 180 } }]);
    const list = await alarms('YC-R-0003');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'rate', severity: 'minor' });
    expect(String(list[0]!.detail)).toContain('60 → 180');
  });

  it('a value far from the recent mean raises an anomaly alarm', async () => {
    await rule({ name: '噪声异常', typeCode: 'DUST', deviceId: 'YC-R-0004', quantity: 'noise', kind: 'anomaly', params: { sigmas: 4, hours: 2, minCount: 10 }, severity: 'warning' });
    const t0 = Date.now() - 90 * min;
    await send('YC-R-0004', Array.from({ length: 30 }, (_, k) => ({ ts: t0 + k * min, values: { noise: 55 + (k % 3) } })));
    expect(await alarms('YC-R-0004')).toEqual([]);
    await send('YC-R-0004', [{ ts: t0 + 31 * min, values: { noise: 95 } }]);
    expect(await alarms('YC-R-0004')).toMatchObject([{ kind: 'anomaly', value: 95 }]);
  });

  it('missing data raises once per device and clears when the quantity comes back', async () => {
    const r = await rule({ name: 'PM10 缺数', typeCode: 'DUST', deviceId: 'YC-R-0005', quantity: 'pm10', kind: 'missing', params: { forSeconds: 600 }, severity: 'major' });
    await send('YC-R-0005', [{ ts: Date.now() - 30 * min, values: { pm10: 50 } }]);
    const run = () => bed.t.database.db.transaction().execute((tx) => checkMissingData(tx, bed.runtime.rules, bed.kernel.events));
    expect((await run()).raised).toBe(1);
    expect((await run()).raised).toBe(0);
    const list = await alarms('YC-R-0005', 'open');
    expect(list).toMatchObject([{ kind: 'missing', ruleId: r.id, repeats: 2 }]);
    bed.runtime.alarms!.forgetOpen();
    await send('YC-R-0005', [{ ts: Date.now() - min, values: { pm10: 52 } }]);
    expect(await alarms('YC-R-0005', 'open')).toEqual([]);
  });
});

describe('the console', () => {
  it('acknowledges (first one counts), clears by hand once, audits both', async () => {
    await rule({ name: '低值', typeCode: 'DUST', deviceId: 'YC-R-0002', quantity: 'noise', kind: 'threshold', params: { op: 'below', value: 35, forSeconds: 0 }, severity: 'warning' });
    await send('YC-R-0002', [{ ts: Date.now() - 5 * min, values: { noise: 30 } }, { ts: Date.now() - 4 * min, values: { noise: 25 } }]);
    const [alarm] = await alarms('YC-R-0002', 'open');
    expect(alarm).toMatchObject({ peak: 25, repeats: 2 });
    const ack = await bed.as('shiftlead', 'POST', `/api/v1/iot/alarms/${alarm!.id}/acknowledge`, { note: '已通知现场' });
    expect(ack.json()).toMatchObject({ acknowledgedBy: '陈值班', ackNote: '已通知现场' });
    expect((await bed.as('citizen', 'POST', `/api/v1/iot/alarms/${alarm!.id}/acknowledge`, {})).statusCode).toBe(403);
    const cleared = await bed.as('shiftlead', 'POST', `/api/v1/iot/alarms/${alarm!.id}/clear`, { note: '传感器被遮挡，已处理' });
    expect(cleared.json()).toMatchObject({ clearedAutomatically: false });
    expect((await bed.as('shiftlead', 'POST', `/api/v1/iot/alarms/${alarm!.id}/clear`, {})).json().code).toBe('IOT_ALARM_CLEARED');
    await chainAudit(bed.t);
    const actions = (await sql<{ action: string }>`SELECT action FROM audit_log WHERE object_id = ${alarm!.id} ORDER BY seq`.execute(bed.t.database.db)).rows.map((r) => r.action);
    expect(actions).toEqual(['iot.alarm.acknowledge', 'iot.alarm.clear']);
  });
});
