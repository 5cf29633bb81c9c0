import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownTables } from '../../kernel/db/database';
import type { Module } from '../../kernel/module';
import { orgRoutes } from './routes';
import { seedOrgTree } from './seed';
import type { OrgTables } from './store';

export { orgService } from './service';
export type { Org } from './schemas';
export type { OrgTables } from './store';

export const orgModule: Module = {
  name: 'org',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [{ name: 'org:manage', zh: '管理组织机构', en: 'Manage organisations' }],
  routes: (app, kernel) => orgRoutes(app, ownTables<OrgTables>(kernel.database)),
  seed: async (kernel) => {
    const n = await seedOrgTree(ownTables<OrgTables>(kernel.database));
    if (n > 0) kernel.log.info({ organisations: n }, 'seeded the Yongchuan organisation tree');
  },
};
