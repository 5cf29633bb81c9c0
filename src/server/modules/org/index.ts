import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownTables } from '../../kernel/db/database';
import type { Module } from '../../kernel/module';
import { orgRoutes } from './routes';
import { seedOrgTree } from './seed';
import { orgDirectory } from './directory';
import type { OrgTables } from './store';

export { orgService } from './service';
export type { Org } from './schemas';
export type { OrgTables } from './store';

export const orgModule: Module = {
  name: 'org',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [{ name: 'org:manage', zh: '管理组织机构', en: 'Manage organisations' }],
  // the organisation tree is configuration of the platform: the system administrator's work (三员分立)
  grants: { system_admin: ['org:manage'] },
  routes: (app, kernel) => orgRoutes(app, ownTables<OrgTables>(kernel.database), kernel),
  orgDirectory: ({ database }) => orgDirectory(ownTables<OrgTables>(database)),
  seed: async (kernel) => {
    const n = await seedOrgTree(ownTables<OrgTables>(kernel.database));
    if (n > 0) kernel.log.info({ organisations: n }, 'seeded the Yongchuan organisation tree');
  },
};
