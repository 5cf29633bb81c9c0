import type { Kysely } from 'kysely';
import { can, type Actor } from '../../../kernel/access';
import { ownTables } from '../../../kernel/db/database';
import type { IdentityTables } from '../../../kernel/identity/tables';
import type { Kernel } from '../../../kernel/module';
import { READ } from './process';
import type { AppsDb, AppTables, ApplicationRow } from './tables';

/** What the applications' services need: their tables, the identity profiles (kernel), the kernel. */
export interface AppDeps {
  db: AppsDb;
  identity: Kysely<IdentityTables>;
  kernel: Kernel;
}

export function appDeps(kernel: Kernel): AppDeps {
  return { db: ownTables<AppTables>(kernel.database), identity: ownTables<IdentityTables>(kernel.database), kernel };
}

/** Who acts, from where. */
export interface Who {
  actor: Actor;
  ip: string | null;
}

/** The applicant (own account), whoever entered it at a counter, or staff holding READ over the deciding department. */
export async function mayRead(deps: AppDeps, actor: Actor, row: ApplicationRow): Promise<boolean> {
  if (row.applicant_account_id === actor.accountId || row.account_id === actor.accountId) return true;
  if (actor.kind !== 'staff') return false;
  const path = (await deps.kernel.orgs.pathOf(row.deciding_org_id)) ?? [row.deciding_org_id];
  return can(actor, READ, { orgPath: path }, deps.kernel.config.zone);
}
