import type { Updateable } from 'kysely';
import { enqueue } from '../../../kernel/jobs/enqueue';
import type { Kernel } from '../../../kernel/module';
import type { TransitionEvent, TransitionHook, WorkflowDb } from '../../../kernel/workflow';
import type { Guide } from '../schemas/guide';
import { issueResult } from './certificate';
import { applicationErrors } from './errors';
import { checkAnswers, normaliseAnswers, type Answers } from './form';
import { addFiles, checkFiles, type MaterialFile } from './materials';
import { tellApplicant } from './notices';
import { sealAnswers } from './sealed';
import type { ApplicationStatus, ApplicationTables, AppsDb, Correction } from './tables';
import { guideOf } from './versions';

export const deemedAcceptanceJob = 'services.application.deemAccept';
export interface DeemPayload {
  applicationId: string;
  round: number;
}

const statusOf: Record<string, ApplicationStatus> = { submitted: 'submitted', correcting: 'correcting', reviewing: 'reviewing', delivering: 'approved', delivered: 'delivered', denied: 'denied', not_accepted: 'not_accepted' };

/**
 * The one 补正 notice, as the department writes it: one correction a line (or a list). A line that names a
 * material (its name, or 材料3 / 第3项) points at it, so the applicant knows where to upload.
 */
export function parseCorrections(raw: unknown, guide: Guide): Correction[] {
  const lines = (Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\n；;]+/) : []).map((l) => l.trim()).filter(Boolean);
  return lines.slice(0, 50).map((note) => {
    const numbered = /(?:材料|第)\s*(\d{1,2})/.exec(note);
    let material: number | null = numbered ? Number(numbered[1]) : null;
    if (material !== null && (material < 1 || material > guide.materials.length)) material = null;
    if (material === null) {
      const i = guide.materials.findIndex((m) => note.includes(m.name));
      if (i >= 0) material = i + 1;
    }
    return { material, note: note.slice(0, 500) };
  });
}

/** Plans the deemed acceptance of one receipt round at the acceptance step's due time (a unique job: once). */
async function planDeemedAcceptance(tx: WorkflowDb, e: TransitionEvent, round: number): Promise<void> {
  const due = e.opened.find((s) => s.state === 'submitted')?.dueAt;
  if (!due) return;
  const payload: DeemPayload = { applicationId: e.instance.business_id, round };
  await enqueue(tx, deemedAcceptanceJob, payload, { uniqueKey: `services.deem:${e.instance.business_id}:${round}`, runAt: due });
}

/**
 * Keeps the application in step with its process, inside each transition's transaction (decision 0009):
 * status and times, the one correction notice, the corrected materials, the deemed acceptance, the
 * decision with its reasons, the certificate on 准予, and a notice to the applicant. A throw refuses the action.
 */
export function keepApplicationInStep(kernel: Kernel): TransitionHook {
  return async (tx, e) => {
    const db = tx as unknown as AppsDb;
    const row = await db.selectFrom('service_application').selectAll().where('id', '=', e.instance.business_id).forUpdate().executeTakeFirstOrThrow();
    const guide = await guideOf(db, row.item_id, row.item_version);
    const now = new Date();
    const set: Updateable<ApplicationTables['service_application']> = { status: statusOf[e.to] ?? row.status, updated_at: now };
    let note = e.comment ?? '';
    switch (e.action) {
      case 'start':
        set.receipt_round = 1;
        await planDeemedAcceptance(tx, e, 1);
        break;
      case 'request_correction': {
        // Art. 32: all corrections at once, in a single notice
        if (row.corrections) throw applicationErrors.oneCorrectionNotice();
        const corrections = parseCorrections(e.fields.corrections, guide);
        if (corrections.length === 0) throw applicationErrors.correctionsNeeded();
        set.corrections = JSON.stringify(corrections) as never;
        note = corrections.map((c, i) => `${i + 1}. ${c.note}`).join('；');
        break;
      }
      case 'resubmit': {
        const round = row.receipt_round + 1;
        const files = await checkFiles(tx, guide, e.actor.accountId, (e.fields.materials as MaterialFile[] | undefined) ?? []);
        await addFiles(db, row.id, round, files);
        const answers = e.fields.answers as Answers | undefined;
        if (answers) {
          const errors = checkAnswers(guide.formFields, answers, { requireAll: true });
          if (errors.length > 0) throw applicationErrors.invalidAnswers(errors);
          set.answers = JSON.stringify(sealAnswers(kernel.keys, guide.formFields, normaliseAnswers(guide.formFields, answers))) as never;
        }
        set.receipt_round = round;
        await planDeemedAcceptance(tx, e, round);
        break;
      }
      case 'accept':
        set.accepted_at = now;
        break;
      case 'deemed_accept':
        set.accepted_at = now;
        set.deemed_accepted = true;
        break;
      case 'reject':
        set.decision_reason = e.comment;
        set.decided_at = now;
        break;
      case 'approve':
      case 'deny': {
        // 即办件 are decided at acceptance; a promised item is accepted and reviewed first
        if (e.from === 'submitted') {
          if (!guide.instant) throw applicationErrors.notInstant();
          set.accepted_at = now;
        }
        set.decided_at = now;
        if (e.action === 'deny') {
          if (!e.comment?.trim()) throw applicationErrors.decisionReasonNeeded();
          set.decision_reason = e.comment;
          break;
        }
        set.decision_reason = e.comment;
        const cert = await issueResult(kernel, tx, row, guide);
        if (cert) {
          set.certificate_id = cert.id;
          set.certificate_no = cert.number;
          note = `证照编号 ${cert.number}。${note}`;
        }
        break;
      }
      default:
        break;
    }
    await db.updateTable('service_application').set(set).where('id', '=', row.id).execute();
    await tellApplicant(tx, row, e.action, note);
  };
}
