/**
 * The storage job: partitions for today and the next `daysAhead` days exist before any reading
 * needs them, and expired data goes (retention.ts). Registered as a recurring job of the kernel's
 * JobRunner, so that one server copy runs each slot; every step is idempotent anyway.
 */
import type { Kysely } from 'kysely';
import type { IotTables } from '../store';
import { dayMs, dayStart } from './periods';
import type { PartitionKeeper } from './partitions';
import { applyRetention, type RetentionReport } from './retention';

export const storageJobName = 'iot.storage';
export const storageJobEveryMs = 60 * 60 * 1000;
export const defaultDaysAhead = 7;

/** Creates the partitions of today … today + daysAhead (local days); returns the days it could not make. */
export async function ensureAhead(keeper: PartitionKeeper, now = Date.now(), daysAhead = defaultDaysAhead): Promise<number[]> {
  const today = dayStart(now);
  const days = Array.from({ length: daysAhead + 1 }, (_, k) => today + k * dayMs);
  return [...(await keeper.ensureDays(days))];
}

export async function maintainStorage(db: Kysely<IotTables>, keeper: PartitionKeeper, now = Date.now(), daysAhead = defaultDaysAhead): Promise<RetentionReport & { failedDays: number[] }> {
  const failedDays = await ensureAhead(keeper, now, daysAhead);
  return { ...(await applyRetention(db, keeper, now)), failedDays };
}
