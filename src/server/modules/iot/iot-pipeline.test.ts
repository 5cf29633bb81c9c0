/** The ingestion pipeline against a real database: refusals, COPY + roll-ups, duplicates, partitions made on demand. */
import { sql } from 'kysely';
import { createLogger } from '../../kernel/logger';
import { IngestNotStored, Ingestion } from './ingest/pipeline';
import { RegistryCache } from './ingest/registry-cache';
import { PartitionKeeper } from './storage/partitions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPartitions, minuteTable, partitionName, rawTable } from './storage/partitions';
import { ensureAhead } from './storage/maintenance';
import { dayMs, dayStart, monthStart } from './storage/periods';
import { iotTestbed, type IotTestbed } from './test-support';

let bed: IotTestbed;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  bed = await iotTestbed();
  for (const id of ['YC-T-0001', 'YC-T-0002', 'YC-T-0003']) tokens[id] = await bed.device(id, 'DUST');
  tokens['YC-T-0009'] = await bed.device('YC-T-0009', 'NOISE');
});
afterAll(async () => bed.close());

const ingestion = () => bed.runtime.ingestion;

describe('refusals', () => {
  it('refuses every kind, counts it per device and reason with samples, stores none of it, and never throws', async () => {
    const now = Date.now();
    const result = await ingestion().submit('YC-T-0001', [
      { values: { pm10: 50 } },
      { values: { so2: 1 } },
      { values: { pm10: 5000 } },
      { ts: now + 10 * 60_000, values: { pm10: 1, noise: 50 } },
      { ts: now - 100 * dayMs, values: { pm10: 1 } },
      'not an object',
      { ts: 'yesterday', values: { pm10: 3 } },
      { values: { pm10: '12' } },
      null,
    ]);
    expect(result).toEqual({ accepted: 1, rejected: { unknown_quantity: 1, out_of_range: 1, future: 2, too_old: 1, malformed: 4 } });
    expect(await ingestion().submitPayload('YC-T-0001', '{"values": {"pm10": ')).toEqual({ accepted: 0, rejected: { malformed: 1 } });
    expect(await ingestion().authenticate('YC-NOPE-0001', tokens['YC-T-0001']!)).toEqual({ ok: false, reason: 'unknown_device' });
    expect(await ingestion().authenticate('YC-T-0001', 'ydt_wrong')).toEqual({ ok: false, reason: 'bad_credentials' });
    expect((await ingestion().authenticate('YC-T-0001', tokens['YC-T-0001']!)).ok).toBe(true);
    await ingestion().flush();

    const counts = Object.fromEntries(
      (await bed.db.selectFrom('device_rejection').select(['device_id', 'reason', 'count']).execute()).map((r) => [`${r.device_id}/${r.reason}`, Number(r.count)]),
    );
    expect(counts).toEqual({
      'YC-T-0001/unknown_quantity': 1,
      'YC-T-0001/out_of_range': 1,
      'YC-T-0001/future': 2,
      'YC-T-0001/too_old': 1,
      'YC-T-0001/malformed': 5,
      'YC-T-0001/bad_credentials': 1,
      '*/unknown_device': 1,
    });
    const samples = await bed.db.selectFrom('device_rejection_sample').select(['device_id', 'reason', 'detail']).execute();
    expect(samples.some((s) => s.device_id === '*' && s.detail.includes('YC-NOPE-0001'))).toBe(true);
    expect(samples.find((s) => s.reason === 'out_of_range')!.detail).toContain('pm10=5000');
    expect(samples.filter((s) => s.device_id === 'YC-T-0001').length).toBeLessThanOrEqual(20);
    // only the one good value was stored
    expect((await bed.db.selectFrom('reading').select(['quantity', 'value']).where('device_id', '=', 'YC-T-0001').execute())).toEqual([{ quantity: 'pm10', value: 50 }]);
  });

  it('a disabled device is refused until enabled again', async () => {
    await bed.as('admin', 'PATCH', '/api/v1/iot/devices/YC-T-0003', { status: 'disabled' });
    expect(await ingestion().authenticate('YC-T-0003', tokens['YC-T-0003']!)).toEqual({ ok: false, reason: 'disabled' });
    expect(await ingestion().submit('YC-T-0003', [{ values: { pm10: 1 } }])).toEqual({ accepted: 0, rejected: { disabled: 1 } });
    await bed.as('admin', 'PATCH', '/api/v1/iot/devices/YC-T-0003', { status: 'active' });
    expect((await ingestion().authenticate('YC-T-0003', tokens['YC-T-0003']!)).ok).toBe(true);
  });
});

describe('batches: COPY, roll-ups, latest, last seen — in one transaction', () => {
  it('stores every reading and keeps minute and hour roll-ups equal to what the readings give', async () => {
    // three hours of 7-second readings of two quantities from two devices, sent in shuffled groups so that
    // the same minute and hour buckets are written by several flushes and must be combined by the upsert
    const start = Math.floor((Date.now() - 3 * 3_600_000) / 3_600_000) * 3_600_000 + 1234;
    const messages: Array<{ device: string; ts: number; values: Record<string, number> }> = [];
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    for (const device of ['YC-T-0002', 'YC-T-0003']) {
      for (let ts = start; ts < start + 3 * 3_600_000 - 60_000; ts += 7000) messages.push({ device, ts, values: { pm10: Math.round(rnd() * 1500 * 100) / 100, noise: 30 + Math.round(rnd() * 900) / 10 } });
    }
    for (let i = messages.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rnd() * (i + 1));
      [messages[i], messages[j]] = [messages[j]!, messages[i]!];
    }
    const groups = 6;
    let accepted = 0;
    for (let g = 0; g < groups; g += 1) {
      const part = messages.filter((_, i) => i % groups === g);
      const results = await Promise.all(['YC-T-0002', 'YC-T-0003'].map((d) => ingestion().submit(d, part.filter((m) => m.device === d).map((m) => ({ ts: m.ts, values: m.values })))));
      accepted += results.reduce((n, r) => n + r.accepted, 0);
    }
    expect(accepted).toBe(messages.length * 2);

    const expected = (bucketMs: number) => {
      const map = new Map<string, { min: number; max: number; sum: number; count: number }>();
      for (const m of messages) {
        for (const [q, v] of Object.entries(m.values)) {
          const key = `${m.device}|${q}|${new Date(Math.floor(m.ts / bucketMs) * bucketMs).toISOString()}`;
          const a = map.get(key);
          if (a) Object.assign(a, { min: Math.min(a.min, v), max: Math.max(a.max, v), sum: a.sum + v, count: a.count + 1 });
          else map.set(key, { min: v, max: v, sum: v, count: 1 });
        }
      }
      return map;
    };
    for (const [table, bucketMs] of [['reading_minute', 60_000], ['reading_hour', 3_600_000]] as const) {
      const rows = await bed.db.selectFrom(table).selectAll().where('device_id', 'in', ['YC-T-0002', 'YC-T-0003']).execute();
      const want = expected(bucketMs);
      expect(rows.length).toBe(want.size);
      for (const r of rows) {
        const w = want.get(`${r.device_id}|${r.quantity}|${r.bucket.toISOString()}`)!;
        expect({ min: r.min, max: r.max, count: r.count }).toEqual({ min: w.min, max: w.max, count: w.count });
        expect(r.sum).toBeCloseTo(w.sum, 6);
      }
    }
    const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM reading WHERE device_id IN ('YC-T-0002', 'YC-T-0003')`.execute(bed.db);
    expect(stored.rows[0]!.n).toBe(messages.length * 2);
    const newest = Math.max(...messages.map((m) => m.ts));
    const latest = (await bed.as('operator', 'GET', '/api/v1/iot/devices/YC-T-0002/latest')).json().values as Array<{ quantity: string; ts: string }>;
    expect(latest.map((l) => [l.quantity, Date.parse(l.ts)])).toEqual([['pm10', newest], ['noise', newest]]);
    const device = await bed.db.selectFrom('device').select('last_seen_at').where('id', '=', 'YC-T-0002').executeTakeFirstOrThrow();
    expect(Date.now() - device.last_seen_at!.getTime()).toBeLessThan(60_000);
  });

  it('a reading sent again (QoS 1 retransmission) is a counted duplicate, not a second value in the roll-ups', async () => {
    const ts = Date.now() - 30_000;
    expect(await ingestion().submit('YC-T-0001', [{ ts, values: { pm10: 10, noise: 40 } }])).toEqual({ accepted: 2, rejected: {} });
    const again = await ingestion().submit('YC-T-0001', [{ ts, values: { pm10: 10, noise: 40 } }, { ts: ts + 1000, values: { pm10: 20 } }]);
    expect(again).toEqual({ accepted: 1, rejected: { duplicate: 2 } });
    // twice within one batch
    expect(await ingestion().submit('YC-T-0001', [{ ts: ts + 2000, values: { pm10: 30 } }, { ts: ts + 2000, values: { pm10: 30 } }])).toEqual({ accepted: 1, rejected: { duplicate: 1 } });
    const minute = await bed.db.selectFrom('reading_minute').selectAll().where('device_id', '=', 'YC-T-0001').where('quantity', '=', 'pm10').where('bucket', '=', new Date(Math.floor(ts / 60_000) * 60_000)).executeTakeFirstOrThrow();
    const stored = await bed.db.selectFrom('reading').select('value').where('device_id', '=', 'YC-T-0001').where('quantity', '=', 'pm10').where('ts', '>=', new Date(Math.floor(ts / 60_000) * 60_000)).where('ts', '<', new Date(Math.floor(ts / 60_000) * 60_000 + 60_000)).execute();
    expect(minute.count).toBe(stored.length);
    expect(minute.sum).toBeCloseTo(stored.reduce((s, r) => s + r.value, 0), 9);
    await ingestion().flush();
    expect(Number((await bed.db.selectFrom('device_rejection').select('count').where('device_id', '=', 'YC-T-0001').where('reason', '=', 'duplicate').executeTakeFirstOrThrow()).count)).toBe(3);
  });
});

describe('durability', () => {
  it('a batch that fails half-way leaves nothing behind, and its senders are told (to send again)', async () => {
    // the hour roll-up refuses one marked value: the COPY and minute upsert before it must roll back too
    await sql`CREATE FUNCTION iot_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW.max = 1234.5 THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$`.execute(bed.db);
    await sql`CREATE TRIGGER iot_test_fail BEFORE INSERT ON reading_hour FOR EACH ROW EXECUTE FUNCTION iot_test_fail()`.execute(bed.db);
    const ts = Date.now() - 7 * 3_600_000;
    await expect(ingestion().submit('YC-T-0001', [{ ts, values: { pm10: 1234.5, noise: 50 } }])).rejects.toBeInstanceOf(IngestNotStored);
    await sql`DROP TRIGGER iot_test_fail ON reading_hour`.execute(bed.db);
    expect(await bed.db.selectFrom('reading').select('value').where('device_id', '=', 'YC-T-0001').where('ts', '=', new Date(ts)).execute()).toEqual([]);
    expect(await bed.db.selectFrom('reading_minute').select('count').where('device_id', '=', 'YC-T-0001').where('bucket', '=', new Date(Math.floor(ts / 60_000) * 60_000)).execute()).toEqual([]);
    // sent again, it is stored once
    expect(await ingestion().submit('YC-T-0001', [{ ts, values: { pm10: 1234.5, noise: 50 } }])).toEqual({ accepted: 2, rejected: {} });
  });

  it('without a database the caller is told, not answered', async () => {
    const broken = { connect: async () => Promise.reject(new Error('connection refused')) } as unknown as typeof bed.t.database.pool;
    const offline = new Ingestion(broken, bed.runtime.registry, bed.runtime.partitions, createLogger('silent'));
    await expect(offline.submit('YC-T-0001', [{ values: { pm10: 1 } }])).rejects.toBeInstanceOf(IngestNotStored);
  });
});

describe('two server copies', () => {
  it('flushing the same keys at once neither deadlocks nor counts a reading twice', async () => {
    // two pipelines with their own registry and partition views, as two processes would have, sending
    // overlapping readings (a QoS 1 resend reaching the other copy) in opposite orders, in small batches
    const copy = () => new Ingestion(bed.t.database.pool, new RegistryCache(bed.db), new PartitionKeeper(bed.db), createLogger('silent'), { maxBatch: 200, maxDelayMs: 5, lanes: 3 });
    const [a, b] = [copy(), copy()];
    const start = Math.floor(Date.now() / 60_000) * 60_000 - 40 * 60_000;
    const messages = Array.from({ length: 600 }, (_, i) => ({ ts: start + i * 3000, values: { pm10: i % 97, noise: 30 + (i % 50) } }));
    const send = (p: Ingestion, list: typeof messages) => Promise.all(Array.from({ length: 30 }, (_, k) => p.submit('YC-T-0003', list.slice(k * 20, k * 20 + 20))));
    const [ra, rb] = await Promise.all([send(a, messages), send(b, [...messages].reverse())]);
    const all = [...ra, ...rb];
    expect(all.reduce((n, r) => n + r.accepted, 0)).toBe(1200);
    expect(all.reduce((n, r) => n + (r.rejected.duplicate ?? 0), 0)).toBe(1200);
    const check = await sql<{ bad: number }>`
      SELECT count(*)::int AS bad
        FROM (SELECT * FROM reading_minute WHERE device_id = 'YC-T-0003' AND bucket >= ${new Date(start)}) m
        FULL JOIN (SELECT quantity, date_trunc('minute', ts) AS bucket, min(value) AS min, max(value) AS max, sum(value) AS sum, count(*)::int AS count
                     FROM reading WHERE device_id = 'YC-T-0003' AND ts >= ${new Date(start)} GROUP BY 1, 2) r
          ON r.quantity = m.quantity AND r.bucket = m.bucket
       WHERE (m.count IS DISTINCT FROM r.count OR m.min IS DISTINCT FROM r.min OR m.max IS DISTINCT FROM r.max OR abs(m.sum - r.sum) > 1e-9)`.execute(bed.db);
    expect(check.rows[0]!.bad).toBe(0);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('partitions', () => {
  it('the storage job creates the partitions of the coming days (and their months) ahead of time', async () => {
    const later = Date.now() + 40 * dayMs;
    expect(await ensureAhead(bed.runtime.partitions, later, 7)).toEqual([]);
    const days = (await listPartitions(bed.db, rawTable)).map((p) => p.name);
    for (let k = 0; k <= 7; k += 1) expect(days).toContain(partitionName(rawTable, dayStart(later) + k * dayMs));
    const months = (await listPartitions(bed.db, minuteTable)).map((p) => p.name);
    expect(months).toContain(partitionName(minuteTable, monthStart(later + 7 * dayMs)));
  });

  it('a reading for a day without a partition gets one made and is stored', async () => {
    const ts = Date.now() - 20 * dayMs;
    const name = partitionName(rawTable, dayStart(ts));
    expect((await listPartitions(bed.db, rawTable)).map((p) => p.name)).not.toContain(name);
    expect(await ingestion().submit('YC-T-0009', [{ ts, values: { noise: 55 } }])).toEqual({ accepted: 1, rejected: {} });
    expect((await listPartitions(bed.db, rawTable)).map((p) => p.name)).toContain(name);
    const row = await sql<{ value: number }>`SELECT value FROM ${sql.id(name)} WHERE device_id = 'YC-T-0009'`.execute(bed.db);
    expect(row.rows).toEqual([{ value: 55 }]);
  });

  it('when a partition cannot be made, its readings are refused and the rest of the batch is stored', async () => {
    const ts = Date.now() - 30 * dayMs;
    // a table in the way of the day's partition (another schema, say): creating the partition fails
    await sql`CREATE TABLE ${sql.id(partitionName(rawTable, dayStart(ts)))} (something_else int)`.execute(bed.db);
    const result = await ingestion().submit('YC-T-0009', [{ ts, values: { noise: 60 } }, { values: { noise: 61 } }]);
    expect(result).toEqual({ accepted: 1, rejected: { no_partition: 1 } });
    await ingestion().flush();
    const counts = await bed.db.selectFrom('device_rejection').select('count').where('device_id', '=', 'YC-T-0009').where('reason', '=', 'no_partition').executeTakeFirstOrThrow();
    expect(Number(counts.count)).toBe(1);
  });
});
