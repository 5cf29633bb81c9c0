import type { Actor } from '../access';
import { appendAudit } from '../audit/write';
import type { EngineContext, InstanceRow, StepRow } from './context';
import type { Countersign, ProcessDefinition } from './definition';
import { builtInActions } from './definition';
import { workflowErrors } from './errors';
import type { ActInput } from './checks';
import { moveTo, recordHistory } from './transition';
import type { WorkflowDb } from './tables';

/**
 * A vote of one organisation. 会签 (all): the first disagreement decides, otherwise the last
 * agreement. 或签 (any): the first agreement decides, otherwise the last disagreement. Steps
 * that are no longer needed close as 'void'.
 */
export async function vote(ctx: EngineContext, tx: WorkflowDb, def: ProcessDefinition, instance: InstanceRow, step: StepRow, actor: Actor, agree: boolean, input: ActInput, attachments: string[]) {
  const cs = def.states[instance.state]!.countersign!;
  const now = new Date();
  await tx.updateTable('wf_step').set({ left_at: now, outcome: agree ? 'agree' : 'disagree', assignee_id: actor.accountId }).where('id', '=', step.id).execute();
  const open = await tx.selectFrom('wf_step').select((eb) => eb.fn.countAll<string>().as('n')).where('instance_id', '=', instance.id).where('left_at', 'is', null).executeTakeFirstOrThrow();
  const target = decide(cs, agree, Number(open.n));
  const action = agree ? builtInActions.agree : builtInActions.disagree;
  if (target) {
    return moveTo(ctx, tx, { def, instance, step, action, to: target, actor, comment: input.comment, fields: input.fields ?? {}, attachments, ip: input.ip ?? null });
  }
  await recordHistory(tx, { instanceId: instance.id, stepId: step.id, actor, action: action.key, from: instance.state, to: instance.state, comment: input.comment ?? null, fields: input.fields ?? {}, attachments });
  await ctx.events.publish(tx, 'workflow.voted', { instanceId: instance.id, stepId: step.id, agree, businessModule: instance.business_module, businessId: instance.business_id });
  await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: input.ip ?? null, action: `workflow.${action.key}`, objectType: 'wf_step', objectId: step.id, details: { state: instance.state } });
  return { state: instance.state, status: 'running' as const };
}

export function decide(cs: Countersign, agree: boolean, stillOpen: number): string | null {
  if (cs.mode === 'all') return !agree ? cs.disagree : stillOpen === 0 ? cs.agree : null;
  return agree ? cs.agree : stillOpen === 0 ? cs.disagree : null;
}

/** The organisations an action names for a countersign: 1 to 20 distinct, each one known. */
export async function checkCountersignOrgs(ctx: EngineContext, cs: Countersign, fields: Record<string, unknown>): Promise<void> {
  const value = fields[cs.orgsField];
  const ok = Array.isArray(value) && value.length >= 1 && value.length <= 20 && new Set(value).size === value.length && value.every((v) => typeof v === 'string');
  if (!ok) throw workflowErrors.badCountersignOrgs(cs.orgsField);
  for (const id of value as string[]) {
    if (!/^[0-9a-f-]{36}$/i.test(id) || (await ctx.orgs.pathOf(id)) === null) throw workflowErrors.badCountersignOrgs(cs.orgsField);
  }
}

/** An organisation named for the next step (e.g. the department dispatched to): optional, but known when given. */
export async function checkNamedOrg(ctx: EngineContext, field: string, fields: Record<string, unknown>): Promise<void> {
  const value = fields[field];
  if (value === undefined) return;
  if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/i.test(value) || (await ctx.orgs.pathOf(value)) === null) throw workflowErrors.unknownOrg(field);
}
