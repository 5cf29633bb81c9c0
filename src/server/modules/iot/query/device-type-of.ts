import { iotErrors } from '../errors';
import type { IotDb, Quantity } from '../store';

/** The device's type as a query needs it: the quantity asked for (refused if the type has none) and the retention. */
export async function quantityOf(db: IotDb, deviceId: string, key: string): Promise<{ quantity: Quantity; typeCode: string; rawDays: number; minuteDays: number }> {
  const row = await db
    .selectFrom('device as d')
    .innerJoin('device_type as t', 't.code', 'd.type_code')
    .select(['t.code', 't.quantities', 't.raw_retention_days', 't.minute_retention_days'])
    .where('d.id', '=', deviceId)
    .executeTakeFirst();
  if (!row) throw iotErrors.deviceNotFound(deviceId);
  const quantity = row.quantities.find((q) => q.key === key);
  if (!quantity) throw iotErrors.unknownQuantity(key, row.code);
  return { quantity, typeCode: row.code, rawDays: row.raw_retention_days, minuteDays: row.minute_retention_days };
}

/** from/to of a query: defaults to the last 24 hours; from must come before to. */
export function period(from: string | undefined, to: string | undefined, now: number): { from: number; to: number } {
  const t = to ? Date.parse(to) : now;
  const f = from ? Date.parse(from) : t - 86_400_000;
  if (!(f < t)) throw iotErrors.badPeriod();
  return { from: f, to: t };
}
