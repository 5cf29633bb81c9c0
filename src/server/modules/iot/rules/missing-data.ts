/**
 * The missing-data rule (数据缺失): a device of the rule's type that has reported the quantity
 * before, and whose newest reading of it is older than `forSeconds`, gets one open alarm. Runs as
 * a recurring job in the job's transaction (once, whichever copy runs it); the evaluator clears
 * the alarm when the quantity is reported again, and this job clears it too if the device was
 * disabled. Reads the minute roll-ups: one row per device and minute, kept for 400 days.
 */
import { sql } from 'kysely';
import type { AnyTx } from '../../../kernel/audit/write';
import type { EventBus } from '../../../kernel/events/bus';
import type { IotDb } from '../store';
import { clearOpen, raise } from './alarm-store';
import type { RuleSet } from './rule-set';

export const missingJobName = 'iot.missing-data';
export const missingJobEveryMs = 60_000;

export async function checkMissingData(anyTx: AnyTx, rules: RuleSet, events: Pick<EventBus, 'publish'>, now = Date.now()): Promise<{ raised: number; cleared: number }> {
  const tx = anyTx as IotDb;
  let raised = 0;
  let cleared = 0;
  for (const rule of await rules.ofKind('missing')) {
    if (!('forSeconds' in rule.params) || 'op' in rule.params) continue;
    const since = new Date(now - rule.params.forSeconds * 1000);
    // devices of the rule that have reported, with their newest minute of the quantity within a day before `since`
    const rows = await sql<{ id: string; status: string; newest: Date | null }>`
      SELECT d.id, d.status,
             (SELECT max(m.bucket) FROM reading_minute m
               WHERE m.device_id = d.id AND m.quantity = ${rule.quantity} AND m.bucket > ${new Date(since.getTime() - 86_400_000)}) AS newest
        FROM device d
       WHERE d.type_code = ${rule.typeCode} AND d.last_seen_at IS NOT NULL
         AND (${rule.deviceId}::text IS NULL OR d.id = ${rule.deviceId})`.execute(tx);
    for (const d of rows.rows) {
      // the minute bucket holds readings up to a minute after its start
      const silent = d.status === 'active' && (d.newest === null || d.newest.getTime() + 60_000 < since.getTime());
      if (silent) {
        const last = d.newest ? `最后数据 ${d.newest.toISOString()}` : '一天以上无数据';
        const r = await raise(tx, events, { rule, deviceId: d.id, value: 0, peak: 0, ts: now, detail: `${rule.quantity} 缺失 ≥ ${Math.round(rule.params.forSeconds / 60)} min（${last}）`, count: 1 });
        if (r.opened) raised += 1;
      } else if (d.status !== 'active' && (await clearOpen(tx, events, rule.id, d.id))) cleared += 1;
    }
  }
  return { raised, cleared };
}
