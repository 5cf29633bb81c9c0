import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module';
import { COMPLIANCE, DECIDE, PROVIDE, REQUEST, SYSTEMS, USAGE, sharingDeps } from './deps';
import { exchangeRoutes } from './exchange/routes';
import { keepRequestInStep, shareRequestProcess } from './process';
import { sharingRoutes } from './routes';
import { seedSharing } from './seed';

export type { SharingTables } from './tables';

export const sharingModule: Module = {
  name: 'sharing',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [
    { name: REQUEST, zh: '提出数据共享申请（使用部门）', en: 'Request shared data for one’s department’s systems' },
    { name: SYSTEMS, zh: '登记应用系统、签发和吊销交换密钥', en: 'Register systems and issue or revoke their exchange keys' },
    { name: COMPLIANCE, zh: '共享申请合规审核（数据主管部门）', en: 'Check share requests for compliance (data authority)' },
    { name: DECIDE, zh: '审核共享申请、撤销授权（提供部门）', en: 'Decide share requests and revoke grants (provider)' },
    { name: PROVIDE, zh: '维护共享资源数据（提供部门）', en: 'Keep the data behind one’s shared resources (provider)' },
    { name: USAGE, zh: '查看本部门数据的使用日志', en: 'Read the usage log of one’s department’s data' },
  ],
  // department reviewers act for their department in every role; compliance is theirs only where the
  // process runs it: at the data authority (区大数据发展局)
  grants: {
    dept_reviewer: [REQUEST, SYSTEMS, COMPLIANCE, DECIDE, PROVIDE, USAGE],
    leader: [USAGE],
  },
  processes: [shareRequestProcess],
  onTransition: { [shareRequestProcess.key]: keepRequestInStep },
  routes: (app, kernel) => {
    const deps = sharingDeps(kernel);
    sharingRoutes(app, deps);
    exchangeRoutes(app, deps);
  },
  seed: async (kernel, { demo }) => {
    const n = await seedSharing(sharingDeps(kernel), demo);
    if (n.sources + n.systems > 0) kernel.log.info(n, 'seeded data sharing: register bindings, demo tables and systems');
  },
};
