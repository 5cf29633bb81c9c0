import { sql } from 'kysely';
import { matchesApplicant } from './applicant';
import type { AppDeps } from './context';
import { applicationErrors } from './errors';
import { progressOf } from './queries';

/** Per client address, across all server copies: at most this many progress queries a minute. */
export const queriesPerMinute = 10;

/** Counts the query (every one, found or not) and refuses past the limit; older rows of the address go. */
export async function limitQueries(deps: AppDeps, ip: string): Promise<{ retryAfter: number } | null> {
  const { db } = deps;
  const row = await db
    .selectFrom('service_progress_attempt')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
    .where('ip', '=', ip)
    .where('at', '>', sql<Date>`now() - interval '1 minute'`)
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= queriesPerMinute) {
    const first = row.first ? new Date(row.first as unknown as string) : new Date();
    return { retryAfter: Math.max(1, Math.ceil((first.getTime() + 60_000 - Date.now()) / 1000)) };
  }
  await db.insertInto('service_progress_attempt').values({ ip }).execute();
  await db.deleteFrom('service_progress_attempt').where('ip', '=', ip).where('at', '<', sql<Date>`now() - interval '1 minute'`).execute();
  return null;
}

/**
 * 办件进度查询: the business number and the applicant's ID number (or credit code) or mobile number.
 * A wrong pair and an unknown number get the same answer, so the query reveals nothing (no oracle).
 */
export async function queryProgress(deps: AppDeps, businessNo: string, idOrPhone: string) {
  const row = await deps.db.selectFrom('service_application').selectAll().where('business_no', '=', businessNo.trim().toUpperCase()).executeTakeFirst();
  if (!row || !matchesApplicant(deps.kernel.keys, row, idOrPhone)) throw applicationErrors.progressNotFound();
  return progressOf(deps, row);
}
