import { can, type Actor } from '../access';
import { appendAudit } from '../audit/write';
import { clockFor } from './clock';
import { pathOf, type EngineContext } from './context';
import { extendByPause } from './deadlines';
import { workflowErrors } from './errors';
import { scheduleEscalations } from './steps';
import { recordHistory } from './transition';
import type { WorkflowDb } from './tables';

async function lockForSupervision(ctx: EngineContext, tx: WorkflowDb, actor: Actor, instanceId: string) {
  const instance = await tx.selectFrom('wf_instance').selectAll().where('id', '=', instanceId).forUpdate().executeTakeFirst();
  if (!instance) throw workflowErrors.instanceNotFound(instanceId);
  if (instance.status !== 'running') throw workflowErrors.ended();
  if (!can(actor, 'workflow:suspend', { orgPath: await pathOf(ctx, instance.org_id) })) throw workflowErrors.notYours();
  return instance;
}

/**
 * 挂起: a holder of `workflow:suspend` within the instance's scope stops a running process: no
 * actions, the clock stops. A process already paused by its own state keeps that pause.
 */
export async function suspend(ctx: EngineContext, tx: WorkflowDb, actor: Actor, instanceId: string, reason: string, ip: string | null): Promise<void> {
  const instance = await lockForSupervision(ctx, tx, actor, instanceId);
  if (instance.suspended_at) throw workflowErrors.suspended();
  const now = new Date();
  await tx.updateTable('wf_instance').set({ suspended_at: now, suspended_by: actor.accountId, paused_since: instance.paused_since ?? now }).where('id', '=', instanceId).execute();
  await recordHistory(tx, { instanceId, stepId: null, actor, action: 'suspend', from: instance.state, to: instance.state, comment: reason });
  await ctx.events.publish(tx, 'workflow.suspended', { instanceId, businessModule: instance.business_module, businessId: instance.business_id });
  await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'workflow.suspend', objectType: 'wf_instance', objectId: instanceId, details: { reason } });
}

/** 恢复: the suspended working time is added to the due times, and the escalations are planned anew. */
export async function resume(ctx: EngineContext, tx: WorkflowDb, actor: Actor, instanceId: string, ip: string | null): Promise<void> {
  const instance = await lockForSupervision(ctx, tx, actor, instanceId);
  if (!instance.suspended_at) throw workflowErrors.notSuspended();
  const def = ctx.definition(instance.definition_key, instance.definition_version);
  const state = def.states[instance.state]!;
  const stillPaused = state.pausesClock === true;
  let dueAt = instance.due_at;
  if (!stillPaused && instance.paused_since) {
    const now = new Date();
    const clock = await clockFor(tx, await pathOf(ctx, instance.org_id, tx));
    if (dueAt) dueAt = extendByPause(clock.calendar, dueAt, instance.paused_since, now, clock.hours);
    const steps = await tx.selectFrom('wf_step').selectAll().where('instance_id', '=', instanceId).where('left_at', 'is', null).execute();
    for (const step of steps) {
      if (!step.due_at) continue;
      const moved = extendByPause(clock.calendar, step.due_at, instance.suspended_at, now, clock.hours);
      await tx.updateTable('wf_step').set({ due_at: moved }).where('id', '=', step.id).execute();
      if (moved.getTime() !== step.due_at.getTime()) await scheduleEscalations(tx, state, { id: step.id, enteredAt: step.entered_at, dueAt: moved }, clock);
    }
  }
  await tx.updateTable('wf_instance').set({ suspended_at: null, suspended_by: null, due_at: dueAt, paused_since: stillPaused ? instance.paused_since : null }).where('id', '=', instanceId).execute();
  await recordHistory(tx, { instanceId, stepId: null, actor, action: 'resume', from: instance.state, to: instance.state });
  await ctx.events.publish(tx, 'workflow.resumed', { instanceId, businessModule: instance.business_module, businessId: instance.business_id });
  await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'workflow.resume', objectType: 'wf_instance', objectId: instanceId });
}
