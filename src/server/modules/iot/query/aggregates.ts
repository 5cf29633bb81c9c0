/**
 * Aggregates of one quantity over an area (unit grid, community or street/town code) or a
 * bounding box, for a period: min, max, average and count over every device placed there, and
 * the same per device. Roll-ups answer exactly (min of mins, sum of sums…): minute roll-ups for
 * periods under 7 days, hour roll-ups beyond; `from` is rounded down to the bucket.
 */
import { sql } from 'kysely';
import { iotErrors } from '../errors';
import { inArea } from '../registry/device-queries';
import type { IotDb } from '../store';
import { period } from './device-type-of';
import { bucketMsOf, minuteUnderMs } from './resolution';

export interface AreaFilter {
  quantity: string;
  from?: string | undefined;
  to?: string | undefined;
  area?: string | undefined;
  /** minLng,minLat,maxLng,maxLat */
  bbox?: string | undefined;
  typeCode?: string | undefined;
}

export interface Aggregate {
  min: number | null;
  max: number | null;
  avg: number | null;
  count: number;
}

export function parseBbox(text: string): [number, number, number, number] {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) throw iotErrors.badBbox();
  const [minLng, minLat, maxLng, maxLat] = parts as [number, number, number, number];
  if (!(minLng < maxLng && minLat < maxLat)) throw iotErrors.badBbox();
  return [minLng, minLat, maxLng, maxLat];
}

export async function areaAggregates(db: IotDb, filter: AreaFilter, now = Date.now()) {
  if ((filter.area === undefined) === (filter.bbox === undefined)) throw iotErrors.badArea();
  const { from, to } = period(filter.from, filter.to, now);
  const resolution = to - from < minuteUnderMs ? 'minute' : 'hour';
  const bucketMs = bucketMsOf(resolution);
  // the two roll-up tables have the same columns; the cast only picks one of them for the types
  const table = (resolution === 'minute' ? 'reading_minute as r' : 'reading_hour as r') as 'reading_hour as r';
  let q = db
    .selectFrom(table)
    .innerJoin('device as d', 'd.id', 'r.device_id')
    .where('r.quantity', '=', filter.quantity)
    .where('r.bucket', '>=', new Date(Math.floor(from / bucketMs) * bucketMs))
    .where('r.bucket', '<', new Date(to));
  if (filter.typeCode) q = q.where('d.type_code', '=', filter.typeCode);
  if (filter.area) q = q.where(inArea(filter.area));
  if (filter.bbox) {
    const [minLng, minLat, maxLng, maxLat] = parseBbox(filter.bbox);
    q = q.where('d.lng', '>=', minLng).where('d.lng', '<=', maxLng).where('d.lat', '>=', minLat).where('d.lat', '<=', maxLat);
  }
  const rows = await q
    .select(['r.device_id'])
    .select(sql<number>`min(r.min)`.as('min'))
    .select(sql<number>`max(r.max)`.as('max'))
    .select(sql<number>`sum(r.sum)`.as('sum'))
    .select(sql<number>`sum(r.count)::bigint`.as('count'))
    .groupBy('r.device_id')
    .orderBy('r.device_id')
    .execute();
  const all: Aggregate & { sum: number } = { min: null, max: null, avg: null, count: 0, sum: 0 };
  const byDevice = rows.map((r) => {
    const count = Number(r.count);
    all.min = all.min === null ? r.min : Math.min(all.min, r.min);
    all.max = all.max === null ? r.max : Math.max(all.max, r.max);
    all.sum += r.sum;
    all.count += count;
    return { deviceId: r.device_id, min: r.min, max: r.max, avg: r.sum / count, count };
  });
  return {
    quantity: filter.quantity,
    resolution,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    devices: byDevice.length,
    min: all.min,
    max: all.max,
    avg: all.count > 0 ? all.sum / all.count : null,
    count: all.count,
    byDevice,
  };
}
