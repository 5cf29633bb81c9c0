import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AnyTx } from '../audit/write';
import { jobChannel, type JobDb } from './store';

export interface EnqueueOptions {
  runAt?: Date;
  /** a job with this key is created at most once, ever (e.g. `escalate:<instance>:<level>`) */
  uniqueKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job inside the caller's transaction: it exists only if the change that
 * asked for it commits. A new job that is due now wakes the runners at commit
 * (NOTIFY, in the same statement as the INSERT); a job for later does not: the
 * runners' poll finds it when it falls due, and the change's commit does not
 * queue behind other notifying commits (PostgreSQL serialises those).
 * Returns false when a job with the same unique key already exists.
 */
export async function enqueue(tx: AnyTx, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<boolean> {
  const db = tx as JobDb;
  const insert = db
    .insertInto('job')
    .values({
      id: uuidv7(),
      name,
      payload: sql`${JSON.stringify(payload ?? {})}::jsonb`,
      ...(options.runAt ? { run_at: options.runAt } : {}),
      unique_key: options.uniqueKey ?? null,
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('unique_key').doNothing());
  const dueNow = !options.runAt || options.runAt.getTime() <= Date.now();
  if (!dueNow) return Number((await insert.executeTakeFirst()).numInsertedOrUpdatedRows ?? 0) > 0;
  // one row, and one NOTIFY, only when the job was added (an existing unique key wakes nobody)
  const added = await db
    .with('added', () => insert.returning('id'))
    .selectFrom('added')
    .select(['id', sql`pg_notify(${jobChannel}, ${name})`.as('woken')])
    .execute();
  return added.length > 0;
}
