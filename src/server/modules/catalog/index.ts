import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kernel, Module } from '../../kernel/module';
import { ckanRoutes } from './ckan/routes';
import { dcatRoutes } from './dcat/routes';
import { APPROVE, MAINTAIN, READ, catalogDeps } from './deps';
import { openDataRoutes } from './opendata/routes';
import { keepResourceInStep, publishProcess } from './process';
import { catalogRoutes } from './routes';
import { seedCatalog } from './seed';

export type { CatalogTables, ResourceFields } from './tables';

/**
 * The catalogue's public API for other modules (e.g. sharing, in a later slice): a published
 * resource as the data authority approved it, by code.
 */
export function catalogService(kernel: Kernel) {
  const deps = catalogDeps(kernel);
  return {
    publishedResource: async (code: string) => {
      const row = await deps.db.selectFrom('catalog_resource').select(['id', 'published']).where('code', '=', code).executeTakeFirst();
      return row?.published ? { id: row.id, ...row.published } : null;
    },
  };
}

export const catalogModule: Module = {
  name: 'catalog',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [
    { name: READ, zh: '查阅政务信息资源目录', en: 'Browse the government information resource catalogue' },
    { name: MAINTAIN, zh: '维护本部门信息资源目录和开放数据集', en: 'Maintain one’s department’s catalogue entries and open datasets' },
    { name: APPROVE, zh: '审核发布信息资源目录（数据主管部门）', en: 'Approve catalogue publication (data authority)' },
  ],
  // department reviewers keep their department's entries; approving is theirs only where the process
  // runs: at the data authority (区大数据发展局), so a reviewer elsewhere never sees the step
  grants: {
    dept_reviewer: [READ, MAINTAIN, APPROVE],
    dept_handler: [READ],
    window_clerk: [READ],
    leader: [READ],
  },
  processes: [publishProcess],
  onTransition: { [publishProcess.key]: keepResourceInStep },
  routes: (app, kernel) => {
    const deps = catalogDeps(kernel);
    catalogRoutes(app, deps);
    openDataRoutes(app, kernel, deps);
    ckanRoutes(app, kernel, deps);
    dcatRoutes(app, deps);
  },
  seed: async (kernel, { demo }) => {
    if (!demo) return;
    const n = await seedCatalog(catalogDeps(kernel));
    if (n.resources > 0) kernel.log.info(n, 'seeded the demo resource catalogue and open datasets');
  },
};
