import type { Actor } from '../../kernel/access';
import { decryptField } from '../../kernel/crypto';
import { isInvolved, type WorkflowDb } from '../../kernel/workflow';
import type { Kysely } from 'kysely';
import type { FilesTables } from '../../kernel/files';
import { answerTypes, categoryName } from './categories';
import { disclosureErrors } from './errors';
import { contactContext } from './requests';
import { ANSWER, APPROVE, WRITE } from './process';
import type { DisclosureDb, DisclosureTables } from './store';
import type { Kernel } from '../../kernel/module';

export interface QueryDeps {
  kernel: Kernel;
  db: DisclosureDb;
  orgNames(): Promise<Map<string, string>>;
}

/** `%` and `_` typed by people are letters, not wildcards. */
const likePattern = (q: string) => `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The organisations where the actor holds one of the permissions; null: the whole district. */
function orgsOf(actor: Actor, permissions: string[]): string[] | null {
  const grants = actor.grants.filter((g) => permissions.includes(g.permission));
  if (grants.some((g) => g.scope === 'district')) return null;
  return grants.map((g) => g.orgId);
}

const category = (code: string) => {
  const c = categoryName(code);
  return { code: c.code, name: { zh: c.zh, en: c.en } };
};

/** 主动公开 list: published articles, newest first, by category, organisation and Chinese partial words. */
export async function publicArticles(deps: QueryDeps, filter: { category?: string | undefined; org?: string | undefined; q?: string | undefined; limit?: number | undefined; offset?: number | undefined }) {
  let q = deps.db.selectFrom('disclosure_article').select(['id', 'org_id', 'category', 'title', 'doc_no', 'body', 'published_at']).where('status', '=', 'published');
  if (filter.category) q = q.where('category', '=', filter.category);
  if (filter.org) q = q.where('org_id', '=', filter.org);
  if (filter.q?.trim()) {
    const p = likePattern(filter.q);
    q = q.where((eb) => eb.or([eb('title', 'ilike', p), eb('body', 'ilike', p), eb('doc_no', 'ilike', p)]));
  }
  const rows = await q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 20).offset(filter.offset ?? 0).execute();
  const names = await deps.orgNames();
  return rows.map((r) => ({
    id: r.id,
    category: category(r.category),
    title: r.title,
    docNo: r.doc_no,
    org: names.get(r.org_id) ?? '',
    publishedAt: r.published_at!.toISOString(),
    summary: r.body.slice(0, 120),
  }));
}

async function articleFiles(db: DisclosureDb, id: string) {
  const files = await (db as unknown as Kysely<DisclosureTables & FilesTables>)
    .selectFrom('disclosure_article_file as f')
    .innerJoin('file_object as o', 'o.id', 'f.file_id')
    .select(['f.file_id', 'f.name', 'o.size', 'o.media_type'])
    .where('f.article_id', '=', id)
    .orderBy('f.added_at')
    .execute();
  return files.map((f) => ({ fileId: f.file_id, name: f.name, size: Number(f.size), mediaType: f.media_type }));
}

/** One article: published ones for everyone; drafts and withdrawn ones for their organisation's editors and leaders. */
export async function articleDetail(deps: QueryDeps, actor: Actor | null, id: string) {
  const row = await deps.db.selectFrom('disclosure_article').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw disclosureErrors.notFound(id);
  if (row.status !== 'published') {
    const orgs = actor ? orgsOf(actor, [WRITE, APPROVE]) : [];
    if (!actor || (orgs !== null && !orgs.includes(row.org_id))) throw disclosureErrors.notFound(id);
  }
  const names = await deps.orgNames();
  return {
    id: row.id,
    category: category(row.category),
    title: row.title,
    docNo: row.doc_no,
    body: row.body,
    org: names.get(row.org_id) ?? '',
    orgId: row.org_id,
    status: row.status,
    publishedAt: row.published_at?.toISOString() ?? null,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawReason: row.withdraw_reason,
    reviewNote: row.review_note,
    instanceId: row.instance_id,
    createdBy: row.created_by_name,
    updatedAt: row.updated_at.toISOString(),
    files: await articleFiles(deps.db, id),
  };
}

/** 信息发布管理: the articles of the organisations where the actor edits or approves, newest change first. */
export async function workArticles(deps: QueryDeps, actor: Actor, filter: { status?: string | undefined }) {
  const orgs = orgsOf(actor, [WRITE, APPROVE]);
  if (orgs !== null && orgs.length === 0) return [];
  let q = deps.db.selectFrom('disclosure_article').select(['id', 'org_id', 'category', 'title', 'status', 'updated_at', 'published_at', 'instance_id']);
  if (orgs !== null) q = q.where('org_id', 'in', orgs);
  if (filter.status) q = q.where('status', '=', filter.status as never);
  const rows = await q.orderBy('updated_at', 'desc').limit(500).execute();
  const names = await deps.orgNames();
  return rows.map((r) => ({ id: r.id, org: names.get(r.org_id) ?? '', category: category(r.category), title: r.title, status: r.status, updatedAt: r.updated_at.toISOString(), publishedAt: r.published_at?.toISOString() ?? null, instanceId: r.instance_id }));
}

const answerName = (code: string | null) => {
  const a = answerTypes.find((x) => x.code === code);
  return a ? { zh: a.zh, en: a.en } : null;
};

type RequestRow = { id: string; request_no: string; org_id: string; applicant_name: string; description: string; status: string; answer_type: string | null; submitted_at: Date; answered_at: Date | null; instance_id: string };

const presentRequest = (r: RequestRow, names: Map<string, string>) => ({
  id: r.id,
  requestNo: r.request_no,
  org: names.get(r.org_id) ?? '',
  applicant: r.applicant_name,
  description: r.description,
  status: r.status,
  answerType: r.answer_type,
  answerName: answerName(r.answer_type),
  submittedAt: r.submitted_at.toISOString(),
  answeredAt: r.answered_at?.toISOString() ?? null,
  instanceId: r.instance_id,
});

const requestColumns = ['id', 'request_no', 'org_id', 'applicant_name', 'description', 'status', 'answer_type', 'submitted_at', 'answered_at', 'instance_id'] as const;

/** 我的申请. */
export async function myRequests(deps: QueryDeps, actor: Actor) {
  const rows = await deps.db.selectFrom('disclosure_request').select([...requestColumns]).where('applicant_account_id', '=', actor.accountId).orderBy('submitted_at', 'desc').limit(200).execute();
  const names = await deps.orgNames();
  return rows.map((r) => presentRequest(r, names));
}

/** 依申请公开办理: the requests to the organisations where the actor answers. */
export async function orgRequests(deps: QueryDeps, actor: Actor) {
  const orgs = orgsOf(actor, [ANSWER]);
  if (orgs !== null && orgs.length === 0) return [];
  let q = deps.db.selectFrom('disclosure_request').select([...requestColumns]);
  if (orgs !== null) q = q.where('org_id', 'in', orgs);
  const rows = await q.orderBy('submitted_at', 'desc').limit(500).execute();
  const names = await deps.orgNames();
  return rows.map((r) => presentRequest(r, names));
}

/** One request: the applicant, the agency's answerers, or anyone working on its process. */
export async function requestDetail(deps: QueryDeps, actor: Actor, id: string) {
  const row = await deps.db.selectFrom('disclosure_request').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw disclosureErrors.notFound(id);
  const orgs = orgsOf(actor, [ANSWER]);
  const allowed = row.applicant_account_id === actor.accountId || orgs === null || orgs.includes(row.org_id) || (await isInvolved(deps.db as unknown as WorkflowDb, actor, row.instance_id));
  if (!allowed) throw disclosureErrors.notFound(id);
  const names = await deps.orgNames();
  const files = await (deps.db as unknown as Kysely<DisclosureTables & FilesTables>)
    .selectFrom('disclosure_request_file as f')
    .innerJoin('file_object as o', 'o.id', 'f.file_id')
    .select(['f.file_id', 'o.original_name', 'o.size'])
    .where('f.request_id', '=', id)
    .execute();
  const due = await (deps.db as unknown as WorkflowDb).selectFrom('wf_step').select('due_at').where('instance_id', '=', row.instance_id).where('left_at', 'is', null).executeTakeFirst();
  return {
    ...presentRequest(row, names),
    applicantKind: row.applicant_kind,
    contact: row.contact ? decryptField(deps.kernel.keys.encryptionKey, row.contact, contactContext) : null,
    purpose: row.purpose,
    delivery: row.delivery,
    answer: row.answer,
    legalBasis: row.legal_basis,
    dueAt: due?.due_at?.toISOString() ?? null,
    files: files.map((f) => ({ fileId: f.file_id, name: f.original_name, size: Number(f.size) })),
  };
}
