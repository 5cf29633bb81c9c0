import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../../kernel/access';
import { appendAudit } from '../../../kernel/audit/write';
import type { Kernel } from '../../../kernel/module';
import { nextBusinessNumber } from '../../../kernel/workflow';
import { ratingErrors } from './errors';
import { rectificationProcess } from './process';
import type { ApplicationView, RatingsDb } from './tables';
import { applicationToRate, CONCLUDED } from './target';

export interface RatingInput {
  applicationId: string;
  /** 1 非常不满意 … 5 非常满意, on the five national online dimensions */
  overall: number;
  efficiency: number;
  guidance: number;
  convenience: number;
  usability: number;
  comment: string;
  /** 匿名: the department cannot visit back, and does not learn who rated */
  anonymous: boolean;
}

/** 差评: the two lowest levels of the overall rating. */
export const isBad = (overall: number) => overall <= 2;

/**
 * The engine records who started a process; a bad review's rectification is started by the rating
 * system rather than by the rater, so that an anonymous rater's name appears nowhere in the process
 * the department works on.
 */
const ratingSystem: Actor = {
  accountId: '00000000-0000-7000-8000-000000000000',
  kind: 'staff',
  displayName: '好差评系统',
  orgId: null,
  permissions: new Set(),
  grants: [],
  sessionId: null,
  apiKeyId: null,
  mfaPending: false,
};

/**
 * 一事一评: the applicant rates a concluded application once. A bad review opens the rectification
 * process for the deciding department, in the same transaction as the rating and its audit record.
 */
export async function submitRating(kernel: Kernel, db: RatingsDb, actor: Actor, input: RatingInput, ip: string | null): Promise<{ id: string; bad: boolean; rectificationNo: string | null }> {
  const app = await applicationToRate(db as unknown as Kysely<ApplicationView>, input.applicationId);
  if (!app || app.applicant_account_id !== actor.accountId || !CONCLUDED.includes(app.status)) throw ratingErrors.notRateable();
  const bad = isBad(input.overall);
  if (bad && input.comment.trim().length < 2) throw ratingErrors.commentRequired();
  const id = uuidv7();
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('service_rating')
      .values({
        id,
        application_id: app.id,
        application_no: app.business_no ?? '',
        item_code: app.item_code,
        item_name: app.item_name,
        department_org_id: app.deciding_org_id,
        rater_account_id: actor.accountId,
        anonymous: input.anonymous,
        overall: input.overall,
        efficiency: input.efficiency,
        guidance: input.guidance,
        convenience: input.convenience,
        usability: input.usability,
        comment: input.comment.trim(),
        bad,
        rectification_instance_id: null,
        rectification_state: null,
      })
      .onConflict((oc) => oc.column('application_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw ratingErrors.alreadyRated();
    let rectificationNo: string | null = null;
    if (bad) {
      rectificationNo = await nextBusinessNumber(tx, 'ZG');
      const instanceId = uuidv7();
      await tx.updateTable('service_rating').set({ rectification_instance_id: instanceId }).where('id', '=', id).execute();
      await kernel.workflow.start(tx, ratingSystem, {
        instanceId,
        definition: rectificationProcess.key,
        businessModule: 'services',
        businessId: id,
        businessNo: rectificationNo,
        title: `差评整改（${input.overall === 1 ? '非常不满意' : '不满意'}）：${app.item_name} ${app.business_no ?? ''}`.trim(),
        orgId: app.deciding_org_id,
      });
    }
    await appendAudit(tx, {
      // the audit log (read by the audit administrator only) keeps the rater even when anonymous
      actorId: actor.accountId,
      actorName: actor.displayName,
      ip,
      action: 'services.rating.submit',
      objectType: 'service_rating',
      objectId: id,
      details: { applicationNo: app.business_no, overall: input.overall, bad },
    });
    await kernel.events.publish(tx, 'services.rating.submitted', { id, applicationId: app.id, itemCode: app.item_code, departmentOrgId: app.deciding_org_id, overall: input.overall, bad });
    return { id, bad, rectificationNo };
  });
}
