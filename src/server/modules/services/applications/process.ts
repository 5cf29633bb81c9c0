import type { LimitRule, ProcessDefinition } from '../../../kernel/workflow';
import { readGuide } from '../snapshot';
import type { AppsDb } from './tables';

/** 受理 (front office: the window clerk for every department; a department for its own items). */
export const ACCEPT = 'services:application.accept';
/** 审查、决定 (back office: the deciding department). */
export const DECIDE = 'services:application.decide';
/** 窗口代录: a clerk enters the application of someone who came in person. */
export const COUNTER = 'services:application.counter';
/** staff read the applications in their scope */
export const READ = 'services:application.read';

export const applicationProcessKey = 'services.application';

/** Art. 32: a decision on acceptance within 5 working days, or the application is deemed accepted. */
export const acceptanceDays = 5;
/** Art. 42: 20 working days when the law sets no other limit. */
export const defaultStatutoryDays = 20;

/**
 * The decision is due within the item's promised limit (承诺时限), and never later than the statutory one,
 * both counted from acceptance in working days, read from the version the application was made under.
 */
export const decisionLimit: LimitRule = async ({ tx, businessId }) => {
  const db = tx as AppsDb;
  const row = await db
    .selectFrom('service_application as a')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'a.item_id').onRef('v.version', '=', 'a.item_version'))
    .select('v.snapshot')
    .where('a.id', '=', businessId)
    .executeTakeFirst();
  if (!row) return null;
  const guide = readGuide(row.snapshot);
  const statutory = guide.statutoryDays ?? defaultStatutoryDays;
  const days = Math.min(guide.promisedDays > 0 ? guide.promisedDays : statutory, statutory);
  return { workingDays: Math.max(1, days) };
};

const ladder = [
  { level: 'remind' as const, at: { fraction: 0.75 } },
  { level: 'warn' as const, at: { fraction: 1 } },
  { level: 'escalate' as const, at: { afterDue: { workingDays: 1 } } },
];

/**
 * 行政许可 (Administrative Licensing Law, cn-domain §2): 申报 → 预审/受理 (受理 | 不予受理 | 补正, one notice,
 * the clock stopped while the applicant corrects) → 审查 → 决定 (准予 / 不予, with reasons and the rights
 * to 行政复议 and 行政诉讼) → 办结 → 制证/送达 at the window (综合窗口出件). Instant items (即办件) are
 * decided at acceptance. 延期 is the engine's, limited to once and 10 working days (extension-rule.ts).
 */
export const applicationProcess: ProcessDefinition = {
  key: applicationProcessKey,
  version: 1,
  name: { zh: '政务服务办件', en: 'Service application' },
  returnToEarlier: false,
  states: {
    submitted: { label: { zh: '待受理', en: 'Awaiting acceptance' }, start: true, limit: { workingDays: acceptanceDays }, assignee: { permission: ACCEPT } },
    correcting: { label: { zh: '待补正', en: 'Awaiting corrections' }, pausesClock: true, assignee: { initiator: true } },
    reviewing: { label: { zh: '审查中', en: 'Under review' }, limit: decisionLimit, assignee: { permission: DECIDE }, escalation: ladder },
    delivering: { label: { zh: '待送达', en: 'Awaiting delivery' }, limit: { workingDays: 10 }, assignee: { permission: ACCEPT } },
    delivered: { label: { zh: '已办结（已送达）', en: 'Concluded and delivered' }, end: true },
    denied: { label: { zh: '已办结（不予许可）', en: 'Concluded: refused' }, end: true },
    not_accepted: { label: { zh: '不予受理', en: 'Not accepted' }, end: true },
  },
  actions: [
    { key: 'accept', label: { zh: '受理', en: 'Accept' }, from: ['submitted'], to: 'reviewing' },
    { key: 'reject', label: { zh: '不予受理', en: 'Do not accept' }, from: ['submitted'], to: 'not_accepted', commentRequired: true },
    { key: 'request_correction', label: { zh: '一次性告知补正', en: 'Ask for corrections (one notice)' }, from: ['submitted'], to: 'correcting', requires: ['corrections'], fieldLabels: { corrections: { zh: '补正内容（每项一行或以“；”分隔，写明材料序号，如“材料4 …”）', en: 'Corrections (one per line or separated by “;”, naming the material, e.g. “材料4 …”)' } } },
    { key: 'resubmit', label: { zh: '提交补正材料', en: 'Submit the corrections' }, from: ['correcting'], to: 'submitted' },
    { key: 'approve', label: { zh: '准予许可', en: 'Approve' }, from: ['submitted', 'reviewing'], to: 'delivering' },
    { key: 'deny', label: { zh: '不予许可', en: 'Refuse' }, from: ['submitted', 'reviewing'], to: 'denied', commentRequired: true },
    { key: 'deliver', label: { zh: '送达', en: 'Deliver' }, from: ['delivering'], to: 'delivered' },
  ],
};
