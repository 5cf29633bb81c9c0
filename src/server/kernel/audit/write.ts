import { sql, type Kysely } from 'kysely';
import type { AuditDb } from './tables';

/** What a caller states; the chainer adds seq and hashes, the write adds the time. */
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any: a transaction typed with whichever module's tables; audit reaches its own tables through a cast
export type AnyTx = Kysely<any>;

/**
 * Records one audit entry inside the caller's transaction, so that a change and
 * its audit record commit or roll back together (DESIGN §3). The record goes to
 * `audit_pending` with one INSERT and takes no lock: transactions that write do
 * not wait for each other here. The chainer (chainer.ts) gives it its place in
 * the SM3 chain shortly after commit (docs/decisions/0007).
 */
export async function appendAudit(tx: AnyTx, entry: AuditEntry): Promise<void> {
  await (tx as AuditDb)
    .insertInto('audit_pending')
    .values({
      at: new Date(),
      actor_id: entry.actorId ?? null,
      actor_name: entry.actorName ?? null,
      org_id: entry.orgId ?? null,
      ip: entry.ip ?? null,
      action: entry.action,
      object_type: entry.objectType ?? null,
      object_id: entry.objectId ?? null,
      result: entry.result ?? 'success',
      details: sql`${JSON.stringify(entry.details ?? {})}::jsonb` as never,
    })
    .execute();
}

/** For events that are not part of a change (a failed login, a refusal): one INSERT, committed on its own. */
export async function auditAlone(db: AnyTx, entry: AuditEntry): Promise<void> {
  await appendAudit(db, entry);
}
