import type { LimitRule, ProcessDefinition } from '../../kernel/workflow';
import type { InteractionDb } from './store';

export const CENTRE = 'interaction:centre';
export const HANDLE = 'interaction:handle';
export const READ = 'interaction:read';
export const KINDS_MANAGE = 'interaction:kinds.manage';

/** The handling limit is the ticket's kind's, as it was when the ticket was written. */
const kindLimit: LimitRule = async ({ tx, businessId }) => {
  const row = await (tx as InteractionDb).selectFrom('ticket').select('limit_days').where('id', '=', businessId).executeTakeFirst();
  return row ? { workingDays: row.limit_days } : null;
};

const ladder = [
  { level: 'remind' as const, at: { fraction: 0.75 } },
  { level: 'warn' as const, at: { fraction: 1 } },
  { level: 'escalate' as const, at: { afterDue: { workingDays: 1 } } },
];

const department = { permission: HANDLE, orgField: 'department' };

/**
 * 政民互动 ticket (12345 style, cn-domain §7): 受理 (the centre; 不予受理 with reasons) → 派单 (to a
 * department) → 签收 → 办理 → 回复 (the reply, required) → 回访 (the centre: satisfied → 办结;
 * not satisfied → 重办 at the same department). The department may return a ticket to the centre
 * (退回, with reasons) before it replies; extensions are the engine's 延期; 催办 is the module's.
 */
export const ticketProcess: ProcessDefinition = {
  key: 'interaction.ticket',
  version: 1,
  name: { zh: '政民互动工单', en: 'Citizen interaction ticket' },
  returnToEarlier: false,
  states: {
    registered: { label: { zh: '待受理', en: 'Awaiting acceptance' }, start: true, limit: { workingDays: 1 }, assignee: { permission: CENTRE } },
    to_dispatch: { label: { zh: '待派单', en: 'Awaiting dispatch' }, limit: { workingDays: 1 }, assignee: { permission: CENTRE } },
    to_sign: { label: { zh: '待签收', en: 'Awaiting sign-off' }, limit: { workingDays: 1 }, assignee: department },
    handling: { label: { zh: '办理中', en: 'Being handled' }, limit: kindLimit, assignee: department, escalation: ladder },
    to_visit: { label: { zh: '待回访', en: 'Awaiting return visit' }, limit: { workingDays: 2 }, assignee: { permission: CENTRE } },
    closed: { label: { zh: '已办结', en: 'Closed' }, end: true },
    rejected: { label: { zh: '不予受理', en: 'Not accepted' }, end: true },
  },
  actions: [
    { key: 'accept', label: { zh: '受理', en: 'Accept' }, from: ['registered'], to: 'to_dispatch' },
    { key: 'reject', label: { zh: '不予受理', en: 'Do not accept' }, from: ['registered'], to: 'rejected', commentRequired: true },
    { key: 'dispatch', label: { zh: '派单', en: 'Dispatch' }, from: ['to_dispatch'], to: 'to_sign', requires: ['department'] },
    { key: 'sign', label: { zh: '签收', en: 'Sign off' }, from: ['to_sign'], to: 'handling' },
    { key: 'send_back', label: { zh: '退回中心', en: 'Return to the centre' }, from: ['to_sign', 'handling'], to: 'to_dispatch', commentRequired: true },
    { key: 'reply', label: { zh: '答复', en: 'Reply' }, from: ['handling'], to: 'to_visit', requires: ['reply'], attachments: { max: 9 } },
    { key: 'satisfied', label: { zh: '回访满意，办结', en: 'Visited: satisfied, close' }, from: ['to_visit'], to: 'closed' },
    { key: 'unsatisfied', label: { zh: '回访不满意，重办', en: 'Visited: not satisfied, redo' }, from: ['to_visit'], to: 'handling', commentRequired: true },
  ],
};
