/**
 * The newest value of every quantity per device, with the device's place and state (for maps).
 * Read from the raw readings: for each device and quantity, the primary key backwards in the
 * newest partition that has a row (an ordered scan of the daily partitions that stops at the
 * first hit) — one or a few index probes, no table kept up to date on every flush.
 * A value older than the raw retention is gone, and so is its "latest".
 */
import { sql } from 'kysely';
import { iotErrors } from '../errors';
import { inArea, stateSql, type DeviceState } from '../registry/device-queries';
import type { IotDb, Quantity } from '../store';

export interface LatestValue {
  quantity: string;
  name: string;
  unit: string;
  value: number;
  ts: string;
}

export interface DeviceLatest {
  deviceId: string;
  name: string;
  typeCode: string;
  lng: number;
  lat: number;
  state: DeviceState;
  values: LatestValue[];
}

type DeviceRow = { id: string; name: string; type_code: string; lng: number; lat: number; quantities: Quantity[]; state: DeviceState };

function devicesQuery(db: IotDb) {
  return db
    .selectFrom('device as d')
    .innerJoin('device_type as t', 't.code', 'd.type_code')
    .select(['d.id', 'd.name', 'd.type_code', 'd.lng', 'd.lat', 't.quantities'])
    .select(stateSql.as('state'));
}

async function withValues(db: IotDb, devices: DeviceRow[]): Promise<DeviceLatest[]> {
  const pairs = devices.flatMap((d) => d.quantities.map((q) => [d.id, q.key] as const));
  const found = new Map<string, { ts: Date; value: number }>();
  if (pairs.length > 0) {
    const { rows } = await sql<{ device_id: string; quantity: string; ts: Date; value: number }>`
      SELECT p.device_id, p.quantity, l.ts, l.value
        FROM unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) AS p(device_id, quantity)
        CROSS JOIN LATERAL (SELECT r.ts, r.value FROM reading r WHERE r.device_id = p.device_id AND r.quantity = p.quantity ORDER BY r.ts DESC LIMIT 1) l`.execute(db);
    for (const r of rows) found.set(`${r.device_id}\u0000${r.quantity}`, r);
  }
  return devices.map((d) => ({
    deviceId: d.id,
    name: d.name,
    typeCode: d.type_code,
    lng: d.lng,
    lat: d.lat,
    state: d.state,
    values: d.quantities.flatMap((q) => {
      const v = found.get(`${d.id}\u0000${q.key}`);
      return v ? [{ quantity: q.key, name: q.name, unit: q.unit, value: v.value, ts: v.ts.toISOString() }] : [];
    }),
  }));
}

export async function latestOfDevice(db: IotDb, deviceId: string): Promise<DeviceLatest> {
  const device = await devicesQuery(db).where('d.id', '=', deviceId).executeTakeFirst();
  if (!device) throw iotErrors.deviceNotFound(deviceId);
  return (await withValues(db, [device]))[0]!;
}

export async function latestOfDevices(db: IotDb, filter: { typeCode?: string | undefined; area?: string | undefined; limit?: number | undefined }): Promise<DeviceLatest[]> {
  let q = devicesQuery(db).where('d.status', '=', 'active');
  if (filter.typeCode) q = q.where('d.type_code', '=', filter.typeCode);
  if (filter.area) q = q.where(inArea(filter.area));
  return withValues(db, await q.orderBy('d.id').limit(filter.limit ?? 1000).execute());
}
