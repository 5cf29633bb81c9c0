import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../kernel/http/problem';
import type { ProcessDefinition, TransitionHook } from '../../kernel/workflow';
import { COMPLIANCE, DECIDE } from './deps';
import type { SharingDb } from './tables';

/**
 * 共享申请 (cn-domain §3, 有条件共享): the data authority checks the request for compliance within 2
 * working days and names the provider as the next step's organisation; the provider decides
 * within 10 working days. Refusals at either step need their reasons. A grant is written by the
 * hook below, in the decision's transaction.
 */
export const shareRequestProcess: ProcessDefinition = {
  key: 'sharing.request',
  version: 1,
  name: { zh: '数据共享申请', en: 'Data share request' },
  returnToEarlier: false,
  states: {
    compliance: {
      label: { zh: '数据主管部门合规审核', en: 'Compliance check by the data authority' },
      start: true,
      limit: { workingDays: 2 },
      assignee: { permission: COMPLIANCE },
      escalation: [{ level: 'remind', at: { fraction: 0.5 } }, { level: 'warn', at: { fraction: 1 } }],
    },
    provider: {
      label: { zh: '提供部门审核', en: 'Decision by the provider' },
      limit: { workingDays: 10 },
      assignee: { permission: DECIDE, orgField: 'providerOrgId' },
      escalation: [{ level: 'remind', at: { fraction: 0.75 } }, { level: 'warn', at: { fraction: 1 } }],
    },
    granted: { label: { zh: '已授权', en: 'Granted' }, end: true },
    refused: { label: { zh: '不予共享', en: 'Refused' }, end: true },
  },
  actions: [
    { key: 'pass', label: { zh: '合规，转提供部门', en: 'Compliant: to the provider' }, from: ['compliance'], to: 'provider', requires: ['providerOrgId'], notify: [{ to: 'initiator' }] },
    { key: 'refuse_compliance', label: { zh: '不合规，退回', en: 'Not compliant: refuse' }, from: ['compliance'], to: 'refused', commentRequired: true, notify: [{ to: 'initiator' }] },
    { key: 'grant', label: { zh: '同意共享并授权', en: 'Grant' }, from: ['provider'], to: 'granted', notify: [{ to: 'initiator' }] },
    { key: 'refuse', label: { zh: '不予共享', en: 'Refuse' }, from: ['provider'], to: 'refused', commentRequired: true, notify: [{ to: 'initiator' }] },
  ],
};

const misrouted = () => new AppError(422, 'SHARING_WRONG_PROVIDER', '下一环节必须是资源的提供部门', 'The next step must go to the resource’s provider', [{ field: '/body/fields/providerOrgId', code: 'provider', message: { zh: '不是提供部门', en: 'not the provider' } }]);
const notRequested = (names: string[]) =>
  new AppError(422, 'SHARING_FIELDS_NOT_REQUESTED', `只能授权申请的信息项：${names.join('、')}`, `Only requested items can be granted: ${names.join(', ')}`, [{ field: '/body/fields', code: 'not-requested', message: { zh: '包含未申请的信息项', en: 'includes items not requested' } }]);

/** Keeps the request in step with its process and writes the grant, in the transition's transaction. */
export const keepRequestInStep: TransitionHook = async (tx, e) => {
  if (e.action === 'start') return;
  const db = tx as unknown as SharingDb;
  const request = await db.selectFrom('share_request').selectAll().select([sql<string>`period_from::text`.as('period_from'), sql<string>`period_to::text`.as('period_to')]).where('id', '=', e.instance.business_id).forUpdate().executeTakeFirstOrThrow();
  const now = new Date();
  if (e.to === 'provider') {
    if (e.fields.providerOrgId !== request.provider_org_id) throw misrouted();
    await db.updateTable('share_request').set({ status: 'provider' }).where('id', '=', request.id).execute();
  } else if (e.to === 'granted') {
    const asked = Array.isArray(e.fields.fields) ? (e.fields.fields as unknown[]).map(String) : request.fields;
    const extra = asked.filter((f) => !request.fields.includes(f));
    if (extra.length > 0 || asked.length === 0) throw notRequested(extra);
    const grantId = uuidv7();
    await db
      .insertInto('share_grant')
      .values({
        id: grantId,
        resource_id: request.resource_id,
        resource_code: request.resource_code,
        provider_org_id: request.provider_org_id,
        system_id: request.system_id,
        consumer_org_id: request.consumer_org_id,
        fields: [...new Set(asked)],
        row_filter: sql`'{}'::jsonb` as never,
        valid_from: request.period_from,
        valid_until: request.period_to,
        request_id: request.id,
        revoked_at: null,
        revoked_reason: null,
      })
      .execute();
    await db.updateTable('share_request').set({ status: 'granted', grant_id: grantId, decided_at: now, reason: e.comment }).where('id', '=', request.id).execute();
  } else if (e.to === 'refused') {
    await db.updateTable('share_request').set({ status: 'refused', refused_by: e.from === 'compliance' ? 'authority' : 'provider', reason: e.comment, decided_at: now }).where('id', '=', request.id).execute();
  }
};
