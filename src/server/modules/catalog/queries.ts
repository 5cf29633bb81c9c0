import { can, type Actor } from '../../kernel/access';
import type { Org } from '../org';
import { MAINTAIN, type CatalogDeps } from './deps';
import { catalogErrors } from './errors';
import { rowFields, type ResourceRow } from './fields';
import type { CatalogKind, OpenType, ResourceFields, ShareType } from './tables';

/** A date column as YYYY-MM-DD (node-pg reads `date` as local midnight). */
export function dateText(v: Date | string | null): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v.slice(0, 10);
  return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
}

export interface ResourceFilter {
  q?: string | undefined;
  kind?: CatalogKind | undefined;
  providerOrgId?: string | undefined;
  shareType?: ShareType | undefined;
  openType?: OpenType | undefined;
  /** only the resources this actor maintains */
  mine?: boolean | undefined;
}

/**
 * What one actor sees of a resource: the working copy where they maintain the provider's
 * entries, otherwise the published snapshot only (nothing before the data authority approved it).
 */
export function presentResource(row: ResourceRow, orgs: Map<string, Org>, maintains: boolean) {
  const fields: ResourceFields = maintains ? rowFields(row) : snapshotFields(row.published!);
  return {
    id: row.id,
    code: row.code,
    ...fields,
    provider: { id: fields.providerOrgId, name: orgs.get(fields.providerOrgId)?.name ?? '' },
    status: maintains ? row.status : ('published' as const),
    revision: row.revision,
    publishedOn: dateText(row.published_on),
    instanceId: maintains ? row.instance_id : null,
    isPublished: row.published !== null,
    editable: maintains && row.status !== 'reviewing',
    updatedAt: row.updated_at.toISOString(),
  };
}

function snapshotFields(p: NonNullable<ResourceRow['published']>): ResourceFields {
  const { code: _code, publishedAt: _at, revision: _revision, ...fields } = p;
  return fields;
}

async function orgMap(deps: CatalogDeps): Promise<Map<string, Org>> {
  return new Map((await deps.orgs()).map((o) => [o.id, o]));
}

async function maintainsFn(deps: CatalogDeps, actor: Actor): Promise<(orgId: string) => Promise<boolean>> {
  const cache = new Map<string, boolean>();
  return async (orgId) => {
    if (!cache.has(orgId)) cache.set(orgId, can(actor, MAINTAIN, { orgPath: (await deps.kernel.orgs.pathOf(orgId)) ?? [orgId] }, deps.kernel.config.zone));
    return cache.get(orgId)!;
  };
}

/** The catalogue as this actor sees it, filtered; newest change first. */
export async function listResources(deps: CatalogDeps, actor: Actor, filter: ResourceFilter) {
  const rows = await deps.db.selectFrom('catalog_resource').selectAll().orderBy('code').execute();
  const orgs = await orgMap(deps);
  const maintains = await maintainsFn(deps, actor);
  const q = filter.q?.trim().toLowerCase();
  const out = [];
  for (const row of rows) {
    const mine = await maintains(row.provider_org_id);
    if (filter.mine && !mine) continue;
    if (!mine && !row.published) continue;
    const r = presentResource(row, orgs, mine);
    if (filter.kind && r.catalogKind !== filter.kind) continue;
    if (filter.providerOrgId && r.providerOrgId !== filter.providerOrgId) continue;
    if (filter.shareType && r.shareType !== filter.shareType) continue;
    if (filter.openType && r.openType !== filter.openType) continue;
    if (q && !`${r.name} ${r.code} ${r.abstract} ${r.provider.name} ${r.items.map((i) => i.name).join(' ')}`.toLowerCase().includes(q)) continue;
    out.push(r);
  }
  return out;
}

export async function getResource(deps: CatalogDeps, actor: Actor, id: string) {
  const row = await deps.db.selectFrom('catalog_resource').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw catalogErrors.notFound(id);
  const mine = await (await maintainsFn(deps, actor))(row.provider_org_id);
  if (!mine && !row.published) throw catalogErrors.notFound(id);
  return presentResource(row, await orgMap(deps), mine);
}

/** The departments whose entries this actor maintains (for the form's provider choice). */
export async function maintainedProviders(deps: CatalogDeps, actor: Actor) {
  const maintains = await maintainsFn(deps, actor);
  const out: Array<{ id: string; name: string }> = [];
  for (const o of await deps.orgs()) if (o.kind === 'department' && (await maintains(o.id))) out.push({ id: o.id, name: o.name });
  return out;
}
