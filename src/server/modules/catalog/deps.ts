import { can, type Actor } from '../../kernel/access';
import { auditAlone } from '../../kernel/audit/write';
import { ownTables } from '../../kernel/db/database';
import { httpErrors } from '../../kernel/http/problem';
import type { Kernel } from '../../kernel/module';
import { orgService, type Org, type OrgTables } from '../org';
import type { CatalogDb, CatalogTables } from './tables';
import { dataAuthorityName } from './vocab';

export const READ = 'catalog:read';
export const MAINTAIN = 'catalog:maintain';
export const APPROVE = 'catalog:approve';

/** What the catalogue's services need: its tables, the organisations (through the org module), the kernel. */
export interface CatalogDeps {
  db: CatalogDb;
  kernel: Kernel;
  orgs(): Promise<Org[]>;
  /** the organisations for presentation on hot read paths: at most a minute old */
  recentOrgs(): Promise<Org[]>;
  org(id: string): Promise<Org | null>;
  dataAuthorityId(): Promise<string>;
}

export function catalogDeps(kernel: Kernel): CatalogDeps {
  const orgDb = ownTables<OrgTables>(kernel.database);
  // names of publishers on the portal may lag a renaming by a minute; nothing decides on them
  let recent: { at: number; orgs: Promise<Org[]> } | null = null;
  return {
    recentOrgs: () => {
      if (!recent || Date.now() - recent.at > 60_000) {
        const orgs = orgService.list(orgDb);
        recent = { at: Date.now(), orgs };
        orgs.catch(() => { recent = null; });
      }
      return recent.orgs;
    },
    db: ownTables<CatalogTables>(kernel.database),
    kernel,
    orgs: () => orgService.list(orgDb),
    org: (id) => orgService.get(orgDb, id).catch(() => null),
    dataAuthorityId: async () => {
      const id = await orgService.idByName(orgDb, dataAuthorityName);
      if (!id) throw new Error(`the organisation ${dataAuthorityName} is missing: it approves the catalogue`);
      return id;
    },
  };
}

/** Who acts, from where. */
export interface Change {
  actor: Actor;
  ip: string | null;
}

/** The actor may use `permission` on resources of this provider (scope of their role); refusals are audited. */
export async function requireScope(deps: CatalogDeps, change: Change, permission: string, orgId: string, action: string, objectId: string | null): Promise<void> {
  const orgPath = (await deps.kernel.orgs.pathOf(orgId)) ?? [orgId];
  if (can(change.actor, permission, { orgPath }, deps.kernel.config.zone)) return;
  const { actor } = change;
  await auditAlone(deps.db, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: change.ip, action, objectType: 'catalog_resource', objectId, result: 'denied', details: { permission } });
  throw httpErrors.forbiddenScope(permission);
}

/** CKAN organisation name of an organisation: its code in lower case (stable when it is renamed). */
export const orgSlug = (org: Pick<Org, 'code'>) => org.code.toLowerCase();
