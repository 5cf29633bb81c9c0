import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownTables } from '../../kernel/db/database';
import type { Kernel, Module } from '../../kernel/module';
import { applicationGrants, applicationPermissions, applicationProcess, applicationsBackground, applicationsRoutes } from './applications';
import { currentCatalog } from './catalog-cache';
import { withCertificatesAndRatings } from './certificates/extend-module';
import { MANAGE, PUBLISH, serviceDeps } from './deps';
import { manageRoutes } from './routes-manage';
import { publicRoutes } from './routes-public';
import { seedCatalog } from './seed';
import type { ServicesTables } from './store';

export type { ServicesTables } from './store';
export type { Guide } from './schemas/guide';

/**
 * The catalogue's public API for other modules (e.g. applications, in a later slice): the published
 * guide of an item, exactly as the portal shows it.
 */
export function catalogService(kernel: Kernel) {
  const db = ownTables<ServicesTables>(kernel.database);
  return { guide: async (code: string) => (await currentCatalog(db)).guide(code) };
}

export const servicesModule: Module = withCertificatesAndRatings({
  name: 'services',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [
    { name: MANAGE, zh: '维护本部门政务服务事项（草稿）', en: 'Maintain the service items of one’s department (drafts)' },
    { name: PUBLISH, zh: '发布、撤回政务服务事项', en: 'Publish and withdraw service items' },
    ...applicationPermissions,
  ],
  // department reviewers maintain and publish their own department's items (scope: own department);
  // the system administrator configures the platform, not its content (三员分立): no grant
  grants: { dept_reviewer: [MANAGE, PUBLISH, ...applicationGrants.dept_reviewer!], window_clerk: applicationGrants.window_clerk! },
  processes: [applicationProcess],
  // the applications' hooks and job need the kernel (certificates are signed with its keys)
  background: applicationsBackground,
  routes: (app, kernel) => {
    const deps = serviceDeps(kernel);
    publicRoutes(app, deps.db, kernel);
    manageRoutes(app, deps);
    applicationsRoutes(app, kernel);
  },
  // the implementation list (实施清单) is each district's own published data (places, phones,
  // limits): a production catalogue is entered or imported by the departments, never invented
  seed: async (kernel, { demo }) => {
    if (!demo) return;
    const n = await seedCatalog(serviceDeps(kernel));
    if (n > 0) kernel.log.info({ items: n }, 'seeded the demo service catalogue');
  },
});
