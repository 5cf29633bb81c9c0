import type { ProcessDefinition } from '../../kernel/workflow';

/**
 * 内部事项申请: submitted → section head (2 working days) → leader (3 working
 * days) → approved; either may refuse (reason required) or return it to the
 * applicant, whose time correcting it does not count (the clock pauses).
 */
export const internalRequestProcess: ProcessDefinition = {
  key: 'requests.internal',
  version: 1,
  name: { zh: '内部事项申请', en: 'Internal request' },
  limit: { workingDays: 5 },
  states: {
    submitted: {
      label: { zh: '待科室审核', en: 'Awaiting section review' },
      start: true,
      limit: { workingDays: 2 },
      assignee: { permission: 'requests:approve.section' },
      escalation: [
        { level: 'remind', at: { fraction: 0.75 } },
        { level: 'warn', at: { fraction: 1 } },
        { level: 'escalate', at: { afterDue: { workingDays: 1 } } },
      ],
    },
    section_approved: { label: { zh: '待领导审批', en: 'Awaiting leader approval' }, limit: { workingDays: 3 }, assignee: { permission: 'requests:approve.leader' } },
    returned: { label: { zh: '退回修改', en: 'Returned for changes' }, pausesClock: true, assignee: { initiator: true } },
    approved: { label: { zh: '已批准', en: 'Approved' }, end: true },
    rejected: { label: { zh: '未批准', en: 'Refused' }, end: true },
  },
  actions: [
    { key: 'approve_section', label: { zh: '审核通过', en: 'Approve (section)' }, from: ['submitted'], to: 'section_approved' },
    { key: 'approve_leader', label: { zh: '批准', en: 'Approve' }, from: ['section_approved'], to: 'approved' },
    { key: 'reject', label: { zh: '不予批准', en: 'Refuse' }, from: ['submitted', 'section_approved'], to: 'rejected', commentRequired: true },
    { key: 'return', label: { zh: '退回', en: 'Return' }, from: ['submitted', 'section_approved'], to: 'returned', commentRequired: true },
    { key: 'resubmit', label: { zh: '重新提交', en: 'Resubmit' }, from: ['returned'], to: 'submitted' },
  ],
};

/**
 * Version 2: the leader may first ask other departments for their opinion (会签, all must
 * agree) before deciding, and the applicant hears of each decision. Instances started on
 * version 1 finish on version 1.
 */
export const internalRequestProcessV2: ProcessDefinition = {
  ...internalRequestProcess,
  version: 2,
  states: {
    ...internalRequestProcess.states,
    countersigning: {
      label: { zh: '会签中', en: 'Countersigning' },
      limit: { workingDays: 3 },
      countersign: { mode: 'all', permission: 'requests:approve.section', orgsField: 'orgs', agree: 'countersigned', disagree: 'section_approved' },
    },
    countersigned: { label: { zh: '会签通过，待领导审批', en: 'Countersigned, awaiting leader approval' }, limit: { workingDays: 2 }, assignee: { permission: 'requests:approve.leader' } },
  },
  actions: [
    { key: 'approve_section', label: { zh: '审核通过', en: 'Approve (section)' }, from: ['submitted'], to: 'section_approved' },
    { key: 'consult', label: { zh: '发起会签', en: 'Ask departments to countersign' }, from: ['section_approved'], to: 'countersigning', requires: ['orgs'] },
    { key: 'approve_leader', label: { zh: '批准', en: 'Approve' }, from: ['section_approved', 'countersigned'], to: 'approved', notify: [{ to: 'initiator' }] },
    { key: 'reject', label: { zh: '不予批准', en: 'Refuse' }, from: ['submitted', 'section_approved', 'countersigned'], to: 'rejected', commentRequired: true, notify: [{ to: 'initiator' }] },
    { key: 'return', label: { zh: '退回申请人', en: 'Return to the applicant' }, from: ['submitted', 'section_approved', 'countersigned'], to: 'returned', commentRequired: true, notify: [{ to: 'initiator' }] },
    { key: 'resubmit', label: { zh: '重新提交', en: 'Resubmit' }, from: ['returned'], to: 'submitted', notify: [{ to: 'previousActors' }] },
  ],
};
