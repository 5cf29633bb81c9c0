import type { TransitionHook } from '../../kernel/workflow';
import { caseErrors } from './errors';
import type { CasesDb } from './store';

const photoPhase: Record<string, 'verify' | 'feedback' | 'check'> = { verified: 'verify', not_true: 'verify', feedback: 'feedback', pass: 'check', fail: 'check' };

/**
 * Keeps the case row in step with its process, in the same transaction: the status, the times
 * of each stage (for the evaluation), the department, rework count, parking, merges and photos.
 */
export const keepCaseInStep: TransitionHook = async (tx, e) => {
  const db = tx as unknown as CasesDb;
  const id = e.instance.business_id;
  const now = new Date();
  const change: Record<string, unknown> = { status: e.to, updated_at: now };
  if (e.action === 'file') change.filed_at = now;
  if (e.action === 'dispatch') {
    change.dispatched_at = now;
    change.department_org_id = e.fields.department;
  }
  if (e.action === 'feedback') change.handled_at = now;
  if (e.to === 'closed' || e.to === 'invalid' || e.to === 'not_filed') change.closed_at = now;
  if (e.action === 'approve_hang') change.hung = true;
  if (e.action === 'unhang') change.hung = false;
  if (e.worked?.dueAt && now > e.worked.dueAt) change.late = true;
  let update = db.updateTable('city_case').set(change).where('id', '=', id);
  if (e.action === 'fail') update = update.set((eb) => ({ rework_count: eb('rework_count', '+', 1) }));
  if (e.action === 'merge') {
    const target = await db.selectFrom('city_case').select(['id', 'class_code', 'status', 'closed_at']).where('case_no', '=', String(e.fields.into)).executeTakeFirst();
    const self = await db.selectFrom('city_case').select('class_code').where('id', '=', id).executeTakeFirstOrThrow();
    if (!target || target.id === id || target.class_code !== self.class_code || target.closed_at) throw caseErrors.badMergeTarget(String(e.fields.into));
    update = update.set({ duplicate_of: target.id });
  }
  await update.execute();
  // stage times for the evaluation
  if (e.worked) await db.updateTable('case_stage').set({ left_at: now, action: e.action, actor_id: e.actor.accountId }).where('step_id', '=', e.worked.id).execute();
  if (e.opened.length > 0) {
    await db
      .insertInto('case_stage')
      .values(e.opened.map((s) => ({ step_id: s.id, case_id: id, stage: s.state, org_id: s.orgId, entered_at: s.enteredAt, due_at: s.dueAt, left_at: null, action: null, actor_id: null })))
      .execute();
  }
  const phase = photoPhase[e.action];
  if (phase && e.attachments.length > 0) {
    await db
      .insertInto('case_photo')
      .values(e.attachments.map((file_id) => ({ case_id: id, file_id, phase })))
      .onConflict((oc) => oc.columns(['case_id', 'file_id']).doNothing())
      .execute();
  }
};
