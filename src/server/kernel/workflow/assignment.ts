import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { can, type Actor } from '../access';
import { appendAudit } from '../audit/write';
import type { EngineContext, StepRow } from './context';
import { workflowErrors } from './errors';
import { noticeAssigned } from './notices';
import type { WorkflowDb } from './tables';

/** A colleague found by the identity kernel: enough to decide whether they may work on a step. */
export interface Colleague {
  accountId: string;
  displayName: string;
  grants: Actor['grants'];
}

/** May this actor work on this step? The named assignee, or a holder of the permission within scope. */
export function canWork(actor: Actor, step: Pick<StepRow, 'assignee_id' | 'permission' | 'org_path'>): boolean {
  if (step.assignee_id) return step.assignee_id === actor.accountId;
  return step.permission !== null && can(actor, step.permission, { orgPath: step.org_path });
}

/** Could this colleague work on the step if it were theirs (holds its permission in scope)? */
export function couldWork(colleague: Colleague, step: Pick<StepRow, 'permission' | 'org_path'>): boolean {
  const asActor: Actor = { accountId: colleague.accountId, kind: 'staff', displayName: colleague.displayName, orgId: null, permissions: new Set(colleague.grants.map((g) => g.permission)), grants: colleague.grants, sessionId: null, apiKeyId: null, mfaPending: false };
  return step.permission !== null && can(asActor, step.permission, { orgPath: step.org_path });
}

async function openStep(tx: WorkflowDb, stepId: string) {
  return tx.selectFrom('wf_step').selectAll().where('id', '=', stepId).where('left_at', 'is', null).forUpdate().executeTakeFirst();
}

async function giveStep(ctx: EngineContext, tx: WorkflowDb, actor: Actor, step: StepRow, to: Colleague, kind: 'handover' | 'assign', comment: string, ip: string | null): Promise<void> {
  const instance = await tx.selectFrom('wf_instance').selectAll().where('id', '=', step.instance_id).executeTakeFirstOrThrow();
  if (instance.status !== 'running') throw workflowErrors.ended();
  const def = ctx.definition(instance.definition_key, instance.definition_version);
  const label = kind === 'handover' ? '转办' : '指派';
  await tx.updateTable('wf_step').set({ assignee_id: to.accountId, claimed_at: new Date() }).where('id', '=', step.id).execute();
  await tx
    .insertInto('wf_history')
    .values({ id: uuidv7(), instance_id: step.instance_id, step_id: step.id, actor_id: actor.accountId, actor_name: actor.displayName, action: kind, from_state: instance.state, to_state: instance.state, comment: `${comment}（${label}给 ${to.displayName}）`, fields: sql`${JSON.stringify({ to: to.accountId })}::jsonb` })
    .execute();
  await noticeAssigned(tx, to.accountId, { instance, state: def.states[step.state]!.label, actor, comment });
  await ctx.events.publish(tx, kind === 'handover' ? 'workflow.handedOver' : 'workflow.assigned', { instanceId: step.instance_id, stepId: step.id, to: to.accountId, businessModule: instance.business_module, businessId: instance.business_id });
  await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: `workflow.${kind}`, objectType: 'wf_step', objectId: step.id, details: { to: to.accountId } });
}

/** 转办: the person working on a step hands it to a colleague who could work on it too. */
export async function handOver(ctx: EngineContext, tx: WorkflowDb, actor: Actor, stepId: string, to: Colleague, comment: string, ip: string | null): Promise<void> {
  const step = await openStep(tx, stepId);
  if (!step || !canWork(actor, step)) throw workflowErrors.notYours();
  if (to.accountId === actor.accountId || !couldWork(to, step)) throw workflowErrors.cannotHandOver();
  await giveStep(ctx, tx, actor, step, to, 'handover', comment, ip);
}

/**
 * 指派/改派: a dispatcher or leader (workflow:assign within the step's scope) gives an open
 * step to someone who could work on it — whether it was still the role's or already a person's.
 */
export async function assign(ctx: EngineContext, tx: WorkflowDb, actor: Actor, stepId: string, to: Colleague, comment: string, ip: string | null): Promise<void> {
  const step = await openStep(tx, stepId);
  if (!step) throw workflowErrors.notYours();
  if (!can(actor, 'workflow:assign', { orgPath: step.org_path })) throw workflowErrors.notYours();
  if (step.assignee_id === to.accountId || !couldWork(to, step)) throw workflowErrors.cannotAssign();
  await giveStep(ctx, tx, actor, step, to, 'assign', comment, ip);
}

/** 签收: a step open to a role becomes the claimant's own. */
export async function claim(tx: WorkflowDb, actor: Actor, stepId: string): Promise<void> {
  const step = await openStep(tx, stepId);
  if (!step || !canWork(actor, step)) throw workflowErrors.notYours();
  await tx.updateTable('wf_step').set({ assignee_id: actor.accountId, claimed_at: new Date() }).where('id', '=', stepId).execute();
  await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, action: 'workflow.claim', objectType: 'wf_step', objectId: stepId });
}

/**
 * Who a step could be handed or assigned to: colleagues holding its permission in its scope,
 * not the one who has it now. Asked by whoever works on it or may assign it.
 */
export async function candidatesFor(tx: WorkflowDb, actor: Actor, stepId: string, holding: (permission: string) => Promise<Colleague[]>): Promise<Colleague[]> {
  const step = await tx.selectFrom('wf_step').selectAll().where('id', '=', stepId).where('left_at', 'is', null).executeTakeFirst();
  if (!step || !(canWork(actor, step) || can(actor, 'workflow:assign', { orgPath: step.org_path }))) throw workflowErrors.notYours();
  if (step.permission === null) return [];
  const all = await holding(step.permission);
  return all.filter((c) => c.accountId !== step.assignee_id && c.accountId !== actor.accountId && couldWork(c, step));
}
