import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../access';
import type { Clock } from './clock';
import { clockFor } from './clock';
import type { EngineContext, TransitionHook } from './context';
import { pathOf } from './context';
import type { ProcessDefinition } from './definition';
import { workflowErrors } from './errors';
import { canWork } from './assignment';
import { scheduleEscalations } from './steps';
import { recordHistory } from './transition';
import type { WorkflowDb } from './tables';

/**
 * 延期: an extension of a step's time limit is itself a small process, so that it waits in the
 * approver's inbox with its own deadline like any other task.
 */
export const extensionProcess: ProcessDefinition = {
  key: 'workflow.extension',
  version: 1,
  name: { zh: '延期申请', en: 'Extension request' },
  states: {
    requested: { label: { zh: '待审批延期', en: 'Extension awaiting approval' }, start: true, limit: { workingDays: 1 }, assignee: { permission: 'workflow:extension.approve' } },
    approved: { label: { zh: '已同意延期', en: 'Extension granted' }, end: true },
    refused: { label: { zh: '不同意延期', en: 'Extension refused' }, end: true },
  },
  actions: [
    { key: 'approve', label: { zh: '同意延期', en: 'Grant' }, from: ['requested'], to: 'approved', notify: [{ to: 'initiator' }] },
    { key: 'refuse', label: { zh: '不同意', en: 'Refuse' }, from: ['requested'], to: 'refused', commentRequired: true, notify: [{ to: 'initiator' }] },
  ],
  returnToEarlier: false,
};

export interface ExtensionInput {
  workingDays: number;
  reason: string;
}

type Start = (tx: WorkflowDb, actor: Actor, input: { definition: string; businessModule: string; businessId: string; businessNo: string; title: string; orgId: string }) => Promise<string>;

/** The person working on a step asks for more working days; one pending request per step. */
export async function requestExtension(tx: WorkflowDb, start: Start, actor: Actor, stepId: string, input: ExtensionInput): Promise<{ extensionId: string; approvalInstanceId: string }> {
  const step = await tx.selectFrom('wf_step').selectAll().where('id', '=', stepId).where('left_at', 'is', null).forUpdate().executeTakeFirst();
  if (!step || !canWork(actor, step)) throw workflowErrors.notYours();
  if (!step.due_at) throw workflowErrors.noDeadline();
  const instance = await tx.selectFrom('wf_instance').selectAll().where('id', '=', step.instance_id).executeTakeFirstOrThrow();
  if (instance.status !== 'running') throw workflowErrors.ended();
  if (instance.suspended_at) throw workflowErrors.suspended();
  const pending = await tx.selectFrom('wf_extension').select('id').where('step_id', '=', stepId).where('status', '=', 'pending').executeTakeFirst();
  if (pending) throw workflowErrors.extensionPending();
  const id = uuidv7();
  await recordHistory(tx, { instanceId: instance.id, stepId, actor, action: 'extension_requested', from: instance.state, to: instance.state, comment: input.reason, fields: { workingDays: input.workingDays } });
  await tx.insertInto('wf_extension').values({ id, instance_id: instance.id, step_id: stepId, working_days: input.workingDays, reason: input.reason, requested_by: actor.accountId, decided_at: null, approval_instance_id: null }).execute();
  const approvalInstanceId = await start(tx, actor, {
    definition: extensionProcess.key,
    businessModule: 'workflow',
    businessId: id,
    businessNo: `${instance.business_no}-YQ`,
    title: `延期申请：${instance.title}（${input.workingDays} 个工作日）`,
    orgId: instance.org_id,
  });
  await tx.updateTable('wf_extension').set({ approval_instance_id: approvalInstanceId }).where('id', '=', id).execute();
  return { extensionId: id, approvalInstanceId };
}

/** The due time moved later by whole working days; a limit in days still ends at 24:00. */
export function extendDue(clock: Clock, due: Date, workingDays: number): Date {
  const lastMoment = new Date(due.getTime() - 1);
  return clock.calendar.endOfDay(clock.calendar.addWorkingDays(lastMoment, workingDays));
}

/** When the approval ends: record the decision; if granted, move the step's and the process's due times. */
export function extensionDecided(ctx: EngineContext): TransitionHook {
  return async (tx, e) => {
    if (!e.ended) return;
    const ext = await tx.selectFrom('wf_extension').selectAll().where('approval_instance_id', '=', e.instance.id).forUpdate().executeTakeFirst();
    if (!ext || ext.status !== 'pending') return;
    const granted = e.to === 'approved';
    await tx.updateTable('wf_extension').set({ status: granted ? 'approved' : 'refused', decided_at: new Date() }).where('id', '=', ext.id).execute();
    const parent = await tx.selectFrom('wf_instance').selectAll().where('id', '=', ext.instance_id).forUpdate().executeTakeFirstOrThrow();
    const step = await tx.selectFrom('wf_step').selectAll().where('id', '=', ext.step_id).executeTakeFirstOrThrow();
    const days = `${ext.working_days} 个工作日`;
    if (granted && !step.left_at && step.due_at) {
      const def = ctx.definition(parent.definition_key, parent.definition_version);
      const clock = await clockFor(tx, await pathOf(ctx, parent.org_id, tx));
      const stepDue = extendDue(clock, step.due_at, ext.working_days);
      await tx.updateTable('wf_step').set({ due_at: stepDue }).where('id', '=', step.id).execute();
      if (parent.due_at) await tx.updateTable('wf_instance').set({ due_at: extendDue(clock, parent.due_at, ext.working_days) }).where('id', '=', parent.id).execute();
      await scheduleEscalations(tx, def.states[step.state]!, { id: step.id, enteredAt: step.entered_at, dueAt: stepDue }, clock);
    }
    const applied = granted && !step.left_at && step.due_at !== null;
    await recordHistory(tx, {
      instanceId: parent.id,
      stepId: step.id,
      actor: e.actor,
      action: granted ? 'extended' : 'extension_refused',
      from: parent.state,
      to: parent.state,
      comment: granted ? (applied ? `同意延期 ${days}` : `同意延期 ${days}（该环节已办结，未调整时限）`) : `不同意延期：${e.comment ?? ''}`,
      fields: { workingDays: ext.working_days },
    });
    await ctx.events.publish(tx, granted ? 'workflow.extended' : 'workflow.extensionRefused', { instanceId: parent.id, stepId: step.id, workingDays: ext.working_days, businessModule: parent.business_module, businessId: parent.business_id });
  };
}
