import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownTables } from '../../kernel/db/database';
import type { Kernel, Module } from '../../kernel/module';
import { orgService, type OrgTables } from '../org';
import { keepArticleInStep, keepRequestInStep } from './hooks';
import { ANSWER, APPROVE, articleProcess, requestProcess, WRITE } from './process';
import type { QueryDeps } from './queries';
import { publicRoutes } from './routes-public';
import { workRoutes } from './routes-work';
import type { DisclosureTables } from './store';

export type { DisclosureTables } from './store';

function disclosureDeps(kernel: Kernel): QueryDeps {
  const orgs = ownTables<OrgTables>(kernel.database);
  return { kernel, db: ownTables<DisclosureTables>(kernel.database), orgNames: async () => new Map((await orgService.list(orgs)).map((o) => [o.id, o.name])) };
}

/** 信息公开: articles published with a leader's approval, and requests for disclosure (依申请公开). */
export const disclosureModule: Module = {
  name: 'disclosure',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [
    { name: WRITE, zh: '信息公开：起草、修改、提交审核', en: 'Disclosure: write and submit articles' },
    { name: APPROVE, zh: '信息公开：审核发布、撤回', en: 'Disclosure: approve and withdraw articles' },
    { name: ANSWER, zh: '依申请公开：办理、答复', en: 'Disclosure: answer requests' },
  ],
  // departments' reviewers edit and answer for their own department; leaders approve and withdraw
  grants: { dept_reviewer: [WRITE, ANSWER], leader: [APPROVE] },
  processes: [articleProcess, requestProcess],
  onTransition: { [articleProcess.key]: keepArticleInStep, [requestProcess.key]: keepRequestInStep },
  routes: (app, kernel) => {
    const deps = disclosureDeps(kernel);
    publicRoutes(app, deps);
    workRoutes(app, deps);
  },
};
