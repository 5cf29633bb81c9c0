import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import { shanghaiDate } from '../../kernel/calendar';
import { addDays } from '../../kernel/calendar/calendar-date';
import { inTransaction } from '../../kernel/db/database';
import { httpErrors } from '../../kernel/http/problem';
import { COMPLIANCE, DECIDE, REQUEST, auditOf, inScope, requireScope, type Change, type SharingDeps } from './deps';
import { sharingErrors } from './errors';
import { shareRequestProcess } from './process';
import { shareableResource } from './resources';
import { changed } from './systems';
import type { Selectable } from 'kysely';
import type { SharingTables } from './tables';

export interface RequestInput {
  resourceId: string;
  systemId: string;
  purpose: string;
  fields: string[];
  periodFrom: string;
  periodTo: string;
  legalBasis: string;
}

type RequestRow = Selectable<SharingTables['share_request']>;

export interface RequestView {
  id: string;
  number: string;
  resource: { id: string; code: string; name: string };
  providerOrgId: string;
  providerName: string;
  consumerOrgId: string;
  consumerName: string;
  system: { id: string; name: string };
  purpose: string;
  fields: string[];
  periodFrom: string;
  periodTo: string;
  legalBasis: string;
  status: string;
  refusedBy: string | null;
  reason: string | null;
  instanceId: string | null;
  grantId: string | null;
  createdAt: string;
  decidedAt: string | null;
}

const MAX_YEARS_DAYS = 3 * 366;

/** 共享申请: a department asks for fields of a conditionally shared resource for one of its systems. */
export async function createRequest(deps: SharingDeps, change: Change, input: RequestInput): Promise<string> {
  const resource = await shareableResource(deps, input.resourceId);
  if (resource.shareType === 'unconditional') throw sharingErrors.noRequestNeeded();
  const system = await deps.db.selectFrom('share_system').selectAll().where('id', '=', input.systemId).executeTakeFirst();
  if (!system || system.status !== 'active') throw sharingErrors.systemNotFound(input.systemId);
  await requireScope(deps, change, REQUEST, system.org_id, 'sharing.request.create', null);
  if (system.org_id === resource.providerOrgId) throw sharingErrors.ownResource();
  const itemNames = new Set(resource.items.map((i) => i.name));
  const fields = [...new Set(input.fields.map((f) => f.trim()))];
  const unknown = fields.filter((f) => !itemNames.has(f));
  if (unknown.length > 0) throw sharingErrors.unknownFields(unknown);
  const today = shanghaiDate(new Date());
  if (input.periodFrom < today || input.periodTo < input.periodFrom || input.periodTo > addDays(input.periodFrom, MAX_YEARS_DAYS)) throw sharingErrors.badPeriod();
  const authority = await deps.dataAuthorityId();
  return inTransaction(deps.db, async (tx) => {
    const id = uuidv7();
    const instanceId = uuidv7();
    const seq = (await sql<{ n: string }>`SELECT nextval('share_request_no') AS n`.execute(tx)).rows[0]!.n;
    const number = `GX${today.replace(/-/g, '')}${String(seq).padStart(5, '0')}`;
    await tx
      .insertInto('share_request')
      .values({
        id,
        number,
        resource_id: resource.id,
        resource_code: resource.code,
        provider_org_id: resource.providerOrgId,
        consumer_org_id: system.org_id,
        system_id: system.id,
        purpose: input.purpose.trim(),
        fields,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        legal_basis: input.legalBasis.trim(),
        refused_by: null,
        reason: null,
        instance_id: instanceId,
        grant_id: null,
        created_by: change.actor.accountId,
        decided_at: null,
      })
      .execute();
    await appendAudit(tx, auditOf(change, 'sharing.request.create', 'share_request', id, { number, resource: resource.code, system: system.id, fields }));
    await deps.kernel.workflow.start(tx, change.actor, {
      instanceId,
      definition: shareRequestProcess.key,
      businessModule: 'sharing',
      businessId: id,
      businessNo: number,
      title: `数据共享申请：${resource.name}`,
      orgId: authority,
    });
    return id;
  });
}

async function row(deps: SharingDeps, id: string): Promise<RequestRow> {
  const found = await deps.db
    .selectFrom('share_request')
    .selectAll()
    .select([sql<string>`period_from::text`.as('period_from'), sql<string>`period_to::text`.as('period_to')])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw sharingErrors.requestNotFound(id);
  return found;
}

/** Who may read a request: the consumer's requesters, the provider's deciders, the data authority. */
async function mayRead(deps: SharingDeps, actor: Actor, r: Pick<RequestRow, 'consumer_org_id' | 'provider_org_id'>, authority: string): Promise<boolean> {
  return (await inScope(deps, actor, REQUEST, r.consumer_org_id)) || (await inScope(deps, actor, DECIDE, r.provider_org_id)) || (await inScope(deps, actor, COMPLIANCE, authority));
}

async function present(deps: SharingDeps, rows: RequestRow[]): Promise<RequestView[]> {
  const [names, systems, index] = await Promise.all([
    deps.orgNames(),
    rows.length === 0 ? [] : deps.db.selectFrom('share_system').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.system_id))]).execute(),
    deps.catalog.published(),
  ]);
  const systemName = new Map(systems.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    resource: { id: r.resource_id, code: r.resource_code, name: index.byId.get(r.resource_id)?.name ?? r.resource_code },
    providerOrgId: r.provider_org_id,
    providerName: names.get(r.provider_org_id) ?? r.provider_org_id,
    consumerOrgId: r.consumer_org_id,
    consumerName: names.get(r.consumer_org_id) ?? r.consumer_org_id,
    system: { id: r.system_id, name: systemName.get(r.system_id) ?? r.system_id },
    purpose: r.purpose,
    fields: r.fields,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    legalBasis: r.legal_basis,
    status: r.status,
    refusedBy: r.refused_by,
    reason: r.reason,
    instanceId: r.instance_id,
    grantId: r.grant_id,
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
  }));
}

export async function getRequest(deps: SharingDeps, actor: Actor, id: string): Promise<RequestView> {
  const r = await row(deps, id);
  if (!(await mayRead(deps, actor, r, await deps.dataAuthorityId()))) throw sharingErrors.requestNotFound(id);
  return (await present(deps, [r]))[0]!;
}

/** Requests the actor may read, newest first: as consumer, as provider, or as the data authority. */
export async function listRequests(deps: SharingDeps, actor: Actor, role: 'consumer' | 'provider' | 'authority' | undefined): Promise<RequestView[]> {
  const rows = (await deps.db
    .selectFrom('share_request')
    .selectAll()
    .select([sql<string>`period_from::text`.as('period_from'), sql<string>`period_to::text`.as('period_to')])
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute());
  const authority = await deps.dataAuthorityId();
  const authorityView = await inScope(deps, actor, COMPLIANCE, authority);
  const visible: RequestRow[] = [];
  for (const r of rows) {
    const asConsumer = await inScope(deps, actor, REQUEST, r.consumer_org_id);
    const asProvider = await inScope(deps, actor, DECIDE, r.provider_org_id);
    const ok = role === 'consumer' ? asConsumer : role === 'provider' ? asProvider : role === 'authority' ? authorityView : asConsumer || asProvider || authorityView;
    if (ok) visible.push(r);
  }
  return present(deps, visible);
}

/** 合规审核 by the data authority: passes to the provider or refuses with reasons. */
export async function checkCompliance(deps: SharingDeps, change: Change, id: string, input: { decision: 'pass' | 'refuse'; comment?: string | undefined }): Promise<RequestView> {
  const r = await row(deps, id);
  if (r.status !== 'compliance') throw sharingErrors.wrongStage(r.status);
  if (input.decision === 'refuse' && !input.comment?.trim()) throw sharingErrors.reasonRequired();
  const fields = input.decision === 'pass' ? { providerOrgId: r.provider_org_id } : {};
  await deps.kernel.workflow.act(change.actor, r.instance_id!, input.decision === 'pass' ? 'pass' : 'refuse_compliance', { fields, ip: change.ip, ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}) });
  return getRequest(deps, change.actor, id);
}

/** The provider grants (all requested items, or fewer) or refuses with reasons. */
export async function decideRequest(deps: SharingDeps, change: Change, id: string, input: { decision: 'grant' | 'refuse'; comment?: string | undefined; fields?: string[] | undefined }): Promise<RequestView> {
  const r = await row(deps, id);
  if (r.status !== 'provider') throw sharingErrors.wrongStage(r.status);
  if (input.decision === 'refuse' && !input.comment?.trim()) throw sharingErrors.reasonRequired();
  if (input.fields && input.fields.length === 0) throw httpErrors.validation([{ field: '/body/fields', code: 'minItems', message: { zh: '至少授权一个信息项', en: 'grant at least one item' } }]);
  const fields = input.decision === 'grant' && input.fields ? { fields: input.fields } : {};
  await deps.kernel.workflow.act(change.actor, r.instance_id!, input.decision, { fields, ip: change.ip, ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}) });
  changed(deps); // a grant was written in the decision's transaction
  return getRequest(deps, change.actor, id);
}
