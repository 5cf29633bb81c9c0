/** Who changes grid data, from where: every change is checked against the actor's scope and audited. */
import { can, type Actor } from '../../kernel/access';
import type { AuditEntry } from '../../kernel/audit/write';
import type { Zone } from '../../kernel/config';
import type { OrgDirectory } from '../../kernel/identity/org-directory';
import { httpErrors } from '../../kernel/http/problem';

export interface GridChange {
  actor: Actor;
  ip: string | null;
  zone: Zone;
}

export const managePermission = 'grid:manage';

/**
 * The actor must hold `grid:manage` over each organisation (the org units of the communities
 * touched); an area without an org unit needs the permission district-wide.
 */
export async function requireScope(orgs: OrgDirectory, change: GridChange, orgIds: Iterable<string | null>): Promise<void> {
  for (const id of new Set(orgIds)) {
    const path = (id ? await orgs.pathOf(id) : null) ?? [await orgs.rootId()];
    if (!can(change.actor, managePermission, { orgPath: path }, change.zone)) throw httpErrors.forbiddenScope(managePermission);
  }
}

export function auditEntry(change: GridChange, action: string, objectType: string, objectId: string, details: Record<string, unknown>): AuditEntry {
  return {
    actorId: change.actor.accountId,
    actorName: change.actor.displayName,
    orgId: change.actor.orgId,
    ip: change.ip,
    action,
    objectType,
    objectId,
    details,
  };
}
