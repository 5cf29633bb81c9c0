/**
 * A device's series of one quantity over a period at the resolution the span calls for
 * (resolution.ts). Every point has the same shape: for raw readings min = max = avg = the value
 * and count = 1; for roll-ups the bucket's start and its min, max, average and count. A bucket is
 * included when it starts in [from rounded down to the bucket, to).
 */
import { sql } from 'kysely';
import type { IotDb } from '../store';
import { period, quantityOf } from './device-type-of';
import { bucketMsOf, chooseResolution, type Resolution } from './resolution';

export interface SeriesPoint {
  t: string;
  min: number;
  max: number;
  avg: number;
  count: number;
}

export interface Series {
  deviceId: string;
  quantity: string;
  unit: string;
  resolution: Resolution;
  from: string;
  to: string;
  points: SeriesPoint[];
}

/** At most this many raw points (6 hours of a reading every 0.2 s). */
const rawLimit = 100_000;

export async function series(db: IotDb, deviceId: string, key: string, range: { from?: string | undefined; to?: string | undefined }, now = Date.now()): Promise<Series> {
  const { quantity, rawDays, minuteDays } = await quantityOf(db, deviceId, key);
  const { from, to } = period(range.from, range.to, now);
  const resolution = chooseResolution(from, to, now, { rawDays, minuteDays });
  let points: SeriesPoint[];
  if (resolution === 'raw') {
    const rows = await db
      .selectFrom('reading')
      .select(['ts', 'value'])
      .where('device_id', '=', deviceId)
      .where('quantity', '=', key)
      .where('ts', '>=', new Date(from))
      .where('ts', '<', new Date(to))
      .orderBy('ts')
      .limit(rawLimit)
      .execute();
    points = rows.map((r) => ({ t: r.ts.toISOString(), min: r.value, max: r.value, avg: r.value, count: 1 }));
  } else {
    const bucketMs = bucketMsOf(resolution);
    const rows = await db
      .selectFrom(resolution === 'minute' ? 'reading_minute' : 'reading_hour')
      .select(['bucket', 'min', 'max', 'count'])
      .select(sql<number>`sum / count`.as('avg'))
      .where('device_id', '=', deviceId)
      .where('quantity', '=', key)
      .where('bucket', '>=', new Date(Math.floor(from / bucketMs) * bucketMs))
      .where('bucket', '<', new Date(to))
      .orderBy('bucket')
      .execute();
    points = rows.map((r) => ({ t: r.bucket.toISOString(), min: r.min, max: r.max, avg: r.avg, count: r.count }));
  }
  return { deviceId, quantity: key, unit: quantity.unit, resolution, from: new Date(from).toISOString(), to: new Date(to).toISOString(), points };
}
