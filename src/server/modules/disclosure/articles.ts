import { v7 as uuidv7 } from 'uuid';
import { can, type Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import type { FilesDb } from '../../kernel/files';
import type { Kernel } from '../../kernel/module';
import { nextBusinessNumber } from '../../kernel/workflow';
import { isCategory } from './categories';
import { disclosureErrors } from './errors';
import { APPROVE, articleProcess, WRITE } from './process';
import type { DisclosureDb } from './store';

export interface ArticleInput {
  category: string;
  title: string;
  docNo?: string | null | undefined;
  body: string;
  /** ids of files the editor uploaded: the whole list (an edit replaces it) */
  attachments?: string[] | undefined;
}

export interface ArticleDeps {
  kernel: Kernel;
  db: DisclosureDb;
}

async function mayWork(deps: ArticleDeps, actor: Actor, permission: string, orgId: string): Promise<boolean> {
  const path = await deps.kernel.orgs.pathOf(orgId);
  return path !== null && can(actor, permission, { orgPath: path });
}

async function checked(deps: ArticleDeps, actor: Actor, input: ArticleInput) {
  if (!isCategory(input.category)) throw disclosureErrors.unknownCategory(input.category);
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) throw disclosureErrors.blank('/body/title');
  if (!body) throw disclosureErrors.blank('/body/body');
  const ids = [...new Set(input.attachments ?? [])];
  const files = ids.length === 0 ? [] : await (deps.db as unknown as FilesDb).selectFrom('file_object').select(['id', 'original_name']).where('id', 'in', ids).where('uploaded_by', '=', actor.accountId).execute();
  const stranger = ids.find((id) => !files.some((f) => f.id === id));
  if (stranger) throw disclosureErrors.badAttachment(stranger);
  return { category: input.category, title, body, docNo: input.docNo?.trim() || null, files };
}

/** 起草: a draft of the editor's own organisation. */
export async function createArticle(deps: ArticleDeps, actor: Actor, input: ArticleInput, ip: string | null) {
  if (!actor.orgId) throw disclosureErrors.noOrg();
  const v = await checked(deps, actor, input);
  const id = uuidv7();
  await deps.db.transaction().execute(async (tx) => {
    await tx.insertInto('disclosure_article').values({ id, org_id: actor.orgId!, category: v.category, title: v.title, doc_no: v.docNo, body: v.body, instance_id: null, review_note: null, created_by: actor.accountId, created_by_name: actor.displayName, published_at: null, withdrawn_at: null, withdraw_reason: null }).execute();
    if (v.files.length > 0) await tx.insertInto('disclosure_article_file').values(v.files.map((f) => ({ article_id: id, file_id: f.id, name: f.original_name }))).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'disclosure.article.create', objectType: 'disclosure_article', objectId: id, details: { category: v.category, title: v.title } });
  });
  return { id };
}

/** Edits a draft (also one returned by the reviewer); the attachment list is replaced. */
export async function updateArticle(deps: ArticleDeps, actor: Actor, id: string, input: ArticleInput, ip: string | null) {
  const v = await checked(deps, actor, input);
  await deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('disclosure_article').select(['org_id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || !(await mayWork(deps, actor, WRITE, row.org_id))) throw disclosureErrors.notFound(id);
    if (row.status !== 'draft') throw disclosureErrors.notEditable(row.status);
    await tx.updateTable('disclosure_article').set({ category: v.category, title: v.title, doc_no: v.docNo, body: v.body, updated_at: new Date() }).where('id', '=', id).execute();
    await tx.deleteFrom('disclosure_article_file').where('article_id', '=', id).execute();
    if (v.files.length > 0) await tx.insertInto('disclosure_article_file').values(v.files.map((f) => ({ article_id: id, file_id: f.id, name: f.original_name }))).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'disclosure.article.update', objectType: 'disclosure_article', objectId: id });
  });
}

/** 提交审核: the draft goes to the leaders of its organisation (a new approval process). */
export async function submitArticle(deps: ArticleDeps, actor: Actor, id: string) {
  // the approval's number (FB + date + sequence), from its own short transaction
  const approvalNo = await nextBusinessNumber(deps.kernel.database.db, 'FB');
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('disclosure_article').select(['org_id', 'status', 'title']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || !(await mayWork(deps, actor, WRITE, row.org_id))) throw disclosureErrors.notFound(id);
    if (row.status !== 'draft') throw disclosureErrors.notEditable(row.status);
    const instanceId = uuidv7();
    await tx.updateTable('disclosure_article').set({ status: 'reviewing', instance_id: instanceId, updated_at: new Date() }).where('id', '=', id).execute();
    // starting the process appends the audit record
    await deps.kernel.workflow.start(tx, actor, { instanceId, definition: articleProcess.key, businessModule: 'disclosure', businessId: id, businessNo: approvalNo, title: `信息公开：${row.title}`, orgId: row.org_id });
    return { instanceId };
  });
}

/** 撤回: a leader takes a published article off the public list, with the reason (kept, audited). */
export async function withdrawArticle(deps: ArticleDeps, actor: Actor, id: string, reason: string, ip: string | null) {
  const why = reason.trim();
  if (!why) throw disclosureErrors.blank('/body/reason');
  await deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('disclosure_article').select(['org_id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || !(await mayWork(deps, actor, APPROVE, row.org_id))) throw disclosureErrors.notFound(id);
    if (row.status !== 'published') throw disclosureErrors.cannotWithdraw();
    const now = new Date();
    await tx.updateTable('disclosure_article').set({ status: 'withdrawn', withdrawn_at: now, withdraw_reason: why, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'disclosure.article.withdraw', objectType: 'disclosure_article', objectId: id, details: { reason: why } });
  });
}
