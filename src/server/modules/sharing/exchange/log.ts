import { sm2Sign, type FieldKeys } from '../../../kernel/crypto';
import { utf8 } from '../../../kernel/crypto/bytes';
import { inTransaction } from '../../../kernel/db/database';
import { scopeOf } from '../../../kernel/db/scope';
import type { SharingDb } from '../tables';
import { canonicalEntry, type ExchangeEntry } from './canonical';
import { leafHash, merkleRoot } from './merkle';
import { currentSigningKey, type SigningKey } from './signing-key';

/** What the signature covers: the root with the batch's size and time, so neither can be changed. */
export const signedText = (root: string, size: number, signedAt: Date) => `sy-exchange-batch-v1\n${root}\n${size}\n${signedAt.toISOString()}`;

const MAX_BATCH = 1000;

interface Pending {
  entry: ExchangeEntry;
  done: (error?: unknown) => void;
}

/**
 * The signed exchange log, written by group commit: an exchange is answered only once its entry is
 * committed and signed, but entries that arrive while a batch is being written wait for the next
 * one, so under load one transaction and one SM2 signature serve many exchanges (the signature is
 * over the Merkle root of the batch, see merkle.ts). With no load a batch is one entry.
 */
export class ExchangeLog {
  private queue: Pending[] = [];
  private writing = false;
  private key: SigningKey | null = null;

  constructor(
    private readonly db: SharingDb,
    private readonly keys: FieldKeys,
  ) {}

  record(entry: ExchangeEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.write(batch.map((p) => p.entry));
          for (const p of batch) p.done();
        } catch (error) {
          this.key = null;
          for (const p of batch) p.done(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(entries: ExchangeEntry[]): Promise<void> {
    this.key ??= await currentSigningKey(this.db, this.keys);
    const key = this.key;
    const leaves = entries.map((e) => leafHash(canonicalEntry(e)));
    const root = merkleRoot(leaves);
    const signedAt = new Date();
    const signature = sm2Sign(utf8(signedText(root, entries.length, signedAt)), key.privateKey, { publicKey: key.publicKey });
    await inTransaction(this.db, async (tx) => {
      const batch = await tx.insertInto('share_exchange_batch').values({ signed_at: signedAt, size: entries.length, root, signature, key_id: key.id }).returning('id').executeTakeFirstOrThrow();
      await tx
        .insertInto('share_exchange')
        .values(
          entries.map((e, position) => ({
            id: e.id,
            at: e.at,
            batch_id: batch.id,
            position,
            system_id: e.systemId,
            consumer_org_id: e.consumerOrgId,
            resource_id: e.resourceId,
            resource_code: e.resourceCode,
            provider_org_id: e.providerOrgId,
            grant_id: e.grantId,
            query_items: e.queryItems,
            query_digest: e.queryDigest,
            fields: e.fields,
            rows: e.rows,
            digest: e.digest,
            leaf: leaves[position]!,
          })),
        )
        .execute();
    });
  }
}

const unscoped = new WeakMap<object, ExchangeLog>();

/** The exchange log of the database behind `db` (one writer per database and process). */
export function exchangeLog(db: SharingDb, keys: FieldKeys): ExchangeLog {
  const scope = scopeOf(db);
  if (scope) return scope.use('sharing.exchange-log', (s) => new ExchangeLog(s.db as SharingDb, keys));
  let log = unscoped.get(db);
  if (!log) unscoped.set(db, (log = new ExchangeLog(db, keys)));
  return log;
}
