import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownTables } from '../../kernel/db/database';
import type { Module } from '../../kernel/module';
import { internalRequestProcess, internalRequestProcessV2 } from './process';
import { requestRoutes } from './routes';
import type { RequestsTables } from './store';

export const requestsModule: Module = {
  name: 'requests',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [
    { name: 'requests:approve.section', zh: '审核内部事项申请（科室）', en: 'Review internal requests (section)' },
    { name: 'requests:approve.leader', zh: '审批内部事项申请（领导）', en: 'Approve internal requests (leader)' },
  ],
  grants: { dept_reviewer: ['requests:approve.section'], leader: ['requests:approve.leader'] },
  processes: [internalRequestProcess, internalRequestProcessV2],
  routes: (app, kernel) => requestRoutes(app, ownTables<RequestsTables>(kernel.database), kernel),
};
