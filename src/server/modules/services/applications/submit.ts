import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../../kernel/audit/write';
import { inTransaction } from '../../../kernel/db/database';
import { certificatesHeldBy } from '../certificates/held';
import type { Guide } from '../schemas/guide';
import { applicantColumns, applicantIdOf, applicantOf, counterApplicant, type Applicant } from './applicant';
import type { AppDeps, Who } from './context';
import { applicationAudit, onlineItem, ownDraft, type DraftInput } from './drafts';
import { applicationErrors } from './errors';
import { nextApplicationNumber } from './numbers';
import { checkAnswers, normaliseAnswers, type Answers } from './form';
import { addFiles, checkFiles, coverage, missingErrors } from './materials';
import { applicationProcessKey } from './process';
import { openAnswers, sealAnswers } from './sealed';
import type { AppsDb } from './tables';
import { decidingOrg, guideOf, publishedVersion, type PublishedItem } from './versions';

/** The certificate types the applicant holds and that are valid today (免提交). */
export async function heldTypes(db: AppsDb, applicantId: string): Promise<Set<string>> {
  const held = await certificatesHeldBy(db, applicantId);
  return new Set(held.filter((c) => c.status === 'valid').map((c) => c.typeCode));
}

/** Everything a submission must satisfy, all faults at once: the whole form, and every required material covered. */
function checkComplete(guide: Guide, answers: Answers, files: ReadonlyArray<{ seq: number }>, held: ReadonlySet<string>): void {
  const errors = checkAnswers(guide.formFields, answers, { requireAll: true });
  if (errors.length > 0) throw applicationErrors.invalidAnswers(errors);
  const missing = missingErrors(guide, coverage(guide, files, held));
  if (missing.length > 0) throw applicationErrors.missingMaterials(missing);
}

const uniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

async function byKey(db: AppsDb, accountId: string, key: string): Promise<string | null> {
  const row = await db.selectFrom('service_application').select('id').where('account_id', '=', accountId).where('idempotency_key', '=', key).executeTakeFirst();
  return row?.id ?? null;
}

/** 申报 of a draft. A retried request with the same Idempotency-Key answers the same application. */
export async function submitDraft(deps: AppDeps, who: Who, id: string, key: string): Promise<{ id: string; created: boolean }> {
  const { db } = deps;
  const first = await db.selectFrom('service_application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!first || first.account_id !== who.actor.accountId) throw applicationErrors.notFound();
  if (first.status !== 'draft') {
    if (first.idempotency_key === key) return { id, created: false };
    throw applicationErrors.notDraft();
  }
  const item = await publishedVersion(db, first.item_code);
  // the item may have been withdrawn or taken offline since the draft was saved
  if (!item) throw applicationErrors.itemNotPublished(first.item_code);
  if (!item.guide.online) throw applicationErrors.itemNotOnline(first.item_code);
  const guide = await guideOf(db, first.item_id, first.item_version);
  const files = await db.selectFrom('service_application_material').select('seq').where('application_id', '=', id).execute();
  checkComplete(guide, openAnswers(deps.kernel.keys, guide.formFields, first.answers), files, await heldTypes(db, applicantIdPlain(deps, first)));
  // the number is taken outside the transaction (numbers.ts): a failure leaves a gap
  const businessNo = await nextApplicationNumber(db);
  return inTransaction(db, async (tx) => {
    const row = await ownDraft(deps, tx, who, id);
    if (row.status !== 'draft') {
      if (row.idempotency_key === key) return { id, created: false };
      throw applicationErrors.notDraft();
    }
    await startProcess(deps, tx, who, { id, businessNo, key, guide, itemName: row.item_name, decidingOrgId: row.deciding_org_id });
    return { id, created: true };
  });
}

/** 申报 in one request (online: the signed-in applicant; counter: for someone who came in person). */
export async function submitNew(
  deps: AppDeps,
  who: Who,
  input: DraftInput & { itemCode: string; counter?: { kind: 'person' | 'legal'; name: string; id: string; phone?: string | undefined } | undefined },
  key: string,
): Promise<{ id: string; created: boolean }> {
  const { db } = deps;
  const existing = await byKey(db, who.actor.accountId, key);
  if (existing) return { id: existing, created: false };
  let item: PublishedItem;
  let applicant: Applicant;
  if (input.counter) {
    // at the counter any published item is taken (一窗受理), online or not
    const found = await publishedVersion(db, input.itemCode);
    if (!found) throw applicationErrors.itemNotPublished(input.itemCode);
    item = found;
    applicant = await counterApplicant(deps.identity, deps.kernel.keys, input.counter);
  } else {
    item = await onlineItem(deps, input.itemCode);
    applicant = await applicantOf(deps.identity, deps.kernel.keys, who.actor, input.phone);
  }
  const answers = input.answers ?? {};
  const files = await checkFiles(db, item.guide, who.actor.accountId, input.materials ?? []);
  checkComplete(item.guide, answers, files, await heldTypes(db, applicant.id));
  const businessNo = await nextApplicationNumber(db);
  const id = uuidv7();
  try {
    await inTransaction(db, async (tx) => {
      await tx
        .insertInto('service_application')
        .values({
          id,
          business_no: null,
          item_id: item.itemId,
          item_code: input.itemCode,
          item_version: item.version,
          item_name: item.guide.name,
          deciding_org_id: decidingOrg(item.guide),
          channel: input.counter ? 'counter' : 'online',
          account_id: who.actor.accountId,
          ...applicantColumns(deps.kernel.keys, applicant),
          answers: JSON.stringify(sealAnswers(deps.kernel.keys, item.guide.formFields, normaliseAnswers(item.guide.formFields, answers))) as never,
          instance_id: null,
          idempotency_key: key,
          corrections: null,
          accepted_at: null,
          decided_at: null,
          decision_reason: null,
          certificate_id: null,
          certificate_no: null,
          submitted_at: null,
        })
        .execute();
      await addFiles(tx, id, 1, files);
      await startProcess(deps, tx, who, { id, businessNo, key, guide: item.guide, itemName: item.guide.name, decidingOrgId: decidingOrg(item.guide) });
    });
  } catch (error) {
    // the same key raced in from a retry: the one that committed is the application (the number taken here is a gap)
    if (uniqueViolation(error)) {
      const winner = await byKey(db, who.actor.accountId, key);
      if (winner) return { id: winner, created: false };
    }
    throw error;
  }
  return { id, created: true };
}

interface Start {
  id: string;
  businessNo: string;
  key: string;
  guide: Guide;
  itemName: string;
  decidingOrgId: string;
}

/** Marks the application submitted and starts its process (the hook plans the deemed acceptance); audit last. */
async function startProcess(deps: AppDeps, tx: AppsDb, who: Who, s: Start): Promise<void> {
  const instanceId = uuidv7();
  const now = new Date();
  await tx
    .updateTable('service_application')
    .set({ business_no: s.businessNo, idempotency_key: s.key, status: 'submitted', submitted_at: now, updated_at: now, instance_id: instanceId })
    .where('id', '=', s.id)
    .execute();
  await deps.kernel.events.publish(tx, 'services.application.submitted', { applicationId: s.id, businessNo: s.businessNo, item: s.guide.code });
  await appendAudit(tx, applicationAudit(who, 'services.application.submit', s.id, { businessNo: s.businessNo, item: s.guide.code, version: s.guide.version }));
  await deps.kernel.workflow.start(tx, who.actor, {
    instanceId,
    definition: applicationProcessKey,
    businessModule: 'services',
    businessId: s.id,
    businessNo: s.businessNo,
    title: s.itemName,
    orgId: s.decidingOrgId,
  });
}

const applicantIdPlain = (deps: AppDeps, row: { applicant_id_enc: string }): string => applicantIdOf(deps.kernel.keys, row);
