import { can, type Actor } from '../../../kernel/access';
import { ownTables } from '../../../kernel/db/database';
import { httpErrors } from '../../../kernel/http/problem';
import type { Kernel } from '../../../kernel/module';
import { orgService, type OrgTables } from '../../org';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The owner organisation given by id (API) or by name (CSV import) → its id and path, or null
 * when no such organisation exists. The path comes from the kernel's organisation directory.
 */
export async function resolveOwner(kernel: Kernel, owner: string): Promise<{ id: string; path: string[] } | null> {
  const id = uuid.test(owner) ? owner.toLowerCase() : await orgService.idByName(ownTables<OrgTables>(kernel.database), owner.trim());
  if (!id) return null;
  const path = await kernel.orgs.pathOf(id);
  return path ? { id, path } : null;
}

/** A device is managed by whoever holds iot:devices.manage over its owner organisation. */
export function mayManage(kernel: Kernel, actor: Actor, ownerPath: readonly string[]): boolean {
  return can(actor, 'iot:devices.manage', { orgPath: ownerPath }, kernel.config.zone);
}

export function requireManage(kernel: Kernel, actor: Actor, ownerPath: readonly string[]): void {
  if (!mayManage(kernel, actor, ownerPath)) throw httpErrors.forbiddenScope('iot:devices.manage');
}
