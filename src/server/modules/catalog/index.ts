import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kernel, Module } from '../../kernel/module';
import { ckanRoutes } from './ckan/routes';
import { dcatRoutes } from './dcat/routes';
import { APPROVE, MAINTAIN, READ, catalogDeps } from './deps';
import { openDataRoutes } from './opendata/routes';
import { keepResourceInStep, publishProcess } from './process';
import { publishedCache, type PublishedResource } from './published-cache';
import { catalogRoutes } from './routes';
import { seedCatalog } from './seed';

export type { CatalogTables, ResourceFields, DataItem, ShareType, ShareMethod } from './tables';
export type { PublishedResource } from './published-cache';

/**
 * The catalogue's public API for other modules (sharing): resources as the data authority approved
 * them, by id or code, from memory (each server copy learns of changes at commit).
 */
export function catalogService(kernel: Kernel) {
  const deps = catalogDeps(kernel);
  const cache = publishedCache(deps.db);
  return {
    /** the published snapshot by id or code; null when there is none */
    publishedResource: async (idOrCode: string): Promise<PublishedResource | null> => {
      const index = await cache.get();
      return index.byId.get(idOrCode) ?? index.byCode.get(idOrCode) ?? null;
    },
    /** synchronously when the index is ready, else a promise (hot paths) */
    published: () => cache.get(),
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
