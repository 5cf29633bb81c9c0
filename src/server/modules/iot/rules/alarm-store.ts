/**
 * Raising and clearing rule alarms. At most one alarm is open per device and rule (unique index):
 * a trigger while it is open is counted on it (`repeats`, `peak`) instead of opening another.
 * Opening and clearing publish `iot.alarm.raised` / `iot.alarm.cleared` in the same transaction.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { EventBus } from '../../../kernel/events/bus';
import type { IotDb } from '../store';
import type { Rule } from './rule-set';

export interface Trigger {
  rule: Rule;
  deviceId: string;
  /** the latest triggering value */
  value: number;
  /** the farthest triggering value (highest, or lowest for `below`) */
  peak: number;
  /** reading time, epoch ms */
  ts: number;
  detail: string;
  /** how many readings of this batch triggered it */
  count: number;
}

export interface AlarmRaised {
  alarmId: string;
  ruleId: string;
  deviceId: string;
  severity: string;
  caseClassCode: string | null;
}

/** `below` rules keep the lowest value as the peak, the others the highest. */
export const keepsLowest = (rule: Rule) => rule.kind === 'threshold' && 'op' in rule.params && rule.params.op === 'below';

export async function raise(tx: IotDb, events: Pick<EventBus, 'publish'>, t: Trigger): Promise<{ alarmId: string; opened: boolean }> {
  const lowest = keepsLowest(t.rule);
  const row = await sql<{ id: string; opened: boolean }>`
    INSERT INTO device_alarm (id, device_id, kind, rule_id, severity, quantity, value, peak, detail, repeats, last_triggered_at)
    VALUES (${uuidv7()}, ${t.deviceId}, ${t.rule.kind}, ${t.rule.id}, ${t.rule.severity}, ${t.rule.quantity}, ${t.value}, ${t.peak}, ${t.detail}, ${t.count}, ${new Date(t.ts)})
    ON CONFLICT (device_id, rule_id) WHERE closed_at IS NULL AND rule_id IS NOT NULL
    DO UPDATE SET repeats = device_alarm.repeats + EXCLUDED.repeats,
                  last_triggered_at = GREATEST(device_alarm.last_triggered_at, EXCLUDED.last_triggered_at),
                  peak = CASE WHEN ${lowest} THEN LEAST(device_alarm.peak, EXCLUDED.peak) ELSE GREATEST(device_alarm.peak, EXCLUDED.peak) END
    RETURNING id, (xmax = 0) AS opened`.execute(tx);
  const { id, opened } = row.rows[0]!;
  if (opened) {
    const event: AlarmRaised = { alarmId: id, ruleId: t.rule.id, deviceId: t.deviceId, severity: t.rule.severity, caseClassCode: t.rule.caseClassCode };
    await events.publish(tx, 'iot.alarm.raised', event);
  }
  return { alarmId: id, opened };
}

/** Closes the open alarm of a rule on a device (the condition is over); null when none was open. */
export async function clearOpen(tx: IotDb, events: Pick<EventBus, 'publish'>, ruleId: string, deviceId: string, by: string | null = null): Promise<string | null> {
  const row = await sql<{ id: string }>`
    UPDATE device_alarm SET closed_at = now(), cleared_by = ${by}
     WHERE device_id = ${deviceId} AND rule_id = ${ruleId} AND closed_at IS NULL
    RETURNING id`.execute(tx);
  const id = row.rows[0]?.id ?? null;
  if (id) await events.publish(tx, 'iot.alarm.cleared', { alarmId: id, ruleId, deviceId, automatic: by === null });
  return id;
}

/** The open rule alarms, as `ruleId/deviceId` keys (a small set: what operators are looking at). */
export async function openRuleAlarmKeys(db: IotDb): Promise<Set<string>> {
  const rows = await db.selectFrom('device_alarm').select(['rule_id', 'device_id']).where('closed_at', 'is', null).where('rule_id', 'is not', null).execute();
  return new Set(rows.map((r) => `${r.rule_id}/${r.device_id}`));
}
