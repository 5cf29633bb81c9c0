import type { Limit, LimitRule, PersonRule, ProcessDefinition } from '../../kernel/workflow';
import { inspectorOfUnitGrid } from '../grid';
import type { CasesDb, ClassLimits } from './store';

/** Which stage limit of the case's class applies in which state. */
const stageOf: Record<string, keyof ClassLimits> = { reported: 'accept', verifying: 'verify', to_file: 'file', to_dispatch: 'dispatch', handling: 'handle', checking: 'check' };

/** The limit of a stage read from the case's class and grade (normal or urgent handling). */
const classLimit: LimitRule = async ({ tx, businessId, state }) => {
  const row = await (tx as CasesDb)
    .selectFrom('city_case')
    .innerJoin('case_class', 'case_class.code', 'city_case.class_code')
    .select(['case_class.limits', 'city_case.urgent'])
    .where('city_case.id', '=', businessId)
    .executeTakeFirst();
  const stage = stageOf[state];
  if (!row || !stage) return null;
  if (stage === 'handle') return row.urgent ? row.limits.handle.urgent : row.limits.handle.normal;
  return (row.limits[stage] as Limit | undefined) ?? null;
};

/** 核实 and 核查 go to the inspector of the case's responsibility grid when it has one (责任主体唯一). */
const gridInspector: PersonRule = async ({ tx, businessId }) => {
  const row = await (tx as CasesDb).selectFrom('city_case').select('unit_grid_code').where('id', '=', businessId).executeTakeFirst();
  return row?.unit_grid_code ? inspectorOfUnitGrid(tx, row.unit_grid_code) : null;
};

const ladder = [
  { level: 'remind' as const, at: { fraction: 0.75 } },
  { level: 'warn' as const, at: { fraction: 1 } },
  { level: 'escalate' as const, at: { afterDue: { workingHours: 4 } } },
];

/**
 * 数字城管 case workflow (CJ/T 315; cn-domain §1): 信息收集 → 立案 → 派遣 → 处置 → 反馈 → 核查 → 结案,
 * with verification of reports by others, rework when the check fails, return of a wrong
 * dispatch (值班长 approves), and 挂账 (parking, approved by the centre leader; the clock stops).
 * Extensions use the engine's 延期 (approved by a shift leader or leader).
 */
export const cityCaseProcess: ProcessDefinition = {
  key: 'cases.city',
  version: 1,
  name: { zh: '数字城管案件', en: 'City-management case' },
  returnToEarlier: false,
  states: {
    reported: { label: { zh: '待受理', en: 'Reported' }, start: true, limit: classLimit, assignee: { permission: 'cases:accept' } },
    verifying: { label: { zh: '待核实', en: 'Being verified on site' }, limit: classLimit, assignee: { permission: 'cases:verify', person: gridInspector } },
    to_file: { label: { zh: '待立案', en: 'Awaiting filing' }, limit: classLimit, assignee: { permission: 'cases:file' } },
    to_dispatch: { label: { zh: '待派遣', en: 'Awaiting dispatch' }, limit: classLimit, assignee: { permission: 'cases:dispatch' } },
    handling: { label: { zh: '处置中', en: 'Being handled' }, limit: classLimit, assignee: { permission: 'cases:handle', orgField: 'department' }, escalation: ladder },
    returned: { label: { zh: '回退待审核', en: 'Returned, awaiting approval' }, limit: { workingHours: 1 }, assignee: { permission: 'cases:file' } },
    hang_pending: { label: { zh: '挂账待审批', en: 'Parking awaiting approval' }, limit: { workingDays: 1 }, assignee: { permission: 'cases:approve.hang' } },
    hung: { label: { zh: '已挂账', en: 'Parked' }, pausesClock: true, assignee: { permission: 'cases:handle', orgField: 'department' } },
    checking: { label: { zh: '待核查', en: 'Being checked on site' }, limit: classLimit, assignee: { permission: 'cases:check', person: gridInspector } },
    to_close: { label: { zh: '待结案', en: 'Awaiting closure' }, limit: { workingHours: 2 }, assignee: { permission: 'cases:close' } },
    closed: { label: { zh: '已结案', en: 'Closed' }, end: true },
    invalid: { label: { zh: '无效上报', en: 'Invalid report' }, end: true },
    not_filed: { label: { zh: '不予立案', en: 'Not filed' }, end: true },
  },
  actions: [
    { key: 'accept', label: { zh: '受理', en: 'Accept' }, from: ['reported'], to: 'to_file' },
    { key: 'send_verify', label: { zh: '派发核实', en: 'Send to verify' }, from: ['reported'], to: 'verifying' },
    { key: 'merge', label: { zh: '合并（重复上报）', en: 'Merge (duplicate)' }, from: ['reported'], to: 'invalid', requires: ['into'] },
    { key: 'reject', label: { zh: '无效上报', en: 'Invalid report' }, from: ['reported'], to: 'invalid', commentRequired: true, notify: [{ to: 'initiator' }] },
    { key: 'verified', label: { zh: '核实属实', en: 'Verified' }, from: ['verifying'], to: 'to_file', attachments: { max: 9 } },
    { key: 'not_true', label: { zh: '核实不属实', en: 'Not confirmed' }, from: ['verifying'], to: 'invalid', commentRequired: true, attachments: { max: 9 } },
    { key: 'file', label: { zh: '立案', en: 'File' }, from: ['to_file'], to: 'to_dispatch' },
    { key: 'not_file', label: { zh: '不予立案', en: 'Do not file' }, from: ['to_file'], to: 'not_filed', commentRequired: true, notify: [{ to: 'initiator' }] },
    { key: 'dispatch', label: { zh: '派遣', en: 'Dispatch' }, from: ['to_dispatch'], to: 'handling', requires: ['department'] },
    { key: 'feedback', label: { zh: '处置反馈', en: 'Report as handled' }, from: ['handling'], to: 'checking', commentRequired: true, attachments: { required: true, max: 9 } },
    { key: 'return_wrong', label: { zh: '申请回退（非本单位职责）', en: 'Return: not ours' }, from: ['handling'], to: 'returned', commentRequired: true },
    { key: 'confirm_return', label: { zh: '同意回退并重新派遣', en: 'Confirm return' }, from: ['returned'], to: 'to_dispatch' },
    { key: 'deny_return', label: { zh: '不同意回退', en: 'Deny return' }, from: ['returned'], to: 'handling', commentRequired: true },
    { key: 'request_hang', label: { zh: '申请挂账', en: 'Ask to park' }, from: ['handling'], to: 'hang_pending', commentRequired: true },
    { key: 'approve_hang', label: { zh: '同意挂账', en: 'Approve parking' }, from: ['hang_pending'], to: 'hung' },
    { key: 'deny_hang', label: { zh: '不同意挂账', en: 'Deny parking' }, from: ['hang_pending'], to: 'handling', commentRequired: true },
    { key: 'unhang', label: { zh: '恢复处置', en: 'Resume handling' }, from: ['hung'], to: 'handling' },
    { key: 'pass', label: { zh: '核查通过', en: 'Check passed' }, from: ['checking'], to: 'to_close', attachments: { max: 9 } },
    { key: 'fail', label: { zh: '核查不通过（返工）', en: 'Check failed: rework' }, from: ['checking'], to: 'handling', commentRequired: true, attachments: { max: 9 } },
    { key: 'close', label: { zh: '结案', en: 'Close' }, from: ['to_close'], to: 'closed', notify: [{ to: 'initiator' }] },
  ],
};
