import { sql } from 'kysely';
import { chainBatchSize, chainPendingBatch } from './chainer';
import type { AuditDb } from './tables';
import type { AnyTx } from './write';

/** 网络安全法 Art. 21: network logs are kept at least six months. */
export const minimumRetentionDays = 180;

/**
 * Purges audit records older than the retention period, oldest first, and
 * moves the anchor to the last purged record so that verification still
 * works. Runs in the caller's transaction (the recurring job's): it takes the
 * head row like the chainer, chains what is pending, and purges the longest
 * prefix of the chain (in seq order) whose records are all past the period. The
 * chain follows commit order, so `at` may step back a little from one record to
 * the next: stopping at the first young record means none is purged early. A
 * purge that finds nothing old changes nothing.
 */
export async function purgeExpiredAudit(transaction: AnyTx, retentionDays: number): Promise<number> {
  if (retentionDays < minimumRetentionDays) throw new RangeError(`audit retention must be at least ${minimumRetentionDays} days`);
  const tx = transaction as AuditDb;
  while ((await chainPendingBatch(tx)) === chainBatchSize);
  const cutoff = sql<Date>`now() - make_interval(days => ${retentionDays})`;
  // walks the chain from its start and stops at the first young record: work in proportion to what is purged
  const firstYoung = await tx.selectFrom('audit_log').select('seq').where('at', '>=', cutoff).orderBy('seq').limit(1).executeTakeFirst();
  let last = tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1);
  if (firstYoung) last = last.where('seq', '<', firstYoung.seq);
  const found = await last.executeTakeFirst();
  if (!found) return 0;
  await sql`SELECT set_config('sy.audit_purge', 'on', true)`.execute(tx);
  const deleted = await tx.deleteFrom('audit_log').where('seq', '<=', found.seq).executeTakeFirst();
  await sql`SELECT set_config('sy.audit_purge', 'off', true)`.execute(tx);
  await tx
    .insertInto('audit_anchor')
    .values({ id: true, seq: found.seq, hash: found.hash, purged_at: new Date() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: found.seq, hash: found.hash, purged_at: new Date() }))
    .execute();
  return Number(deleted.numDeletedRows);
}
