import { can, type Actor } from '../../kernel/access';
import { auditAlone } from '../../kernel/audit/write';
import { ownTables } from '../../kernel/db/database';
import { httpErrors } from '../../kernel/http/problem';
import type { Kernel } from '../../kernel/module';
import { orgService, type Org, type OrgTables } from '../org';
import type { ServicesDb, ServicesTables } from './store';

export const MANAGE = 'services:catalog.manage';
export const PUBLISH = 'services:catalog.publish';

/** What the catalogue's services need: its tables, the organisation tree (through the org module), the kernel. */
export interface ServiceDeps {
  db: ServicesDb;
  kernel: Kernel;
  /** every organisation with its ancestors, root first (read per write; writes are rare) */
  orgs(): Promise<Map<string, OrgNode>>;
}

export interface OrgNode extends Org {
  path: string[];
}

export function serviceDeps(kernel: Kernel): ServiceDeps {
  const orgDb = ownTables<OrgTables>(kernel.database);
  return {
    db: ownTables<ServicesTables>(kernel.database),
    kernel,
    orgs: async () => {
      const list = await orgService.list(orgDb);
      const byId = new Map(list.map((o) => [o.id, { ...o, path: [] as string[] }]));
      for (const node of byId.values()) {
        const path: string[] = [];
        for (let at: OrgNode | undefined = node; at; at = at.parentId ? byId.get(at.parentId) : undefined) path.unshift(at.id);
        node.path = path;
      }
      return byId;
    },
  };
}

/** Who acts, from where (for scope checks and the audit record). */
export interface Change {
  actor: Actor;
  ip: string | null;
}

/**
 * The actor may use `permission` on items of this competent department (own department, subtree or
 * district, as their role grants). A refusal is audited and answered 403 OUT_OF_SCOPE.
 */
export async function requireScope(deps: ServiceDeps, change: Change, permission: string, orgPath: readonly string[], action: string, objectId: string | null): Promise<void> {
  if (can(change.actor, permission, { orgPath }, deps.kernel.config.zone)) return;
  const { actor } = change;
  await auditAlone(deps.db, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: change.ip, action, objectType: 'service_item', objectId, result: 'denied', details: { permission } });
  throw httpErrors.forbiddenScope(permission);
}

/** The departments whose items this actor may maintain, and those whose items they may publish. */
export async function managedDepartments(deps: ServiceDeps, actor: Actor): Promise<{ manage: OrgNode[]; publish: OrgNode[] }> {
  const orgs = [...(await deps.orgs()).values()].filter((o) => o.kind === 'department');
  const zone = deps.kernel.config.zone;
  return {
    manage: orgs.filter((o) => can(actor, MANAGE, { orgPath: o.path }, zone)),
    publish: orgs.filter((o) => can(actor, PUBLISH, { orgPath: o.path }, zone)),
  };
}
