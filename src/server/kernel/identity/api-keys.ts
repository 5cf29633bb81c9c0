import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../access';
import { appendAudit } from '../audit/write';
import { sm3 } from '../crypto';
import type { IdentityContext, RequestMeta } from './context';
import { AppError } from '../http/problem';

/**
 * API keys for systems (e.g. an enterprise's own software): shown once, stored
 * as an SM3 hash, scoped to permissions the owner holds, revocable; the last
 * use is recorded (at most once a minute).
 */
export async function createApiKey(ctx: IdentityContext, actor: Actor, name: string, permissions: string[], meta: RequestMeta) {
  const notHeld = permissions.filter((p) => !actor.permissions.has(p));
  if (notHeld.length > 0) {
    throw new AppError(403, 'PERMISSION_NOT_HELD', `不能授予自己没有的权限：${notHeld.join('、')}`, `You cannot give a key permissions you do not hold: ${notHeld.join(', ')}`, [
      { field: '/body/permissions', code: 'held', message: { zh: '包含未持有的权限', en: 'includes permissions you do not hold' } },
    ]);
  }
  const secret = `syk_${randomBytes(24).toString('base64url')}`;
  const id = uuidv7();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('api_key').values({ id, account_id: actor.accountId, name, prefix: secret.slice(0, 10), key_hash: sm3(secret), permissions }).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: meta.ip, action: 'identity.apikey.create', objectType: 'api_key', objectId: id, details: { name, permissions } });
  });
  return { id, key: secret };
}

export async function listApiKeys(ctx: IdentityContext, actor: Actor) {
  const rows = await ctx.db.selectFrom('api_key').selectAll().where('account_id', '=', actor.accountId).orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    permissions: r.permissions,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

export async function revokeApiKey(ctx: IdentityContext, actor: Actor, id: string, meta: RequestMeta): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const done = await tx.updateTable('api_key').set({ revoked_at: sql<Date>`now()` }).where('id', '=', id).where('account_id', '=', actor.accountId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw new AppError(404, 'API_KEY_NOT_FOUND', 'API 密钥不存在或已注销', 'No such active API key');
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: meta.ip, action: 'identity.apikey.revoke', objectType: 'api_key', objectId: id });
  });
}
