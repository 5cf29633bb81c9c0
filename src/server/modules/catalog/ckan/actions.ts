import { sql } from 'kysely';
import type { Actor } from '../../../kernel/access';
import type { CatalogDeps } from '../deps';
import { orgSlug } from '../deps';
import { mayReadData } from '../opendata/access';
import { currentDatasets } from '../opendata/cache';
import { datastoreSearch } from './datastore';
import { ckanErrors } from './errors';
import { bool, int, required, searchParams, type Params } from './params';
import { groupDict, loadPackages, organizationDict, packagesFromIndex, resourceDict, type DictContext } from './present';

export interface ActionContext {
  deps: CatalogDeps;
  params: Params;
  base: string;
  /** the path the action was called at (for datastore _links) */
  path: string;
  /** the caller, when they sent a session or an API key; null for the public */
  actor: () => Promise<Actor | null>;
}
type Action = (c: ActionContext) => Promise<unknown>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function dictContext(c: ActionContext): Promise<DictContext> {
  const [orgs, groups] = await Promise.all([c.deps.orgs(), c.deps.db.selectFrom('open_group').selectAll().execute()]);
  return { base: c.base, orgs: new Map(orgs.map((o) => [o.id, o])), groups: new Map(groups.map((g) => [g.name, g])) };
}

async function datasetByIdOrName(c: ActionContext, idOrName: string) {
  let q = c.deps.db.selectFrom('open_dataset').selectAll().where('state', '=', 'active');
  q = uuid.test(idOrName) ? q.where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)])) : q.where('name', '=', idOrName);
  const d = await q.executeTakeFirst();
  if (!d) throw ckanErrors.notFound();
  return d;
}

/** Organisations that own at least one dataset (CKAN lists publishers, not the whole tree). */
async function publishers(c: ActionContext) {
  const counts = await c.deps.db.selectFrom('open_dataset').select(['org_id', sql<number>`count(*)::int`.as('n')]).where('state', '=', 'active').groupBy('org_id').execute();
  const n = new Map(counts.map((r) => [r.org_id, r.n]));
  return (await c.deps.orgs()).filter((o) => n.has(o.id)).map((o) => ({ org: o, count: n.get(o.id)! }));
}

function byName<T>(items: T[], name: (t: T) => string, sort: string | undefined): T[] {
  const desc = /desc$/i.test(sort ?? '');
  return [...items].sort((a, b) => (desc ? -1 : 1) * name(a).localeCompare(name(b)));
}

export const actions: Record<string, Action> = {
  status_show: async (c) => ({
    site_title: '智慧永川 · 公共数据开放平台',
    site_description: '重庆市永川区公共数据开放平台（示例数据）',
    site_url: c.base,
    ckan_version: '2.10.4',
    locale_default: 'zh_Hans_CN',
    extensions: ['datastore', 'dcat'],
  }),

  package_list: async (c) => {
    const limit = int(c.params, 'limit', 100000, 0, 100000);
    const offset = int(c.params, 'offset', 0, 0, 10_000_000);
    const rows = await c.deps.db.selectFrom('open_dataset').select('name').where('state', '=', 'active').orderBy('name').limit(limit).offset(offset).execute();
    return rows.map((r) => r.name);
  },

  package_search: async (c) => {
    const p = searchParams(c.params);
    const [index, orgs] = await Promise.all([currentDatasets(c.deps.db), c.deps.recentOrgs()]);
    const found = index.search(p);
    const ctx: DictContext = { base: c.base, orgs: new Map(orgs.map((o) => [o.id, o])), groups: index.groups };
    const results = packagesFromIndex(index, found.ids, ctx);
    const orgTitle = new Map(orgs.map((o) => [orgSlug(o), o.name]));
    const display = (field: string, name: string) => (field === 'organization' ? orgTitle.get(name) : field === 'groups' ? index.groups.get(name)?.title : undefined) ?? name;
    return {
      count: found.count,
      facets: Object.fromEntries(Object.entries(found.facets).map(([f, items]) => [f, Object.fromEntries(items.map((i) => [i.name, i.count]))])),
      results,
      sort: p.sort.map((s) => `${s.key} ${s.desc ? 'desc' : 'asc'}`).join(', '),
      search_facets: Object.fromEntries(Object.entries(found.facets).map(([f, items]) => [f, { title: f, items: items.map((i) => ({ name: i.name, display_name: display(f, i.name), count: i.count })) }])),
    };
  },

  package_show: async (c) => {
    const d = await datasetByIdOrName(c, required(c.params, 'id'));
    return (await loadPackages(c.deps.db, [d.id], await dictContext(c)))[0];
  },

  organization_list: async (c) => {
    const all = bool(c.params, 'all_fields', false);
    const list = byName(await publishers(c), (p) => orgSlug(p.org), typeof c.params.sort === 'string' ? c.params.sort : undefined);
    const limit = int(c.params, 'limit', 1000, 0, 1000);
    const offset = int(c.params, 'offset', 0, 0, 100000);
    const page = list.slice(offset, offset + limit);
    return all ? page.map((p) => organizationDict(p.org, p.count)) : page.map((p) => orgSlug(p.org));
  },

  organization_show: async (c) => {
    const id = required(c.params, 'id');
    const org = (await c.deps.orgs()).find((o) => o.id === id || orgSlug(o) === id.toLowerCase());
    if (!org) throw ckanErrors.notFound();
    const ids = await c.deps.db.selectFrom('open_dataset').select('id').where('org_id', '=', org.id).where('state', '=', 'active').orderBy('modified_at', 'desc').execute();
    const withDatasets = bool(c.params, 'include_datasets', false);
    return {
      ...organizationDict(org, ids.length),
      users: [],
      extras: [],
      tags: [],
      groups: [],
      ...(withDatasets ? { packages: await loadPackages(c.deps.db, ids.slice(0, 10).map((r) => r.id), await dictContext(c)) } : {}),
    };
  },

  group_list: async (c) => {
    const all = bool(c.params, 'all_fields', false);
    const groups = await c.deps.db.selectFrom('open_group').selectAll().orderBy('name').execute();
    const counts = await sql<{ g: string; n: number }>`SELECT g, count(*)::int AS n FROM open_dataset, unnest(groups) g WHERE state = 'active' GROUP BY g`.execute(c.deps.db);
    const n = new Map(counts.rows.map((r) => [r.g, r.n]));
    const sorted = byName(groups, (g) => g.name, typeof c.params.sort === 'string' ? c.params.sort : undefined);
    return all ? sorted.map((g) => groupDict(g, n.get(g.name) ?? 0)) : sorted.map((g) => g.name);
  },

  tag_list: async (c) => {
    const q = typeof c.params.query === 'string' ? c.params.query.trim().toLowerCase() : '';
    const rows = await sql<{ t: string }>`SELECT DISTINCT t FROM open_dataset, unnest(tags) t WHERE state = 'active' ORDER BY t`.execute(c.deps.db);
    const names = rows.rows.map((r) => r.t).filter((t) => !q || t.toLowerCase().includes(q));
    return bool(c.params, 'all_fields', false) ? names.map((name) => ({ name, display_name: name, state: 'active', vocabulary_id: null })) : names;
  },

  resource_show: async (c) => {
    const id = required(c.params, 'id');
    if (!uuid.test(id)) throw ckanErrors.notFound();
    const r = await c.deps.db.selectFrom('open_distribution').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw ckanErrors.notFound();
    return resourceDict(r, c.base);
  },

  datastore_search: async (c) => {
    const id = required(c.params, 'resource_id');
    if (!uuid.test(id)) throw ckanErrors.notFound('Resource "' + id + '" was not found.');
    const r = await c.deps.db
      .selectFrom('open_distribution')
      .innerJoin('open_dataset', 'open_dataset.id', 'open_distribution.dataset_id')
      .select(['open_distribution.id', 'open_distribution.kind', 'open_distribution.fields', 'open_dataset.id as dataset_id', 'open_dataset.open_type'])
      .where('open_distribution.id', '=', id)
      .executeTakeFirst();
    if (!r || r.kind !== 'datastore') throw ckanErrors.notFound('Resource "' + id + '" was not found.');
    if (!(await mayReadData(c.deps.db, await c.actor(), { id: r.dataset_id, open_type: r.open_type }))) {
      throw ckanErrors.authorization('Access denied: 有条件开放数据，须登录并签署开放协议 (conditional open data: sign in and accept the agreement)');
    }
    return datastoreSearch(c.deps.db, c.params, { id: r.id, fields: r.fields }, c.path);
  },
};
