import { sql, type Kysely } from 'kysely';
import { chainHash, genesisHash, type AuditContent } from './chain';
import type { AuditDb, AuditTables } from './tables';

/** What a caller states; the chain adds seq, time and hashes. */
export interface AuditEntry {
  actorId?: string | null;
  actorName?: string | null;
  orgId?: string | null;
  ip?: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result?: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
}

/**
 * Appends one record inside the caller's transaction, so that a change and
 * its audit record commit or roll back together (DESIGN §3). The head row is
 * locked for the rest of the transaction: appends are serialised, which keeps
 * the chain a single line. Callers append as the last step before commit.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any: a transaction typed with whichever module's tables; audit reaches its own tables through a cast
export type AnyTx = Kysely<any>;

export async function appendAudit(tx: AnyTx, entry: AuditEntry): Promise<number> {
  const db = tx as AuditDb;
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).forUpdate().executeTakeFirst();
  const record: AuditContent = {
    seq: (head?.seq ?? 0) + 1,
    at: new Date(),
    actorId: entry.actorId ?? null,
    actorName: entry.actorName ?? null,
    orgId: entry.orgId ?? null,
    ip: entry.ip ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result ?? 'success',
    details: entry.details ?? {},
  };
  const prevHash = head?.hash ?? genesisHash;
  const hash = chainHash(prevHash, record);
  await db
    .insertInto('audit_log')
    .values({
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
      details: sql`${JSON.stringify(record.details)}::jsonb`,
      prev_hash: prevHash,
      hash,
    } as never)
    .execute();
  if (head) await db.updateTable('audit_head').set({ seq: record.seq, hash }).execute();
  else await db.insertInto('audit_head').values({ id: true, seq: record.seq, hash }).execute();
  return record.seq;
}

/** For events that are not part of a change (a failed login, a refusal): their own transaction. */
export async function auditAlone(db: AnyTx, entry: AuditEntry): Promise<number> {
  return (db as Kysely<AuditTables>).transaction().execute((tx) => appendAudit(tx, entry));
}
