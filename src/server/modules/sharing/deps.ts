import { can, type Actor } from '../../kernel/access';
import { auditAlone } from '../../kernel/audit/write';
import { ownTables } from '../../kernel/db/database';
import { httpErrors } from '../../kernel/http/problem';
import type { Kernel } from '../../kernel/module';
import { catalogService, type PublishedResource } from '../catalog';
import { orgService, type Org, type OrgTables } from '../org';
import { registryService } from '../registry';
import type { SharingDb, SharingTables } from './tables';

export const REQUEST = 'sharing:request';
export const SYSTEMS = 'sharing:system.manage';
export const COMPLIANCE = 'sharing:compliance';
export const DECIDE = 'sharing:decide';
export const PROVIDE = 'sharing:provide';
export const USAGE = 'sharing:usage.read';

/** The data authority (数据主管部门) that checks requests for compliance. */
export const dataAuthorityName = '区大数据发展局';

/** What the sharing services need: their tables, other modules' public APIs, the kernel. */
export interface SharingDeps {
  db: SharingDb;
  kernel: Kernel;
  catalog: ReturnType<typeof catalogService>;
  registry: ReturnType<typeof registryService>;
  resource(idOrCode: string): Promise<PublishedResource | null>;
  org(id: string): Promise<Org | null>;
  orgNames(): Promise<Map<string, string>>;
  dataAuthorityId(): Promise<string>;
}

export function sharingDeps(kernel: Kernel): SharingDeps {
  const orgDb = ownTables<OrgTables>(kernel.database);
  const catalog = catalogService(kernel);
  // names for presentation only: a renaming shows within a minute
  let names: { at: number; value: Promise<Map<string, string>> } | null = null;
  return {
    db: ownTables<SharingTables>(kernel.database),
    kernel,
    catalog,
    registry: registryService(kernel),
    resource: (idOrCode) => catalog.publishedResource(idOrCode),
    org: (id) => orgService.get(orgDb, id).catch(() => null),
    orgNames: () => {
      if (!names || Date.now() - names.at > 60_000) {
        const value = orgService.list(orgDb).then((orgs) => new Map(orgs.map((o) => [o.id, o.name])));
        names = { at: Date.now(), value };
        value.catch(() => { names = null; });
      }
      return names.value;
    },
    dataAuthorityId: async () => {
      const id = await orgService.idByName(orgDb, dataAuthorityName);
      if (!id) throw new Error(`the organisation ${dataAuthorityName} is missing: it checks share requests`);
      return id;
    },
  };
}

/** Who acts, from where. */
export interface Change {
  actor: Actor;
  ip: string | null;
}

/** The actor may use `permission` for this organisation (their role's scope); refusals are audited. */
export async function requireScope(deps: SharingDeps, change: Change, permission: string, orgId: string, action: string, objectId: string | null): Promise<void> {
  const orgPath = (await deps.kernel.orgs.pathOf(orgId)) ?? [orgId];
  if (can(change.actor, permission, { orgPath }, deps.kernel.config.zone)) return;
  const { actor } = change;
  await auditAlone(deps.db, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: change.ip, action, objectType: 'sharing', objectId, result: 'denied', details: { permission, orgId } });
  throw httpErrors.forbiddenScope(permission);
}

/** Whether the actor holds `permission` for this organisation (no audit: for filtering lists). */
export async function inScope(deps: SharingDeps, actor: Actor, permission: string, orgId: string): Promise<boolean> {
  const orgPath = (await deps.kernel.orgs.pathOf(orgId)) ?? [orgId];
  return can(actor, permission, { orgPath }, deps.kernel.config.zone);
}

export const auditOf = (change: Change, action: string, objectType: string, objectId: string, details: Record<string, unknown>) => ({
  actorId: change.actor.accountId,
  actorName: change.actor.displayName,
  orgId: change.actor.orgId,
  ip: change.ip,
  action,
  objectType,
  objectId,
  details,
});
