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
 * asked for it commits. Runners are woken at commit by NOTIFY. Returns false when
 * a job with the same unique key already exists.
 */
export async function enqueue(tx: AnyTx, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<boolean> {
  const db = tx as JobDb;
  const result = await db
    .insertInto('job')
    .values({
      id: uuidv7(),
      name,
      payload: sql`${JSON.stringify(payload ?? {})}::jsonb`,
      ...(options.runAt ? { run_at: options.runAt } : {}),
      unique_key: options.uniqueKey ?? null,
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst();
  await sql`SELECT pg_notify(${jobChannel}, ${name})`.execute(db);
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
