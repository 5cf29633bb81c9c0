import { maskIdNumber, maskName } from '../../../../shared/validators';
import type { Actor } from '../../../kernel/access';
import { can } from '../../../kernel/access';
import type { WorkflowDb } from '../../../kernel/workflow';
import { orgService, type OrgTables } from '../../org';
import { ownTables } from '../../../kernel/db/database';
import { applicantIdOf, maskedApplicant } from './applicant';
import { mayRead, type AppDeps } from './context';
import { applicationErrors } from './errors';
import { coverage } from './materials';
import { rightsNotice } from './notices';
import { READ } from './process';
import { maskAnswers, openAnswers } from './sealed';
import { heldTypes } from './submit';
import type { ApplicationRow } from './tables';
import { currentStepOf, timelineOf } from './timeline';
import { guideOf } from './versions';

const iso = (d: Date | null) => d?.toISOString() ?? null;

async function orgName(deps: AppDeps, id: string): Promise<string> {
  return (await orgService.get(ownTables<OrgTables>(deps.kernel.database), id).catch(() => null))?.name ?? '';
}

/** One application in full, for the applicant and for staff who may read it (anyone else: not found). */
export async function applicationDetail(deps: AppDeps, actor: Actor, id: string) {
  const row = await deps.db.selectFrom('service_application').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(await mayRead(deps, actor, row))) throw applicationErrors.notFound();
  const own = row.applicant_account_id === actor.accountId || row.account_id === actor.accountId;
  return present(deps, row, own);
}

/** `own`: the applicant (or whoever entered it) sees the personal answers whole; other staff masked. */
export async function present(deps: AppDeps, row: ApplicationRow, own: boolean) {
  const wf = deps.db as unknown as WorkflowDb;
  const guide = await guideOf(deps.db, row.item_id, row.item_version);
  const files = await deps.db.selectFrom('service_application_material').selectAll().where('application_id', '=', row.id).orderBy('added_at').execute();
  const held = await heldTypes(deps.db, applicantIdOf(deps.kernel.keys, row));
  const cover = coverage(guide, files, held);
  const refused = row.status === 'denied' || row.status === 'not_accepted';
  return {
    id: row.id,
    businessNo: row.business_no,
    status: row.status,
    channel: row.channel,
    item: { code: row.item_code, name: row.item_name, version: row.item_version, instant: guide.instant, promisedDays: guide.promisedDays, statutoryDays: guide.statutoryDays },
    department: { id: row.deciding_org_id, name: await orgName(deps, row.deciding_org_id) },
    applicant: maskedApplicant(deps.kernel.keys, row),
    formFields: guide.formFields,
    answers: own ? openAnswers(deps.kernel.keys, guide.formFields, row.answers) : maskAnswers(guide.formFields, openAnswers(deps.kernel.keys, guide.formFields, row.answers)),
    materials: guide.materials.map((m, i) => ({
      seq: i + 1,
      name: m.name,
      required: m.required,
      certName: m.certName,
      coverage: cover[i]!.coverage,
      files: files.filter((f) => f.seq === i + 1).map((f) => ({ fileId: f.file_id, name: f.file_name, mediaType: f.media_type, round: f.round })),
    })),
    corrections: row.corrections,
    acceptedAt: iso(row.accepted_at),
    deemedAccepted: row.deemed_accepted,
    decidedAt: iso(row.decided_at),
    decisionReason: row.decision_reason,
    rights: refused ? rightsNotice : null,
    certificate: row.certificate_id ? { id: row.certificate_id, number: row.certificate_no ?? '' } : null,
    extended: row.extended,
    submittedAt: iso(row.submitted_at),
    createdAt: row.created_at.toISOString(),
    instanceId: row.instance_id,
    current: row.instance_id ? await currentStepOf(wf, row.instance_id) : null,
    timeline: row.instance_id ? await timelineOf(wf, row.instance_id, true) : [],
  };
}

const summary = (row: ApplicationRow) => ({
  id: row.id,
  businessNo: row.business_no,
  itemCode: row.item_code,
  itemName: row.item_name,
  status: row.status,
  channel: row.channel,
  applicantName: row.applicant_name,
  submittedAt: iso(row.submitted_at),
  updatedAt: row.updated_at.toISOString(),
});

/** 我的办件: the signed-in applicant's applications and drafts, newest first. */
export async function myApplications(deps: AppDeps, actor: Actor) {
  const rows = await deps.db
    .selectFrom('service_application')
    .selectAll()
    .where((eb) => eb.or([eb('applicant_account_id', '=', actor.accountId), eb.and([eb('account_id', '=', actor.accountId), eb('channel', '=', 'online')])]))
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(summary);
}

/** Staff: the applications of the departments in their scope (the window clerk: all), newest first. */
export async function staffApplications(deps: AppDeps, actor: Actor, status: string | undefined) {
  let q = deps.db.selectFrom('service_application').selectAll().where('status', '<>', 'draft');
  if (status) q = q.where('status', '=', status as ApplicationRow['status']);
  const rows = await q.orderBy('submitted_at', 'desc').limit(500).execute();
  const paths = new Map<string, string[]>();
  const out = [];
  for (const row of rows) {
    if (!paths.has(row.deciding_org_id)) paths.set(row.deciding_org_id, (await deps.kernel.orgs.pathOf(row.deciding_org_id)) ?? [row.deciding_org_id]);
    if (can(actor, READ, { orgPath: paths.get(row.deciding_org_id)! }, deps.kernel.config.zone)) out.push({ ...summary(row), applicantName: maskName(row.applicant_name) });
    if (out.length >= 100) break;
  }
  return out;
}

/** 办件查询 (public): the number and the applicant's ID number or phone; no names of staff, no comments. */
export async function progressOf(deps: AppDeps, row: ApplicationRow) {
  const wf = deps.db as unknown as WorkflowDb;
  return {
    businessNo: row.business_no!,
    itemName: row.item_name,
    applicantName: maskName(row.applicant_name),
    applicantId: row.applicant_kind === 'person' ? maskIdNumber(applicantIdOf(deps.kernel.keys, row)) : applicantIdOf(deps.kernel.keys, row),
    status: row.status,
    department: await orgName(deps, row.deciding_org_id),
    current: row.instance_id ? await currentStepOf(wf, row.instance_id) : null,
    timeline: row.instance_id ? await timelineOf(wf, row.instance_id, false) : [],
  };
}
