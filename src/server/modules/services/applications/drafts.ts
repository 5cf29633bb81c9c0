import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../../kernel/audit/write';
import { inTransaction } from '../../../kernel/db/database';
import { applicantColumns, applicantOf } from './applicant';
import type { AppDeps, Who } from './context';
import { applicationErrors } from './errors';
import { checkAnswers, normaliseAnswers, type Answers } from './form';
import { addFiles, checkFiles, type MaterialFile } from './materials';
import { sealAnswers } from './sealed';
import type { ApplicationRow } from './tables';
import { decidingOrg, guideOf, publishedVersion, type PublishedItem } from './versions';

export interface DraftInput {
  answers?: Answers | undefined;
  /** a mobile phone for notices (a citizen's registered one by default) */
  phone?: string | undefined;
  materials?: MaterialFile[] | undefined;
}

/** Online applications only for items that are published and open online (网上申报). */
export async function onlineItem(deps: AppDeps, code: string): Promise<PublishedItem> {
  const item = await publishedVersion(deps.db, code);
  if (!item) throw applicationErrors.itemNotPublished(code);
  if (!item.guide.online) throw applicationErrors.itemNotOnline(code);
  return item;
}

const audit = (who: Who, action: string, id: string, details: Record<string, unknown>) => ({
  actorId: who.actor.accountId,
  actorName: who.actor.displayName,
  orgId: who.actor.orgId,
  ip: who.ip,
  action,
  objectType: 'service_application',
  objectId: id,
  details,
});

/** 暂存: a new draft of the signed-in applicant for the item's current version; well-formed, maybe incomplete. */
export async function createDraft(deps: AppDeps, who: Who, itemCode: string, input: DraftInput): Promise<string> {
  const item = await onlineItem(deps, itemCode);
  const applicant = await applicantOf(deps.identity, deps.kernel.keys, who.actor, input.phone);
  const errors = checkAnswers(item.guide.formFields, input.answers ?? {}, { requireAll: false });
  if (errors.length > 0) throw applicationErrors.invalidAnswers(errors);
  const id = uuidv7();
  await inTransaction(deps.db, async (tx) => {
    const files = await checkFiles(tx, item.guide, who.actor.accountId, input.materials ?? []);
    await tx
      .insertInto('service_application')
      .values({
        id,
        business_no: null,
        item_id: item.itemId,
        item_code: itemCode,
        item_version: item.version,
        item_name: item.guide.name,
        deciding_org_id: decidingOrg(item.guide),
        channel: 'online',
        account_id: who.actor.accountId,
        ...applicantColumns(deps.kernel.keys, applicant),
        answers: JSON.stringify(sealAnswers(deps.kernel.keys, item.guide.formFields, normaliseAnswers(item.guide.formFields, input.answers ?? {}))) as never,
        instance_id: null,
        idempotency_key: null,
        corrections: null,
        accepted_at: null,
        decided_at: null,
        decision_reason: null,
        certificate_id: null,
        certificate_no: null,
        submitted_at: null,
      })
      .execute();
    await addFiles(tx, id, 0, files);
    await appendAudit(tx, audit(who, 'services.application.draft', id, { item: itemCode, version: item.version }));
  });
  return id;
}

/** The draft of this actor, locked for the change (anyone else's: not found). */
export async function ownDraft(deps: AppDeps, tx: AppDeps['db'], who: Who, id: string): Promise<ApplicationRow> {
  const row = await tx.selectFrom('service_application').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row || row.account_id !== who.actor.accountId) throw applicationErrors.notFound();
  return row;
}

/** Saves the draft whole: the answers and the materials replace the earlier ones. */
export async function updateDraft(deps: AppDeps, who: Who, id: string, input: DraftInput): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const row = await ownDraft(deps, tx, who, id);
    if (row.status !== 'draft') throw applicationErrors.notDraft();
    const guide = await guideOf(tx, row.item_id, row.item_version);
    const errors = checkAnswers(guide.formFields, input.answers ?? {}, { requireAll: false });
    if (errors.length > 0) throw applicationErrors.invalidAnswers(errors);
    const files = await checkFiles(tx, guide, who.actor.accountId, input.materials ?? []);
    const phone = input.phone !== undefined ? applicantColumns(deps.kernel.keys, { ...(await applicantOf(deps.identity, deps.kernel.keys, who.actor, input.phone)) }) : null;
    await tx
      .updateTable('service_application')
      .set({ answers: JSON.stringify(sealAnswers(deps.kernel.keys, guide.formFields, normaliseAnswers(guide.formFields, input.answers ?? {}))) as never, updated_at: new Date(), ...(phone ? { phone_enc: phone.phone_enc, phone_index: phone.phone_index } : {}) })
      .where('id', '=', id)
      .execute();
    await tx.deleteFrom('service_application_material').where('application_id', '=', id).execute();
    await addFiles(tx, id, 0, files);
    await appendAudit(tx, audit(who, 'services.application.draft', id, { saved: true }));
  });
}

export { audit as applicationAudit };
