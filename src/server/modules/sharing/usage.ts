import type { Actor } from '../../kernel/access';
import { sm2Verify } from '../../kernel/crypto';
import { utf8 } from '../../kernel/crypto/bytes';
import { REQUEST, USAGE, inScope, type SharingDeps } from './deps';
import { sharingErrors } from './errors';
import { canonicalEntry } from './exchange/canonical';
import { signedText } from './exchange/log';
import { leafHash, merklePath, merkleRoot, rootFromPath } from './exchange/merkle';
import { publicKeyById } from './exchange/signing-key';
import type { SharingTables } from './tables';

type ExchangeRow = SharingTables['share_exchange'];

export interface ExchangeView {
  id: string;
  at: string;
  system: { id: string; name: string };
  consumerOrgId: string;
  consumerName: string;
  resource: { id: string; code: string; name: string };
  providerOrgId: string;
  providerName: string;
  grantId: string | null;
  queryItems: string[];
  fields: string[];
  rows: number;
  digest: string;
  batchId: string;
}

/** The organisations whose exchanges the actor may see in a role: providers (usage log) or consumers (their calls). */
async function orgsInScope(deps: SharingDeps, actor: Actor, permission: string): Promise<string[]> {
  const ids: string[] = [];
  for (const id of (await deps.orgNames()).keys()) if (await inScope(deps, actor, permission, id)) ids.push(id);
  return ids;
}

/** 使用日志: exchanges of the actor's department's data (provider) or by its systems (consumer), newest first. */
export async function listExchanges(deps: SharingDeps, actor: Actor, q: { role: 'provider' | 'consumer'; resourceId?: string | undefined; systemId?: string | undefined; page: number; pageSize: number }): Promise<{ items: ExchangeView[]; total: number }> {
  const orgs = await orgsInScope(deps, actor, q.role === 'provider' ? USAGE : REQUEST);
  if (orgs.length === 0) return { items: [], total: 0 };
  const column = q.role === 'provider' ? 'provider_org_id' : 'consumer_org_id';
  let base = deps.db.selectFrom('share_exchange').where(column, 'in', orgs);
  if (q.resourceId) base = base.where('resource_id', '=', q.resourceId);
  if (q.systemId) base = base.where('system_id', '=', q.systemId);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await present(deps, rows), total: Number(count.n) };
}

async function present(deps: SharingDeps, rows: ExchangeRow[]): Promise<ExchangeView[]> {
  const [names, index, systems] = await Promise.all([
    deps.orgNames(),
    deps.catalog.published(),
    rows.length === 0 ? [] : deps.db.selectFrom('share_system').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.system_id))]).execute(),
  ]);
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    system: { id: r.system_id, name: systemName.get(r.system_id) ?? r.system_id },
    consumerOrgId: r.consumer_org_id,
    consumerName: names.get(r.consumer_org_id) ?? r.consumer_org_id,
    resource: { id: r.resource_id, code: r.resource_code, name: index.byId.get(r.resource_id)?.name ?? r.resource_code },
    providerOrgId: r.provider_org_id,
    providerName: names.get(r.provider_org_id) ?? r.provider_org_id,
    grantId: r.grant_id,
    queryItems: r.query_items,
    fields: r.fields,
    rows: r.rows,
    digest: r.digest,
    batchId: String(r.batch_id),
  }));
}

export interface ExchangeProof {
  exchange: ExchangeView;
  /** the record as stored hashes to the leaf that was signed */
  leaf: string;
  leafValid: boolean;
  position: number;
  batch: { id: string; size: number; signedAt: string; root: string; signature: string; publicKey: string };
  path: string[];
  /** the leaf and its path lead to the signed root */
  pathValid: boolean;
  /** the platform's SM2 signature over the root, size and time verifies */
  signatureValid: boolean;
}

/**
 * The evidence for one exchange, checkable by anyone with the platform's public key: the entry's
 * canonical form hashes to its leaf, the leaf's path leads to the batch root, and the root carries
 * the platform's SM2 signature.
 */
export async function exchangeProof(deps: SharingDeps, actor: Actor, id: string): Promise<ExchangeProof> {
  const row = await deps.db.selectFrom('share_exchange').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw sharingErrors.exchangeNotFound(id);
  const mayRead = (await inScope(deps, actor, USAGE, row.provider_org_id)) || (await inScope(deps, actor, REQUEST, row.consumer_org_id));
  if (!mayRead) throw sharingErrors.exchangeNotFound(id);
  const batch = await deps.db.selectFrom('share_exchange_batch').selectAll().where('id', '=', row.batch_id).executeTakeFirstOrThrow();
  const leaves = (await deps.db.selectFrom('share_exchange').select('leaf').where('batch_id', '=', row.batch_id).orderBy('position').execute()).map((l) => l.leaf);
  const publicKey = (await publicKeyById(deps.db, batch.key_id)) ?? '';
  const leaf = leafHash(
    canonicalEntry({
      id: row.id,
      at: row.at,
      systemId: row.system_id,
      consumerOrgId: row.consumer_org_id,
      resourceId: row.resource_id,
      resourceCode: row.resource_code,
      providerOrgId: row.provider_org_id,
      grantId: row.grant_id,
      queryItems: row.query_items,
      queryDigest: row.query_digest,
      fields: row.fields,
      rows: row.rows,
      digest: row.digest,
    }),
  );
  const path = merklePath(leaves, row.position);
  const complete = leaves.length === batch.size && merkleRoot(leaves) === batch.root;
  return {
    exchange: (await present(deps, [row]))[0]!,
    leaf,
    leafValid: leaf === row.leaf,
    position: row.position,
    batch: { id: String(batch.id), size: batch.size, signedAt: batch.signed_at.toISOString(), root: batch.root, signature: batch.signature, publicKey },
    path,
    pathValid: complete && rootFromPath(leaf, row.position, batch.size, path) === batch.root,
    signatureValid: publicKey !== '' && sm2Verify(utf8(signedText(batch.root, batch.size, batch.signed_at)), batch.signature, publicKey),
  };
}
