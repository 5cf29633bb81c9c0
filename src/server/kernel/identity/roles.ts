import { v7 as uuidv7 } from 'uuid';
import type { Actor, Scope } from '../access';
import { appendAudit } from '../audit/write';
import type { IdentityContext, RequestMeta } from './context';
import { identityErrors } from './errors';
import type { IdentityDb } from './tables';

export interface RoleGrantInput {
  roleCode: string;
  orgId: string;
  scope: Scope;
}

/**
 * 安全管理员 grants roles. Rules of 三员分立: nobody changes their own roles,
 * and one account never holds two administrator roles.
 */
export async function grantRole(ctx: IdentityContext, actor: Actor, accountId: string, input: RoleGrantInput, meta: RequestMeta): Promise<void> {
  if (accountId === actor.accountId) throw identityErrors.ownRoles();
  const account = await ctx.db.selectFrom('account').select(['id', 'kind']).where('id', '=', accountId).executeTakeFirst();
  if (!account) throw identityErrors.accountNotFound(accountId);
  if (account.kind !== 'staff') throw identityErrors.staffOnly();
  const role = await ctx.db.selectFrom('role').select(['id', 'admin_kind']).where('code', '=', input.roleCode).executeTakeFirst();
  if (!role) throw identityErrors.roleNotFound(input.roleCode);
  if (!(await ctx.orgs.pathOf(input.orgId))) throw identityErrors.orgNotFound(input.orgId);
  await ctx.db.transaction().execute(async (tx) => {
    if (role.admin_kind) {
      const other = await tx
        .selectFrom('account_role as ar')
        .innerJoin('role as r', 'r.id', 'ar.role_id')
        .select('r.admin_kind')
        .where('ar.account_id', '=', accountId)
        .where('r.admin_kind', 'is not', null)
        .where('r.admin_kind', '<>', role.admin_kind)
        .forUpdate()
        .executeTakeFirst();
      if (other) throw identityErrors.adminConflict();
    }
    await tx
      .insertInto('account_role')
      .values({ account_id: accountId, role_id: role.id, org_id: input.orgId, scope: input.scope, granted_by: actor.accountId })
      .onConflict((oc) => oc.columns(['account_id', 'role_id', 'org_id']).doUpdateSet({ scope: input.scope, granted_by: actor.accountId }))
      .execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: meta.ip, action: 'identity.role.grant', objectType: 'account', objectId: accountId, details: { ...input } });
  });
}

export async function revokeRole(ctx: IdentityContext, actor: Actor, accountId: string, roleCode: string, orgId: string, meta: RequestMeta): Promise<void> {
  if (accountId === actor.accountId) throw identityErrors.ownRoles();
  const role = await ctx.db.selectFrom('role').select('id').where('code', '=', roleCode).executeTakeFirst();
  if (!role) throw identityErrors.roleNotFound(roleCode);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('account_role').where('account_id', '=', accountId).where('role_id', '=', role.id).where('org_id', '=', orgId).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: meta.ip, action: 'identity.role.revoke', objectType: 'account', objectId: accountId, details: { roleCode, orgId } });
  });
}

export async function listRoles(db: IdentityDb) {
  const roles = await db.selectFrom('role').selectAll().orderBy('code').execute();
  const perms = await db.selectFrom('role_permission').selectAll().execute();
  return roles.map((r) => ({
    code: r.code,
    name: { zh: r.name_zh, en: r.name_en },
    adminKind: r.admin_kind,
    permissions: perms.filter((p) => p.role_id === r.id).map((p) => p.permission).sort(),
  }));
}

/** Built-in roles and the permissions each module grants them; run at every start (idempotent). */
export async function syncBuiltinRoles(db: IdentityDb, roles: Array<{ code: string; zh: string; en: string; adminKind: string | null; permissions: string[] }>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const role of roles) {
      const existing = await tx.selectFrom('role').select('id').where('code', '=', role.code).executeTakeFirst();
      const id = existing?.id ?? uuidv7();
      if (!existing) {
        await tx.insertInto('role').values({ id, code: role.code, name_zh: role.zh, name_en: role.en, admin_kind: role.adminKind as never, builtin: true }).execute();
      }
      await tx.deleteFrom('role_permission').where('role_id', '=', id).execute();
      if (role.permissions.length > 0) {
        await tx.insertInto('role_permission').values(role.permissions.map((permission) => ({ role_id: id, permission }))).execute();
      }
    }
  });
}
