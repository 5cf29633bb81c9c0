import { fastifyCookie } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Actor, Grant, Scope } from '../access';
import { sm3 } from '../crypto';
import type { IdentityContext } from './context';
import { absoluteLifetimeHours, sessionCookie, tokenHash, touchSession } from './sessions';
import type { IdentityDb } from './tables';

interface AccountRow {
  id: string;
  kind: Actor['kind'];
  display_name: string;
  org_id: string | null;
  status: string;
  totp_enabled: boolean;
  is_admin: boolean;
}

async function loadAccount(db: IdentityDb, accountId: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('account as a')
    .select(['a.id', 'a.kind', 'a.display_name', 'a.org_id', 'a.status', 'a.totp_enabled'])
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM account_role ar JOIN role r ON r.id = ar.role_id WHERE ar.account_id = a.id AND r.admin_kind IS NOT NULL)`.as('is_admin'),
    )
    .where('a.id', '=', accountId)
    .executeTakeFirst();
}

export async function loadGrants(db: IdentityDb, accountId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('account_role as ar')
    .innerJoin('role_permission as rp', 'rp.role_id', 'ar.role_id')
    .select(['rp.permission', 'ar.scope', 'ar.org_id'])
    .where('ar.account_id', '=', accountId)
    .execute();
  return rows.map((r) => ({ permission: r.permission, scope: r.scope as Scope, orgId: r.org_id }));
}

function buildActor(account: AccountRow, grants: Grant[], sessionId: string | null, apiKeyId: string | null, mfaPending: boolean): Actor {
  return {
    accountId: account.id,
    kind: account.kind,
    displayName: account.display_name,
    orgId: account.org_id,
    permissions: new Set(mfaPending ? [] : grants.map((g) => g.permission)),
    grants: mfaPending ? [] : grants,
    sessionId,
    apiKeyId,
    mfaPending,
  };
}

/** Administrators must pass the second factor; until then they may only finish signing in. */
export function needsMfa(account: { is_admin: boolean; totp_enabled: boolean }): boolean {
  return account.is_admin || account.totp_enabled;
}

/**
 * The actor of an API key given outside the `Authorization` header — e.g. Open311's `api_key`
 * form field: the key's permissions, never more than its owner holds now; null if unknown,
 * revoked, or its account is not active.
 */
export function actorFromApiKey(ctx: IdentityContext, key: string): Promise<Actor | null> {
  return fromApiKey(ctx, key);
}

async function fromApiKey(ctx: IdentityContext, key: string): Promise<Actor | null> {
  const row = await ctx.db
    .selectFrom('api_key')
    .select(['id', 'account_id', 'permissions', 'last_used_at'])
    .where('key_hash', '=', sm3(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const account = await loadAccount(ctx.db, row.account_id);
  if (!account || account.status !== 'active') return null;
  // a key carries at most the permissions it was scoped to, and never more than its owner holds now
  const grants = (await loadGrants(ctx.db, account.id)).filter((g) => row.permissions.includes(g.permission));
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await ctx.db.updateTable('api_key').set({ last_used_at: sql<Date>`now()` }).where('id', '=', row.id).execute();
  }
  return buildActor(account, grants, null, row.id, false);
}

interface SessionActorRow {
  session_id: string;
  csrf_token: string;
  mfa_passed: boolean;
  last_seen_at: Date;
  id: string;
  kind: Actor['kind'];
  display_name: string;
  org_id: string | null;
  status: string;
  totp_enabled: boolean;
  is_admin: boolean;
  grants: Array<{ permission: string; scope: Scope; orgId: string }>;
}

/**
 * One round trip per authenticated request: the live session, its account,
 * whether it is an administrator, and its grants.
 */
async function loadSessionActor(ctx: IdentityContext, token: string): Promise<SessionActorRow | null> {
  // a named statement: PostgreSQL plans this join once per connection, not on every request
  const { rows } = await ctx.pool.query<SessionActorRow>({
    name: 'sy_session_actor',
    text: sessionActorSql,
    values: [tokenHash(token), ctx.config.sessionIdleMinutes, absoluteLifetimeHours],
  });
  return rows[0] ?? null;
}

const sessionActorSql = `
  SELECT s.id AS session_id, s.csrf_token, s.mfa_passed, s.last_seen_at,
         a.id, a.kind, a.display_name, a.org_id, a.status, a.totp_enabled,
         COALESCE(bool_or(r.admin_kind IS NOT NULL), false) AS is_admin,
         COALESCE(json_agg(json_build_object('permission', rp.permission, 'scope', ar.scope, 'orgId', ar.org_id))
                  FILTER (WHERE rp.permission IS NOT NULL), '[]') AS grants
    FROM session s
    JOIN account a ON a.id = s.account_id
    LEFT JOIN account_role ar ON ar.account_id = a.id
    LEFT JOIN role r ON r.id = ar.role_id
    LEFT JOIN role_permission rp ON rp.role_id = ar.role_id
   WHERE s.token_hash = $1
     AND s.revoked_at IS NULL
     AND s.last_seen_at > now() - make_interval(mins => $2)
     AND s.created_at > now() - make_interval(hours => $3)
   GROUP BY s.id, a.id`;

/** Resolves the actor of a request from its session cookie or its `Authorization: Bearer <api key>`. */
export function actorResolver(ctx: IdentityContext) {
  return async (request: FastifyRequest): Promise<Actor | null> => {
    request.session = null;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) return fromApiKey(ctx, auth.slice(7).trim());
    const header = request.headers.cookie;
    const token = header ? fastifyCookie.parse(header)[sessionCookie] : undefined;
    if (!token) return null;
    const row = await loadSessionActor(ctx, token);
    if (!row || row.status !== 'active') return null;
    await touchSession(ctx.db, { id: row.session_id, last_seen_at: row.last_seen_at });
    request.session = { id: row.session_id, csrfToken: row.csrf_token };
    const mfaPending = needsMfa(row) && !row.mfa_passed;
    return buildActor(row, row.grants, row.session_id, null, mfaPending);
  };
}
