import type { ProcessDefinition } from '../../kernel/workflow';

/**
 * 异议校核: a using department finds a field of a base record wrong and raises an objection with
 * evidence; the owning department (责任部门) checks it within 5 working days (the tighter of the
 * local rules in cn-domain §3; a deployment changes the definition) and either corrects the
 * record — a new version, in the same transaction as the decision — or refuses with reasons.
 */
export const objectionProcess: ProcessDefinition = {
  key: 'registry.objection',
  version: 1,
  name: { zh: '基础库异议校核', en: 'Objection to a base-register record' },
  returnToEarlier: false,
  states: {
    checking: {
      label: { zh: '待责任部门校核', en: 'Being checked by the owning department' },
      start: true,
      limit: { workingDays: 5 },
      assignee: { permission: 'registry:objection.handle' },
      escalation: [
        { level: 'remind', at: { fraction: 0.75 } },
        { level: 'warn', at: { fraction: 1 } },
      ],
    },
    corrected: { label: { zh: '已更正', en: 'Corrected' }, end: true },
    refused: { label: { zh: '不予更正', en: 'Refused' }, end: true },
  },
  actions: [
    { key: 'accept', label: { zh: '核实属实，更正', en: 'Accept and correct' }, from: ['checking'], to: 'corrected', notify: [{ to: 'initiator' }] },
    { key: 'reject', label: { zh: '不予更正', en: 'Refuse' }, from: ['checking'], to: 'refused', commentRequired: true, notify: [{ to: 'initiator' }] },
  ],
};
