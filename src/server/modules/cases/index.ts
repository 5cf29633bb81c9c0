import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownTables } from '../../kernel/db/database';
import type { Kernel, Module } from '../../kernel/module';
import { orgService, type OrgTables } from '../org';
import { classStore } from './classes';
import { locatorFor } from './locator';
import { cityCaseProcess } from './process';
import { reportCase, type CaseDeps, type ReportInput } from './report';
import { open311Routes } from './open311/routes';
import { caseRoutes } from './routes';
import { evaluationRoutes } from './evaluation-routes';
import { keepCaseInStep } from './status';
import type { CasesTables } from './store';

export type { CasesTables } from './store';
export type { ReportInput } from './report';

/** The supervision and command centre (监督指挥中心) is part of the city management bureau. */
export const centreOrgName = '区城市管理局';

/** What other modules (iot alarms, Open311) use to open a case: the cases module's public API. */
export function caseService(kernel: Kernel) {
  const deps = caseDeps(kernel);
  return {
    report: (actor: Parameters<typeof reportCase>[1], input: ReportInput) => reportCase(deps, actor, input),
    /** an active class by code, e.g. to check a sensor rule's class before any alarm needs it */
    activeClass: async (code: string) => {
      const cls = await classStore.byCode(deps.db, code);
      return cls?.active ? { code: cls.code, name: cls.name } : null;
    },
  };
}

function caseDeps(kernel: Kernel): CaseDeps {
  const orgs = ownTables<OrgTables>(kernel.database);
  return {
    kernel,
    db: ownTables<CasesTables>(kernel.database),
    locate: locatorFor(kernel),
    centreOrgId: async () => {
      const id = await orgService.idByName(orgs, centreOrgName);
      if (!id) throw new Error(`the organisation ${centreOrgName} is missing: the supervision centre belongs to it`);
      return id;
    },
  };
}

export const casesModule: Module = {
  name: 'cases',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [
    { name: 'cases:report', zh: '上报案件（监督员）', en: 'Report cases (inspector)' },
    { name: 'cases:accept', zh: '受理案件', en: 'Accept reports' },
    { name: 'cases:verify', zh: '核实案件', en: 'Verify reports on site' },
    { name: 'cases:file', zh: '立案、审核回退', en: 'File cases, approve returns' },
    { name: 'cases:dispatch', zh: '派遣案件', en: 'Dispatch cases' },
    { name: 'cases:handle', zh: '处置案件（专业部门）', en: 'Handle cases (department)' },
    { name: 'cases:check', zh: '核查案件', en: 'Check results on site' },
    { name: 'cases:close', zh: '结案', en: 'Close cases' },
    { name: 'cases:approve.hang', zh: '审批挂账', en: 'Approve parking of cases' },
    { name: 'cases:read', zh: '查看案件', en: 'Read cases' },
    { name: 'cases:classes.manage', zh: '维护案件类别与时限', en: 'Maintain case classes and limits' },
    { name: 'cases:open311.submit', zh: '通过 Open311 提交案件', en: 'Submit cases through Open311' },
    { name: 'cases:evaluation.manage', zh: '设置综合评价权重', en: 'Set the weights of the evaluation' },
  ],
  grants: {
    city_inspector: ['cases:report', 'cases:verify', 'cases:check', 'cases:read'],
    city_operator: ['cases:accept', 'cases:close', 'cases:read', 'cases:open311.submit'],
    shift_leader: ['cases:file', 'cases:read'],
    dispatcher: ['cases:dispatch', 'cases:read'],
    dept_handler: ['cases:handle'],
    leader: ['cases:approve.hang', 'cases:read', 'cases:evaluation.manage'],
    system_admin: ['cases:classes.manage'],
  },
  processes: [cityCaseProcess],
  onTransition: { [cityCaseProcess.key]: keepCaseInStep },
  routes: (app, kernel) => {
    const orgs = ownTables<OrgTables>(kernel.database);
    caseRoutes(app, caseDeps(kernel), (name) => orgService.idByName(orgs, name));
    open311Routes(app, kernel, caseDeps(kernel));
    evaluationRoutes(app, ownTables<CasesTables>(kernel.database), kernel);
  },
  seed: async (kernel) => {
    const n = await classStore.seed(ownTables<CasesTables>(kernel.database));
    if (n > 0) kernel.log.info({ classes: n }, 'seeded the case classes');
  },
};
