import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../kernel/audit/write';
import { sm3 } from '../../kernel/crypto';
import { inTransaction } from '../../kernel/db/database';
import { accessCache } from './access';
import { SYSTEMS, auditOf, inScope, requireScope, type Change, type SharingDeps } from './deps';
import { sharingErrors } from './errors';

/** Secrets of exchange keys start so, which tells them from the kernel's `syk_` account keys. */
export const SECRET_PREFIX = 'sxk_';

export interface SystemView {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  status: 'active' | 'disabled';
  createdAt: string;
  keys: Array<{ id: string; prefix: string; createdAt: string; revokedAt: string | null }>;
}

/** 应用系统: the systems of the departments in the actor's scope, with their keys (never the secrets). */
export async function listSystems(deps: SharingDeps, change: Change): Promise<SystemView[]> {
  const [systems, keys, names] = await Promise.all([
    deps.db.selectFrom('share_system').selectAll().orderBy('created_at').execute(),
    deps.db.selectFrom('share_system_key').selectAll().orderBy('created_at').execute(),
    deps.orgNames(),
  ]);
  const views: SystemView[] = [];
  for (const s of systems) {
    if (!(await inScope(deps, change.actor, SYSTEMS, s.org_id))) continue;
    views.push({
      id: s.id,
      orgId: s.org_id,
      orgName: names.get(s.org_id) ?? s.org_id,
      name: s.name,
      status: s.status,
      createdAt: s.created_at.toISOString(),
      keys: keys.filter((k) => k.system_id === s.id).map((k) => ({ id: k.id, prefix: k.prefix, createdAt: k.created_at.toISOString(), revokedAt: k.revoked_at?.toISOString() ?? null })),
    });
  }
  return views;
}

export async function createSystem(deps: SharingDeps, change: Change, input: { name: string; orgId?: string | undefined }): Promise<string> {
  const orgId = input.orgId ?? change.actor.orgId;
  if (!orgId || !(await deps.org(orgId))) throw sharingErrors.systemNotFound(String(orgId));
  await requireScope(deps, change, SYSTEMS, orgId, 'sharing.system.create', null);
  const name = input.name.normalize('NFKC').trim();
  const id = uuidv7();
  const created = await inTransaction(deps.db, async (tx) => {
    const taken = await tx.selectFrom('share_system').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
    if (taken) throw sharingErrors.systemNameTaken();
    await tx.insertInto('share_system').values({ id, org_id: orgId, name, created_by: change.actor.accountId }).execute();
    await appendAudit(tx, auditOf(change, 'sharing.system.create', 'share_system', id, { name, orgId }));
    return id;
  });
  changed(deps);
  return created;
}

async function systemInScope(deps: SharingDeps, change: Change, systemId: string, action: string) {
  const system = await deps.db.selectFrom('share_system').selectAll().where('id', '=', systemId).executeTakeFirst();
  if (!system) throw sharingErrors.systemNotFound(systemId);
  await requireScope(deps, change, SYSTEMS, system.org_id, action, systemId);
  return system;
}

/** A new key for a system: the secret is in this answer only; the platform keeps its SM3 hash. */
export async function issueKey(deps: SharingDeps, change: Change, systemId: string): Promise<{ id: string; prefix: string; secret: string }> {
  await systemInScope(deps, change, systemId, 'sharing.key.issue');
  const secret = `${SECRET_PREFIX}${randomBytes(24).toString('base64url')}`;
  const id = uuidv7();
  const prefix = secret.slice(0, 10);
  await inTransaction(deps.db, async (tx) => {
    await tx.insertInto('share_system_key').values({ id, system_id: systemId, prefix, key_hash: sm3(secret), created_by: change.actor.accountId, revoked_at: null }).execute();
    await appendAudit(tx, auditOf(change, 'sharing.key.issue', 'share_system', systemId, { keyId: id, prefix }));
  });
  changed(deps);
  return { id, prefix, secret };
}

export async function revokeKey(deps: SharingDeps, change: Change, systemId: string, keyId: string): Promise<void> {
  await systemInScope(deps, change, systemId, 'sharing.key.revoke');
  await inTransaction(deps.db, async (tx) => {
    const done = await tx.updateTable('share_system_key').set({ revoked_at: new Date() }).where('id', '=', keyId).where('system_id', '=', systemId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw sharingErrors.keyNotFound(keyId);
    await appendAudit(tx, auditOf(change, 'sharing.key.revoke', 'share_system', systemId, { keyId }));
  });
  changed(deps);
}

/**
 * After this process committed a change to systems, keys, grants or sources: its own next exchange
 * sees it at once (other copies hear the NOTIFY at commit, within milliseconds).
 */
export function changed(deps: SharingDeps): void {
  accessCache(deps.db).forget();
}
