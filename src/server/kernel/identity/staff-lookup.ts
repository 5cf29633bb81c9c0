import type { Grant } from '../access';
import { loadGrants } from './actor';
import type { IdentityContext } from './context';

export interface StaffMember {
  accountId: string;
  displayName: string;
  grants: Grant[];
}

/** An active civil servant and what they may do: for handing work over to them. */
export async function findStaffMember(ctx: IdentityContext, accountId: string): Promise<StaffMember | null> {
  const account = await ctx.db.selectFrom('account').select(['id', 'display_name', 'kind', 'status']).where('id', '=', accountId).executeTakeFirst();
  if (!account || account.kind !== 'staff' || account.status !== 'active') return null;
  return { accountId: account.id, displayName: account.display_name, grants: await loadGrants(ctx.db, account.id) };
}

/** Active civil servants holding a permission through some role, with all their grants of it: candidates for a step. */
export async function staffHolding(ctx: IdentityContext, permission: string, limit = 200): Promise<StaffMember[]> {
  const rows = await ctx.db
    .selectFrom('account as a')
    .innerJoin('account_role as ar', 'ar.account_id', 'a.id')
    .innerJoin('role_permission as rp', 'rp.role_id', 'ar.role_id')
    .select(['a.id', 'a.display_name', 'ar.scope', 'ar.org_id'])
    .where('rp.permission', '=', permission)
    .where('a.kind', '=', 'staff')
    .where('a.status', '=', 'active')
    .orderBy('a.display_name')
    .limit(limit * 4)
    .execute();
  const byAccount = new Map<string, StaffMember>();
  for (const r of rows) {
    const member = byAccount.get(r.id) ?? { accountId: r.id, displayName: r.display_name, grants: [] };
    member.grants.push({ permission, scope: r.scope as Grant['scope'], orgId: r.org_id });
    byAccount.set(r.id, member);
  }
  return [...byAccount.values()].slice(0, limit);
}
