/**
 * One flush = ONE transaction: COPY of the readings, the minute and hour roll-ups (upserts that
 * combine with what is stored: min = least, max = greatest, sum +, count +), the devices'
 * last-seen time and the refusal counters. When it commits, everything is there;
 * when it fails, nothing is, and the callers are told so. Locks are taken table by table, each in
 * key order, so two flushes (two server copies, or two flushes of one copy) never deadlock.
 */
import type pg from 'pg';
import { copyReadings } from './copy';
import { hourMs, minuteMs, rollUp, type RollupRows } from './rollup';
import type { RejectionCount, RejectionSample } from './tally';
import type { Reading } from './types';

export interface Batch {
  /** sorted by device, quantity, time; no key twice */
  rows: Reading[];
  /** device → when it was heard from (server time, ms), and how stale its stored last-seen time may be before it is rewritten */
  seen: Map<string, { at: number; staleMs: number }>;
  rejections: { counts: RejectionCount[]; samples: RejectionSample[] };
}

export interface WriteOutcome {
  /** rows that were stored before (a retransmission): not stored again, not rolled up again */
  duplicates: Reading[];
}

const samplesKept = 20;
const rowKey = (deviceId: string, quantity: string, ts: number) => `${deviceId}\u0000${quantity}\u0000${ts}`;

async function upsertRollup(client: pg.PoolClient, table: 'reading_minute' | 'reading_hour', r: RollupRows): Promise<void> {
  if (r.deviceIds.length === 0) return;
  await client.query(
    `INSERT INTO ${table} AS r (device_id, quantity, bucket, min, max, sum, count)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::float8[], $5::float8[], $6::float8[], $7::int[]) ORDER BY 1, 2, 3
     ON CONFLICT (device_id, quantity, bucket) DO UPDATE
        SET min = least(r.min, EXCLUDED.min), max = greatest(r.max, EXCLUDED.max), sum = r.sum + EXCLUDED.sum, count = r.count + EXCLUDED.count`,
    [r.deviceIds, r.quantities, r.buckets, r.mins, r.maxs, r.sums, r.counts],
  );
}

/**
 * Last seen: rewritten only when the stored time is older than the device's `staleMs` (at most
 * half its expected interval), so a device reporting every few seconds costs a read here, not a
 * row version. The rows that are rewritten are locked in id order first.
 */
async function touchDevices(client: pg.PoolClient, seen: Batch['seen']): Promise<void> {
  if (seen.size === 0) return;
  const ids = [...seen.keys()].sort();
  await client.query(
    `WITH v AS (SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::float8[]) AS v(id, seen, stale_s)),
          stale AS (SELECT d.id, v.seen FROM device d JOIN v ON v.id = d.id
                     WHERE d.last_seen_at IS NULL OR d.last_seen_at < v.seen - make_interval(secs => v.stale_s)
                     ORDER BY d.id FOR UPDATE OF d)
     UPDATE device d SET last_seen_at = s.seen FROM stale s WHERE d.id = s.id`,
    [ids, ids.map((id) => new Date(seen.get(id)!.at).toISOString()), ids.map((id) => seen.get(id)!.staleMs / 1000)],
  );
}

async function writeRejections(client: pg.PoolClient, { counts, samples }: Batch['rejections']): Promise<void> {
  if (counts.length > 0) {
    const sorted = [...counts].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
    await client.query(
      `INSERT INTO device_rejection AS r (device_id, reason, count, first_at, last_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::timestamptz[], $5::timestamptz[]) ORDER BY 1, 2
       ON CONFLICT (device_id, reason) DO UPDATE
          SET count = r.count + EXCLUDED.count, first_at = least(r.first_at, EXCLUDED.first_at), last_at = greatest(r.last_at, EXCLUDED.last_at)`,
      [sorted.map((c) => c.deviceId), sorted.map((c) => c.reason), sorted.map((c) => c.count), sorted.map((c) => new Date(c.firstAt).toISOString()), sorted.map((c) => new Date(c.lastAt).toISOString())],
    );
  }
  if (samples.length === 0) return;
  await client.query(
    `INSERT INTO device_rejection_sample (device_id, reason, at, detail) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[])`,
    [samples.map((s) => s.deviceId), samples.map((s) => s.reason), samples.map((s) => new Date(s.at).toISOString()), samples.map((s) => s.detail)],
  );
  // keep the newest samples per device; rows another flush is trimming are skipped, never waited for
  await client.query(
    `DELETE FROM device_rejection_sample WHERE id IN (
       SELECT s.id FROM device_rejection_sample s
        WHERE s.device_id = ANY($1::text[])
          AND s.id < (SELECT k.id FROM device_rejection_sample k WHERE k.device_id = s.device_id ORDER BY k.id DESC OFFSET ${samplesKept - 1} LIMIT 1)
        FOR UPDATE SKIP LOCKED)`,
    [[...new Set(samples.map((s) => s.deviceId))]],
  );
}

/** The slow path after a unique violation: insert what is new, learn what was there already. */
async function insertNew(client: pg.PoolClient, rows: readonly Reading[]): Promise<Reading[]> {
  const { rows: inserted } = await client.query<{ device_id: string; quantity: string; ts: Date }>(
    `INSERT INTO reading (device_id, quantity, ts, value)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::float8[])
     ON CONFLICT DO NOTHING RETURNING device_id, quantity, ts`,
    [rows.map((r) => r.deviceId), rows.map((r) => r.quantity), rows.map((r) => new Date(r.ts).toISOString()), rows.map((r) => r.value)],
  );
  const stored = new Set(inserted.map((r) => rowKey(r.device_id, r.quantity, r.ts.getTime())));
  return rows.filter((r) => !stored.has(rowKey(r.deviceId, r.quantity, r.ts)));
}

const codeOf = (error: unknown) => (error as { code?: string }).code;

/** Writes one batch in one transaction on its own connection. Throws when nothing was committed. */
export async function writeBatch(pool: pg.Pool, batch: Batch): Promise<WriteOutcome> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    let duplicates: Reading[] = [];
    await client.query('BEGIN');
    try {
      if (batch.rows.length > 0) await copyReadings(client, batch.rows);
    } catch (error) {
      if (codeOf(error) !== '23505') throw error;
      // a reading stored before (QoS 1 retransmission): start again on the slow path for this batch
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      duplicates = await insertNew(client, batch.rows);
    }
    const repeated = new Set(duplicates);
    const stored = repeated.size === 0 ? batch.rows : batch.rows.filter((r) => !repeated.has(r));
    await upsertRollup(client, 'reading_minute', rollUp(stored, minuteMs));
    await upsertRollup(client, 'reading_hour', rollUp(stored, hourMs));
    await touchDevices(client, batch.seen);
    await writeRejections(client, withDuplicates(batch.rejections, duplicates));
    await client.query('COMMIT');
    return { duplicates };
  } catch (error) {
    await client.query('ROLLBACK').catch((e: unknown) => {
      broken = e instanceof Error ? e : new Error(String(e));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

function withDuplicates(rejections: Batch['rejections'], duplicates: readonly Reading[]): Batch['rejections'] {
  if (duplicates.length === 0) return rejections;
  const counts = rejections.counts.map((c) => ({ ...c }));
  const samples = [...rejections.samples];
  const now = Date.now();
  const byDevice = new Map<string, number>();
  for (const d of duplicates) byDevice.set(d.deviceId, (byDevice.get(d.deviceId) ?? 0) + 1);
  for (const [deviceId, n] of byDevice) {
    const same = counts.find((c) => c.deviceId === deviceId && c.reason === 'duplicate');
    if (same) same.count += n;
    else counts.push({ deviceId, reason: 'duplicate', count: n, firstAt: now, lastAt: now });
    samples.push({ deviceId, reason: 'duplicate', at: now, detail: `${n} reading(s) stored before (retransmission)` });
  }
  return { counts, samples };
}
