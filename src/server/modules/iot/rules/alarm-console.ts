/**
 * The alarm console's reads and actions: list alarms (silence and rule alarms alike), acknowledge
 * one (确认: someone is on it, with a note), or clear it by hand (人工消除) when the condition cannot
 * clear by itself. Both are audited in their transaction.
 */
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/access';
import { appendAudit } from '../../../kernel/audit/write';
import type { EventBus } from '../../../kernel/events/bus';
import { AppError } from '../../../kernel/http/problem';
import type { IotDb } from '../store';
import type { AlarmFilter } from './rule-schemas';

const notFound = (id: string) => new AppError(404, 'IOT_ALARM_NOT_FOUND', `告警不存在：${id}`, `No such alarm: ${id}`);
const alreadyCleared = () => new AppError(409, 'IOT_ALARM_CLEARED', '告警已消除', 'The alarm is already cleared');

const severityOrder = sql`CASE a.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'minor' THEN 2 ELSE 3 END`;

export async function listAlarms(db: IotDb, filter: AlarmFilter & { id?: string }) {
  const state = filter.state ?? 'open';
  const rows = await sql<{
    id: string; device_id: string; device_name: string; type_code: string; kind: string; rule_id: string | null; rule_name: string | null; severity: string;
    quantity: string | null; value: number | null; peak: number | null; detail: string | null; repeats: number; opened_at: Date; last_triggered_at: Date | null;
    closed_at: Date | null; cleared_by: string | null; acknowledged_at: Date | null; acknowledged_by_name: string | null; ack_note: string | null;
    case_id: string | null; case_no: string | null; lng: number; lat: number;
  }>`
    SELECT a.id, a.device_id, d.name AS device_name, d.type_code, a.kind, a.rule_id, r.name AS rule_name, a.severity, a.quantity, a.value, a.peak, a.detail,
           a.repeats, a.opened_at, a.last_triggered_at, a.closed_at, a.cleared_by, a.acknowledged_at, acc.display_name AS acknowledged_by_name, a.ack_note,
           a.case_id, a.case_no, d.lng, d.lat
      FROM device_alarm a
      JOIN device d ON d.id = a.device_id
      LEFT JOIN alarm_rule r ON r.id = a.rule_id
      LEFT JOIN account acc ON acc.id = a.acknowledged_by
     WHERE true
       ${filter.id ? sql`AND a.id = ${filter.id}` : sql``}
       ${state === 'open' ? sql`AND a.closed_at IS NULL` : state === 'unacknowledged' ? sql`AND a.acknowledged_at IS NULL` : state === 'cleared' ? sql`AND a.closed_at IS NOT NULL` : sql``}
       ${filter.severity ? sql`AND a.severity = ${filter.severity}` : sql``}
       ${filter.deviceId ? sql`AND a.device_id = ${filter.deviceId}` : sql``}
     ORDER BY (a.closed_at IS NULL) DESC, ${severityOrder}, a.opened_at DESC
     LIMIT ${filter.limit ?? 200}`.execute(db);
  return rows.rows.map((a) => ({
    id: a.id,
    deviceId: a.device_id,
    deviceName: a.device_name,
    typeCode: a.type_code,
    kind: a.kind,
    ruleId: a.rule_id,
    ruleName: a.rule_name,
    severity: a.severity,
    quantity: a.quantity,
    value: a.value,
    peak: a.peak,
    detail: a.detail,
    repeats: a.repeats,
    openedAt: a.opened_at.toISOString(),
    lastTriggeredAt: a.last_triggered_at?.toISOString() ?? null,
    clearedAt: a.closed_at?.toISOString() ?? null,
    clearedAutomatically: a.closed_at !== null && a.cleared_by === null,
    acknowledgedAt: a.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: a.acknowledged_by_name,
    ackNote: a.ack_note,
    caseId: a.case_id,
    caseNo: a.case_no,
    lng: a.lng,
    lat: a.lat,
  }));
}

export async function acknowledgeAlarm(db: IotDb, actor: Actor, ip: string | null, id: string, note: string | null) {
  await db.transaction().execute(async (tx) => {
    const alarm = await tx.selectFrom('device_alarm').select(['id', 'acknowledged_at']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!alarm) throw notFound(id);
    // acknowledging twice keeps the first: who took it on first is what the shift wants to know
    if (alarm.acknowledged_at) return;
    await tx.updateTable('device_alarm').set({ acknowledged_at: new Date(), acknowledged_by: actor.accountId, ack_note: note }).where('id', '=', id).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'iot.alarm.acknowledge', objectType: 'device_alarm', objectId: id, details: { note } });
  });
  return (await listAlarms(db, { id, state: 'all' }))[0]!;
}

export async function clearAlarm(db: IotDb, events: Pick<EventBus, 'publish'>, actor: Actor, ip: string | null, id: string, note: string | null) {
  await db.transaction().execute(async (tx) => {
    const alarm = await tx.selectFrom('device_alarm').select(['id', 'closed_at', 'rule_id', 'device_id', 'acknowledged_at']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!alarm) throw notFound(id);
    if (alarm.closed_at) throw alreadyCleared();
    const now = new Date();
    await tx
      .updateTable('device_alarm')
      .set({ closed_at: now, cleared_by: actor.accountId, ...(alarm.acknowledged_at ? {} : { acknowledged_at: now, acknowledged_by: actor.accountId, ack_note: note }) })
      .where('id', '=', id)
      .execute();
    await events.publish(tx, 'iot.alarm.cleared', { alarmId: id, ruleId: alarm.rule_id, deviceId: alarm.device_id, automatic: false });
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'iot.alarm.clear', objectType: 'device_alarm', objectId: id, details: { note } });
  });
  return (await listAlarms(db, { id, state: 'all' }))[0]!;
}
