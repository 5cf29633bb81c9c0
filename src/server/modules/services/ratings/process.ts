import type { LimitRule, ProcessDefinition } from '../../../kernel/workflow';
import type { RatingsDb } from './tables';

export const RECTIFY = 'services:rating.rectify';
export const REVIEW = 'services:rating.review';
export const SETTINGS = 'services:rating.settings';

/** 整改 limit in working days when nobody has set one (cn-domain §2). */
export const defaultRectifyDays = 5;

/** 整改 limit: the configured number of working days (service_rating_setting, default 5). */
const rectifyLimit: LimitRule = async ({ tx }) => {
  const row = await (tx as RatingsDb).selectFrom('service_rating_setting').select('rectify_days').executeTakeFirst();
  return { workingDays: row?.rectify_days ?? defaultRectifyDays };
};

/**
 * 差评整改 (国办发〔2019〕51号: verify → rectify → feed back → re-check), on the kernel engine:
 * the handling department verifies and rectifies within the configured working days, or appeals a
 * mistaken review to the administrative service centre (申诉复核); after rectifying it visits the
 * rater (回访, mandatory for real-name reviews: the transition hook refuses `close` without one);
 * an unsatisfied visit sends the work back. An upheld appeal takes the review out of the statistics.
 */
/** The return visit's fields as the panel names them (the hook accepts the Chinese words as typed). */
const visitFields = {
  visitMethod: { zh: '回访方式（电话/短信/上门/网上）', en: 'Visit method (phone/sms/visit/online)' },
  visitResult: { zh: '回访结果（满意/基本满意）', en: 'Visit result (satisfied/basically satisfied)' },
};

export const rectificationProcess: ProcessDefinition = {
  key: 'services.rating.rectify',
  version: 1,
  name: { zh: '差评整改', en: 'Rectification of a bad review' },
  returnToEarlier: false,
  states: {
    rectifying: { label: { zh: '核实整改', en: 'Verify and rectify' }, start: true, limit: rectifyLimit, assignee: { permission: RECTIFY }, escalation: [{ level: 'remind', at: { fraction: 0.6 } }, { level: 'warn', at: { fraction: 1 } }] },
    appealing: { label: { zh: '申诉复核', en: 'Appeal under review' }, limit: { workingDays: 5 }, assignee: { permission: REVIEW } },
    visiting: { label: { zh: '待回访', en: 'Return visit' }, limit: { workingDays: 3 }, assignee: { permission: RECTIFY } },
    closed: { label: { zh: '整改办结', en: 'Closed' }, end: true },
    voided: { label: { zh: '申诉成立（不计差评）', en: 'Appeal upheld' }, end: true },
  },
  actions: [
    { key: 'rectify', label: { zh: '整改完成', en: 'Rectified' }, from: ['rectifying'], to: 'visiting', commentRequired: true, attachments: { max: 9 } },
    { key: 'appeal', label: { zh: '申诉', en: 'Appeal' }, from: ['rectifying'], to: 'appealing', commentRequired: true, attachments: { max: 9 } },
    { key: 'uphold', label: { zh: '申诉成立', en: 'Uphold the appeal' }, from: ['appealing'], to: 'voided', commentRequired: true },
    { key: 'dismiss', label: { zh: '申诉不成立', en: 'Dismiss the appeal' }, from: ['appealing'], to: 'rectifying', commentRequired: true },
    { key: 'visit_done', label: { zh: '回访完成', en: 'Visited: satisfied' }, from: ['visiting'], to: 'closed', requires: ['visitMethod', 'visitResult'], fieldLabels: visitFields, commentRequired: true },
    { key: 'visit_redo', label: { zh: '回访不满意，重新整改', en: 'Visited: not satisfied, rectify again' }, from: ['visiting'], to: 'rectifying', requires: ['visitMethod'], fieldLabels: visitFields, commentRequired: true },
    { key: 'close', label: { zh: '办结（匿名差评无法回访）', en: 'Close (anonymous: no visit possible)' }, from: ['visiting'], to: 'closed', commentRequired: true },
  ],
};
