import { sql } from 'kysely';
import { chainHash, genesisHash, type AuditContent } from './chain';
import type { AuditDb } from './tables';
import type { AnyTx } from './write';

/** Records moved per transaction: 500 rows × 13 columns stays far below PostgreSQL's 65,535 parameters. */
export const chainBatchSize = 500;

/** Locks the head of the chain for the rest of the transaction (creating it on a database that has none). */
async function lockHead(db: AuditDb): Promise<{ seq: number; hash: string }> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).forUpdate().executeTakeFirst();
  if (head) return { seq: Number(head.seq), hash: head.hash };
  await db.insertInto('audit_head').values({ id: true, seq: 0, hash: genesisHash }).onConflict((oc) => oc.column('id').doNothing()).execute();
  const created = await db.selectFrom('audit_head').select(['seq', 'hash']).forUpdate().executeTakeFirstOrThrow();
  return { seq: Number(created.seq), hash: created.hash };
}

/**
 * Moves up to `limit` committed pending records into audit_log, in pending-id
 * order, inside the caller's transaction: locks the head, takes the records out
 * of audit_pending, numbers and hashes them after the head, appends them with
 * one INSERT and moves the head. Only one transaction at a time holds the head,
 * so chainers of several server copies form one line; a record that is not yet
 * committed is not visible here and gets its place in a later batch (the chain
 * follows commit order). Returns how many records were chained.
 */
export async function chainPendingBatch(transaction: AnyTx, limit = chainBatchSize): Promise<number> {
  const tx = transaction as AuditDb;
  const head = await lockHead(tx);
  const taken = await tx
    .deleteFrom('audit_pending')
    .where('id', 'in', (eb) => eb.selectFrom('audit_pending').select('id').orderBy('id').limit(limit).forUpdate().skipLocked())
    .returningAll()
    .execute();
  if (taken.length === 0) return 0;
  taken.sort((a, b) => Number(a.id) - Number(b.id));
  let prevHash = head.hash;
  const rows = taken.map((pending, i) => {
    const record: AuditContent = {
      seq: head.seq + i + 1,
      at: pending.at,
      actorId: pending.actor_id,
      actorName: pending.actor_name,
      orgId: pending.org_id,
      ip: pending.ip,
      action: pending.action,
      objectType: pending.object_type,
      objectId: pending.object_id,
      result: pending.result,
      details: pending.details,
    };
    const hash = chainHash(prevHash, record);
    const row = {
      seq: record.seq,
      at: record.at,
      actor_id: record.actorId,
      actor_name: record.actorName,
      org_id: record.orgId,
      ip: record.ip,
      action: record.action,
      object_type: record.objectType,
      object_id: record.objectId,
      result: record.result,
      details: sql`${JSON.stringify(record.details)}::jsonb` as never,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await tx.insertInto('audit_log').values(rows).execute();
  await tx.updateTable('audit_head').set({ seq: head.seq + rows.length, hash: prevHash }).execute();
  return rows.length;
}

/** A plain read: no lock, no write, so that an idle chainer costs the database next to nothing. */
async function hasPending(db: AuditDb): Promise<boolean> {
  return (await db.selectFrom('audit_pending').select('id').orderBy('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Chains every audit record committed before the call (and any that commit
 * meanwhile), one transaction per batch. Whoever reads the chain and must see
 * all of it calls this first: the audit routes, `npm run audit:verify`,
 * retention, tests. Returns how many records were chained.
 */
export async function chainPendingAudit(db: AnyTx, limit = chainBatchSize): Promise<number> {
  const auditDb = db as AuditDb;
  let total = 0;
  while (await hasPending(auditDb)) {
    const moved = await auditDb.transaction().execute((tx) => chainPendingBatch(tx, limit));
    total += moved;
    if (moved < limit) break;
  }
  return total;
}
