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
