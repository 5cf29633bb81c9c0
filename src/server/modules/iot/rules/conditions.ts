/**
 * What each rule kind asks of a reading. Checks that need history read it from the database, not
 * from this copy's memory: with several server copies (HTTP behind a balancer, MQTT shared
 * subscriptions) consecutive readings of one device may be stored by different copies.
 */
import { sql } from 'kysely';
import type { IotDb, RuleParams } from '../store';

type Threshold = Extract<RuleParams, { op: 'above' | 'below' }>;
type Rate = Extract<RuleParams, { perMinute: number }>;
type Anomaly = Extract<RuleParams, { sigmas: number }>;

export const isThreshold = (p: RuleParams): p is Threshold => 'op' in p;
export const isRate = (p: RuleParams): p is Rate => 'perMinute' in p;
export const isAnomaly = (p: RuleParams): p is Anomaly => 'sigmas' in p;

export const crosses = (p: Threshold, value: number) => (p.op === 'above' ? value > p.value : value < p.value);

/**
 * Has the threshold been crossed for the whole duration up to `ts`? True when every reading in
 * (ts − D, ts] crosses it and so does the last reading at or before ts − D (the streak began
 * no later than the window's start).
 */
export async function crossedThroughout(db: IotDb, deviceId: string, quantity: string, p: Threshold, ts: number): Promise<boolean> {
  if (p.forSeconds <= 0) return true;
  const from = new Date(ts - p.forSeconds * 1000);
  const to = new Date(ts);
  const ok = p.op === 'above' ? sql`value > ${p.value}` : sql`value < ${p.value}`;
  const row = await sql<{ breaks: number; before_ok: boolean | null }>`
    SELECT (SELECT count(*)::int FROM reading WHERE device_id = ${deviceId} AND quantity = ${quantity} AND ts > ${from} AND ts <= ${to} AND NOT (${ok})) AS breaks,
           (SELECT ${ok} FROM reading WHERE device_id = ${deviceId} AND quantity = ${quantity} AND ts <= ${from} AND ts > ${new Date(ts - p.forSeconds * 1000 - 86_400_000)}
             ORDER BY ts DESC LIMIT 1) AS before_ok`.execute(db);
  const r = row.rows[0]!;
  return r.breaks === 0 && r.before_ok === true;
}

/** The reading before `ts` (within a day), for the rate of change. */
export async function previousReading(db: IotDb, deviceId: string, quantity: string, ts: number): Promise<{ ts: number; value: number } | null> {
  const row = await db
    .selectFrom('reading')
    .select(['ts', 'value'])
    .where('device_id', '=', deviceId)
    .where('quantity', '=', quantity)
    .where('ts', '<', new Date(ts))
    .where('ts', '>', new Date(ts - 86_400_000))
    .orderBy('ts', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ts: row.ts.getTime(), value: row.value } : null;
}

/** |Δvalue| per minute between two readings. */
export const ratePerMinute = (prev: { ts: number; value: number }, cur: { ts: number; value: number }) =>
  cur.ts > prev.ts ? Math.abs(cur.value - prev.value) / ((cur.ts - prev.ts) / 60_000) : 0;

export interface Moving {
  mean: number;
  sd: number;
  count: number;
}

/** Mean and standard deviation of the readings of the last hours before `ts` (the anomaly rule's baseline). */
export async function movingStats(db: IotDb, deviceId: string, quantity: string, hours: number, ts: number): Promise<Moving> {
  const row = await sql<{ mean: number | null; sd: number | null; count: number }>`
    SELECT avg(value) AS mean, stddev_samp(value) AS sd, count(*)::int AS count FROM reading
     WHERE device_id = ${deviceId} AND quantity = ${quantity} AND ts > ${new Date(ts - hours * 3_600_000)} AND ts < ${new Date(ts)}`.execute(db);
  const r = row.rows[0]!;
  return { mean: Number(r.mean ?? 0), sd: Number(r.sd ?? 0), count: r.count };
}

/** How many standard deviations away; a flat baseline counts any change of 1% of its level (or 0.01) as one. */
export function sigmasAway(stats: Moving, value: number): number {
  const sd = Math.max(stats.sd, Math.abs(stats.mean) * 0.01, 0.01);
  return Math.abs(value - stats.mean) / sd;
}
