import type { App } from '../../../kernel/module';
import { loadPackages } from '../ckan/present';
import { siteBase } from '../ckan/routes';
import type { CatalogDeps } from '../deps';
import { catalogTriples, toJsonLd, toTurtle } from './build';

/** DCAT-AP catalogue of the open datasets, as ckanext-dcat serves it: /catalog.jsonld and /catalog.ttl. */
export function dcatRoutes(app: App, deps: CatalogDeps): void {
  const triples = async (base: string) => {
    const [orgs, groups, ids] = await Promise.all([
      deps.orgs(),
      deps.db.selectFrom('open_group').selectAll().execute(),
      deps.db.selectFrom('open_dataset').select('id').where('state', '=', 'active').orderBy('modified_at', 'desc').limit(10000).execute(),
    ]);
    const ctx = { base, orgs: new Map(orgs.map((o) => [o.id, o])), groups: new Map(groups.map((g) => [g.name, g])) };
    const datasets = await loadPackages(deps.db, ids.map((r) => r.id), ctx);
    return catalogTriples(base, datasets, orgs.find((o) => o.parentId === null));
  };
  const schema = { tags: ['opendata'], summary: 'DCAT-AP 数据目录 / the DCAT-AP catalogue' };
  app.get('/catalog.jsonld', { config: { access: { public: true } }, schema }, async (request, reply) =>
    reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(toJsonLd(await triples(siteBase(request))))));
  app.get('/catalog.ttl', { config: { access: { public: true } }, schema }, async (request, reply) =>
    reply.type('text/turtle; charset=utf-8').send(toTurtle(await triples(siteBase(request)))));
}
