import { sql } from 'kysely';
import type { AuditDb } from './tables';
import type { AnyTx } from './write';

/** 网络安全法 Art. 21: network logs are kept at least six months. */
export const minimumRetentionDays = 180;

/**
 * Purges audit records older than the retention period, oldest first, and
 * moves the anchor to the last purged record so that verification still
 * works. Runs in the caller's transaction (the recurring job's); the head row
 * lock serialises it with appends, and a purge that finds nothing old changes nothing.
 */
export async function purgeExpiredAudit(transaction: AnyTx, retentionDays: number): Promise<number> {
  if (retentionDays < minimumRetentionDays) throw new RangeError(`audit retention must be at least ${minimumRetentionDays} days`);
  const tx = transaction as AuditDb;
  await tx.selectFrom('audit_head').select('seq').forUpdate().execute();
  const last = await tx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('at', '<', sql<Date>`now() - make_interval(days => ${retentionDays})`)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return 0;
  await sql`SELECT set_config('sy.audit_purge', 'on', true)`.execute(tx);
  const deleted = await tx.deleteFrom('audit_log').where('seq', '<=', last.seq).executeTakeFirst();
  await sql`SELECT set_config('sy.audit_purge', 'off', true)`.execute(tx);
  await tx
    .insertInto('audit_anchor')
    .values({ id: true, seq: last.seq, hash: last.hash, purged_at: new Date() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: last.seq, hash: last.hash, purged_at: new Date() }))
    .execute();
  return Number(deleted.numDeletedRows);
}
