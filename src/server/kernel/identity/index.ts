import { ownTables } from '../db/database';
import type { Kernel } from '../module';
import type { IdentityContext } from './context';
import type { IdentityTables } from './tables';

export { actorFromApiKey, actorResolver } from './actor';
export { findStaffMember, staffHolding, type StaffMember } from './staff-lookup';
export { identityRoutes } from './routes';
export { kernelPermissions, builtinRoles } from './permissions';
export { syncBuiltinRoles } from './roles';
export { seedDemoAccounts, demoPassword } from './seed';
export { ensureSystemAccount, type SystemAccount } from './system-account';
export type { IdentityContext } from './context';
export type { OrgDirectory } from './org-directory';

export function identityContext(kernel: Kernel): IdentityContext {
  return { db: ownTables<IdentityTables>(kernel.database), pool: kernel.database.pool, config: kernel.config, keys: kernel.keys, orgs: kernel.orgs, log: kernel.log };
}
