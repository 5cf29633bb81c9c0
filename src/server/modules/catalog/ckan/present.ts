import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Org } from '../../org';
import { orgSlug } from '../deps';
import type { DatasetIndex } from '../opendata/dataset-index';
import type { CatalogDb, CatalogTables } from '../tables';
import { licences, openTypes, updateCycles } from '../vocab';

type DatasetRow = Selectable<CatalogTables['open_dataset']>;
type DistributionRow = Selectable<CatalogTables['open_distribution']>;
type GroupRow = Selectable<CatalogTables['open_group']>;

/** CKAN writes timestamps in UTC without a zone: 2026-11-26T03:04:05.123000 */
export const ckanTime = (d: Date) => `${d.toISOString().slice(0, 23)}000`;

/** CKAN gives tags ids; ours are names only, so the id is derived from the name (stable). */
const tagId = (name: string) => {
  const h = createHash('sha1').update(`tag:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export const mediaTypeOf = { CSV: 'text/csv', JSON: 'application/json', GeoJSON: 'application/geo+json' } as const;

export function organizationDict(org: Org, packageCount?: number) {
  return {
    id: org.id,
    name: orgSlug(org),
    title: org.name,
    display_name: org.name,
    type: 'organization',
    description: '',
    image_url: '',
    image_display_url: '',
    created: ckanTime(new Date(org.createdAt)),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function groupDict(g: GroupRow, packageCount?: number) {
  return {
    id: g.id, name: g.name, title: g.title, display_name: g.title, description: g.description, type: 'group', image_url: '', image_display_url: '',
    created: ckanTime(g.created_at), is_organization: false, approval_status: 'approved', state: 'active', ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export function resourceDict(r: DistributionRow, base: string) {
  return {
    id: r.id,
    package_id: r.dataset_id,
    name: r.name,
    description: r.description,
    format: r.format,
    url: `${base}/api/v1/opendata/resources/${r.id}/download`,
    url_type: r.kind === 'datastore' ? 'datastore' : 'upload',
    mimetype: mediaTypeOf[r.format],
    mimetype_inner: null,
    size: r.size === null ? null : Number(r.size),
    hash: r.sm3 ? `sm3:${r.sm3}` : '',
    position: r.position,
    state: 'active',
    resource_type: null,
    cache_url: null,
    datastore_active: r.kind === 'datastore',
    created: ckanTime(r.created_at),
    last_modified: ckanTime(r.modified_at),
    metadata_modified: ckanTime(r.modified_at),
  };
}

export interface DictContext {
  base: string;
  orgs: Map<string, Org>;
  groups: Map<string, GroupRow>;
}

export function packageDict(d: DatasetRow, dists: DistributionRow[], ctx: DictContext, resourceCode: string) {
  const org = ctx.orgs.get(d.org_id);
  const licence = licences[d.license_id];
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    notes: d.notes,
    type: 'dataset',
    state: d.state,
    private: false,
    owner_org: d.org_id,
    organization: org ? organizationDict(org) : null,
    author: org?.name ?? null,
    author_email: null,
    maintainer: org?.name ?? null,
    maintainer_email: null,
    license_id: d.license_id,
    license_title: licence?.title ?? d.license_id,
    license_url: licence?.url ?? '',
    isopen: licence?.open ?? false,
    url: '',
    version: null,
    creator_user_id: d.created_by,
    metadata_created: ckanTime(d.created_at),
    metadata_modified: ckanTime(d.modified_at),
    num_resources: dists.length,
    num_tags: d.tags.length,
    tags: d.tags.map((name) => ({ id: tagId(name), name, display_name: name, state: 'active', vocabulary_id: null })),
    groups: d.groups.flatMap((name) => {
      const g = ctx.groups.get(name);
      return g ? [{ id: g.id, name: g.name, title: g.title, display_name: g.title, description: g.description, image_display_url: '' }] : [];
    }),
    resources: dists.map((r) => resourceDict(r, ctx.base)),
    extras: [
      { key: 'catalog_resource_code', value: resourceCode },
      { key: 'open_type', value: openTypes[d.open_type] },
      { key: 'update_cycle', value: updateCycles[d.update_cycle as keyof typeof updateCycles] ?? d.update_cycle },
    ],
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}
export type PackageDict = ReturnType<typeof packageDict>;

/** Package dicts for these ids, in the order given. */
export async function loadPackages(db: CatalogDb, ids: string[], ctx: DictContext): Promise<PackageDict[]> {
  if (ids.length === 0) return [];
  const [datasets, dists, codes] = await Promise.all([
    db.selectFrom('open_dataset').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('open_distribution').selectAll().where('dataset_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('open_dataset').innerJoin('catalog_resource', 'catalog_resource.id', 'open_dataset.resource_id').select(['open_dataset.id', 'catalog_resource.code']).where('open_dataset.id', 'in', ids).execute(),
  ]);
  const byId = new Map(datasets.map((d) => [d.id, d]));
  const codeOf = new Map(codes.map((c) => [c.id, c.code]));
  return ids.flatMap((id) => {
    const d = byId.get(id);
    return d ? [packageDict(d, dists.filter((r) => r.dataset_id === id), ctx, codeOf.get(id) ?? '')] : [];
  });
}

/** Package dicts for these ids from the in-memory index (no database round trip). */
export function packagesFromIndex(index: DatasetIndex, ids: string[], ctx: DictContext): PackageDict[] {
  return ids.flatMap((id) => {
    const d = index.byId.get(id);
    return d ? [packageDict(d, index.distributions.get(id) ?? [], ctx, index.resourceCodes.get(id) ?? '')] : [];
  });
}
