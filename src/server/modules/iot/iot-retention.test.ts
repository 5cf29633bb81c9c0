/** Retention: per-type deletes inside shared partitions, whole partitions dropped past the longest retention. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintainStorage } from './storage/maintenance';
import { listPartitions, minuteTable, rawTable } from './storage/partitions';
import { dayMs } from './storage/periods';
import { iotTestbed, type IotTestbed } from './test-support';

let bed: IotTestbed;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  bed = await iotTestbed();
  tokens.dust = await bed.device('YC-RET-0001', 'DUST');
  tokens.noise = await bed.device('YC-RET-0002', 'NOISE');
});
afterAll(async () => bed.close());

const count = async (table: 'reading' | 'reading_minute' | 'reading_hour', deviceId: string) =>
  Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE device_id = ${deviceId}`.execute(bed.db)).rows[0]!.n);

describe('retention', () => {
  it('a type with a shorter raw retention loses its expired readings; others in the same partitions stay', async () => {
    const old = Date.now() - 20 * dayMs;
    const ingestion = bed.runtime.ingestion;
    expect((await ingestion.submit('YC-RET-0001', [{ ts: old, values: { pm10: 5 } }, { values: { pm10: 6 } }])).accepted).toBe(2);
    expect((await ingestion.submit('YC-RET-0002', [{ ts: old, values: { noise: 50 } }])).accepted).toBe(1);
    expect((await bed.as('admin', 'PATCH', '/api/v1/iot/device-types/DUST', { rawRetentionDays: 10 })).statusCode).toBe(200);
    const report = await maintainStorage(bed.db, bed.runtime.partitions);
    expect(report.deletedRows).toBe(1);
    expect(await count('reading', 'YC-RET-0001')).toBe(1); // today's stays
    expect(await count('reading', 'YC-RET-0002')).toBe(1); // NOISE keeps 90 days
    expect(await count('reading_minute', 'YC-RET-0001')).toBe(2); // roll-ups are kept longer
    // and the type's ingestion now refuses what is older than 10 days
    expect(await ingestion.submit('YC-RET-0001', [{ ts: old, values: { pm10: 5 } }])).toEqual({ accepted: 0, rejected: { too_old: 1 } });
  });

  it('partitions older than the longest retention are dropped whole; hour roll-ups expire by type', async () => {
    await bed.as('admin', 'PATCH', '/api/v1/iot/device-types/DUST', { hourRetentionDays: 30 });
    const before = (await listPartitions(bed.db, rawTable)).map((p) => p.name);
    // 100 days on, every existing daily partition is past the longest raw retention (90 days)
    const later = Date.now() + 100 * dayMs;
    const report = await maintainStorage(bed.db, bed.runtime.partitions, later);
    for (const name of before) expect(report.dropped).toContain(name);
    const after = (await listPartitions(bed.db, rawTable)).map((p) => p.name);
    expect(after.filter((n) => before.includes(n))).toEqual([]);
    expect(after.length).toBe(8); // today (100 days on) and the 7 days ahead
    expect(await count('reading', 'YC-RET-0002')).toBe(0);
    // minute roll-ups (400 days) and hour roll-ups of NOISE (3650 days) stay; DUST's hour roll-ups (30 days) went
    expect((await listPartitions(bed.db, minuteTable)).length).toBeGreaterThan(0);
    expect(await count('reading_minute', 'YC-RET-0002')).toBe(1);
    expect(await count('reading_hour', 'YC-RET-0002')).toBe(1);
    expect(await count('reading_hour', 'YC-RET-0001')).toBe(0);
  });
});
