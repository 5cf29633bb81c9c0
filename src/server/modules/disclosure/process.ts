import type { ProcessDefinition } from '../../kernel/workflow';

export const WRITE = 'disclosure:write';
export const APPROVE = 'disclosure:approve';
export const ANSWER = 'disclosure:answer';

/**
 * 发布审核: an article submitted by its department's editor waits for a leader's approval
 * (published) or refusal with reasons (back to draft, edited and submitted again: a new instance).
 */
export const articleProcess: ProcessDefinition = {
  key: 'disclosure.article',
  version: 1,
  name: { zh: '信息公开发布审核', en: 'Approval of a disclosure article' },
  returnToEarlier: false,
  states: {
    reviewing: { label: { zh: '待审核', en: 'Awaiting approval' }, start: true, limit: { workingDays: 2 }, assignee: { permission: APPROVE } },
    published: { label: { zh: '已发布', en: 'Published' }, end: true },
    refused: { label: { zh: '退回修改', en: 'Returned for changes' }, end: true },
  },
  actions: [
    { key: 'approve', label: { zh: '同意发布', en: 'Approve and publish' }, from: ['reviewing'], to: 'published', notify: [{ to: 'initiator' }] },
    { key: 'refuse', label: { zh: '退回修改', en: 'Return for changes' }, from: ['reviewing'], to: 'refused', commentRequired: true, notify: [{ to: 'initiator' }] },
  ],
};

/**
 * 依申请公开 (政府信息公开条例 Art. 29–33): the agency answers within 20 working days of receipt
 * (the engine's 延期 adds up to 20 more with the approval of a leader); a request that is unclear
 * goes back to the applicant once for clarification (补正), which stops the clock, and the 20
 * days count again from the clarified request.
 */
export const requestProcess: ProcessDefinition = {
  key: 'disclosure.request',
  version: 1,
  name: { zh: '依申请公开', en: 'Request for disclosure' },
  returnToEarlier: false,
  states: {
    received: {
      label: { zh: '办理中', en: 'Being handled' },
      start: true,
      limit: { workingDays: 20 },
      assignee: { permission: ANSWER },
      escalation: [
        { level: 'remind', at: { fraction: 0.75 } },
        { level: 'warn', at: { fraction: 1 } },
      ],
    },
    clarifying: { label: { zh: '待申请人补正', en: 'Awaiting clarification' }, pausesClock: true, assignee: { initiator: true } },
    answered: { label: { zh: '已答复', en: 'Answered' }, end: true },
  },
  actions: [
    { key: 'answer', label: { zh: '答复', en: 'Answer' }, from: ['received'], to: 'answered', requires: ['answerType', 'answer'], attachments: { max: 20 }, notify: [{ to: 'initiator' }] },
    { key: 'clarify', label: { zh: '告知补正', en: 'Ask to clarify' }, from: ['received'], to: 'clarifying', commentRequired: true, notify: [{ to: 'initiator' }] },
    { key: 'clarified', label: { zh: '提交补正', en: 'Send the clarification' }, from: ['clarifying'], to: 'received', commentRequired: true },
  ],
};
