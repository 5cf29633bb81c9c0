import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownTables } from '../../kernel/db/database';
import type { Module } from '../../kernel/module';
import { managePermission } from './change';
import { gridService } from './locator';
import { gridRoutes } from './routes';
import { seedGrid } from './seed';
import type { GridTables } from './tables';

export { gridService, GridService, type GridServiceOptions } from './locator';
export type { GridIndex, GridHit } from './grid-index';
export { inspectorOfUnitGrid } from './inspector';

export const gridModule: Module = {
  name: 'grid',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [{ name: managePermission, zh: '管理网格（导入单元网格、划分责任网格）', en: 'Manage grids (import unit grids, assign responsibility grids)' }],
  // grid geography is configuration of the platform, like the organisation tree: the system administrator's work
  grants: { system_admin: [managePermission] },
  routes: (app, kernel) => gridRoutes(app, { db: ownTables<GridTables>(kernel.database), kernel, locator: gridService(kernel) }),
  seed: async (kernel, { demo }) => {
    const result = await seedGrid(kernel, ownTables<GridTables>(kernel.database), { demo });
    if (result.synced > 0 || result.demoUnitGrids > 0) kernel.log.info(result, 'grid areas synced from the organisation tree');
    if (result.demoUnitGrids > 0) kernel.log.warn({ unitGrids: result.demoUnitGrids }, 'generated DEMO grid geometry (not survey data)');
  },
};
