import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../access';
import { appendAudit } from '../audit/write';
import { linkFile } from '../files/service';
import { clockFor } from './clock';
import { pathOf, type EngineContext, type InstanceRow, type StepRow, type TransitionEvent } from './context';
import { extendByPause } from './deadlines';
import type { ActionNotice, Label, ProcessDefinition } from './definition';
import { sendNotices } from './notices';
import { openSteps, type OpenOptions } from './steps';
import type { WorkflowDb } from './tables';

export interface HistoryInput {
  instanceId: string;
  stepId: string | null;
  actor: Actor | null;
  action: string;
  from: string | null;
  to: string;
  comment?: string | null;
  fields?: Record<string, unknown>;
  attachments?: readonly string[];
}

/** One history row, with the files attached to it (linked in the same transaction). */
export async function recordHistory(tx: WorkflowDb, h: HistoryInput): Promise<string> {
  const id = uuidv7();
  await tx
    .insertInto('wf_history')
    .values({ id, instance_id: h.instanceId, step_id: h.stepId, actor_id: h.actor?.accountId ?? null, actor_name: h.actor?.displayName ?? '系统', action: h.action, from_state: h.from, to_state: h.to, comment: h.comment ?? null, fields: sql`${JSON.stringify(h.fields ?? {})}::jsonb` })
    .execute();
  for (const fileId of h.attachments ?? []) await linkFile(tx, { fileId, ownerType: 'wf_history', ownerId: id });
  return id;
}

export interface Move {
  def: ProcessDefinition;
  instance: InstanceRow;
  /** the step the actor worked on (null when the system moves the instance) */
  step: StepRow | null;
  action: { key: string; label: Label; notify?: readonly ActionNotice[] };
  to: string;
  actor: Actor;
  comment?: string | undefined;
  fields?: Record<string, unknown>;
  attachments?: readonly string[];
  ip?: string | null;
  open?: OpenOptions;
}

/**
 * Moves an instance to a state, in the caller's transaction: closes the open step(s), stops or
 * restarts the clock, opens the next step(s), writes history, notices, module hooks, the outbox
 * event and — last, because it is the chain's append — the audit record.
 */
export async function moveTo(ctx: EngineContext, tx: WorkflowDb, m: Move): Promise<{ state: string; status: 'running' | 'ended' }> {
  const { def, instance } = m;
  const now = new Date();
  const from = def.states[instance.state]!;
  const to = def.states[m.to]!;
  let dueAt = instance.due_at;
  let pausedSince = instance.paused_since;
  // a suspension keeps its own pause; only the state's pause ends with the state
  if (from.pausesClock && pausedSince && !instance.suspended_at) {
    const clock = await clockFor(tx, await pathOf(ctx, instance.org_id, tx));
    if (dueAt) dueAt = extendByPause(clock.calendar, dueAt, pausedSince, now, clock.hours);
    pausedSince = null;
  }
  if (to.pausesClock && !pausedSince) pausedSince = now;

  const worked = m.step;
  await tx
    .updateTable('wf_step')
    .set({ left_at: now, ...(from.countersign ? { outcome: 'void' as const } : {}) })
    .where('instance_id', '=', instance.id)
    .where('left_at', 'is', null)
    .execute();
  await tx
    .updateTable('wf_instance')
    .set({ state: m.to, due_at: dueAt, paused_since: pausedSince, ...(to.end ? { status: 'ended' as const, ended_at: now } : {}) })
    .where('id', '=', instance.id)
    .execute();
  const countersign = to.countersign;
  const orgIds = countersign ? (m.fields?.[countersign.orgsField] as string[]) : undefined;
  const opened = await openSteps(ctx, tx, def, m.to, instance, now, { ...m.open, ...(orgIds ? { orgIds } : {}), fields: m.fields ?? {} });
  await recordHistory(tx, { instanceId: instance.id, stepId: m.step?.id ?? null, actor: m.actor, action: m.action.key, from: instance.state, to: m.to, comment: m.comment ?? null, fields: m.fields ?? {}, attachments: m.attachments ?? [] });
  const nextAssignees = opened.flatMap((o) => (o.assigneeId ? [o.assigneeId] : []));
  await sendNotices(tx, m.action.notify ?? [], { instance, action: m.action.label, state: to.label, actor: m.actor, comment: m.comment ?? null, nextAssignees });
  const event: TransitionEvent = {
    instance: { ...instance, state: m.to },
    action: m.action.key,
    from: instance.state,
    to: m.to,
    ended: to.end === true,
    actor: m.actor,
    comment: m.comment ?? null,
    fields: m.fields ?? {},
    attachments: m.attachments ?? [],
    worked: worked ? { id: worked.id, state: worked.state, orgId: worked.org_id, enteredAt: worked.entered_at, dueAt: worked.due_at } : null,
    opened,
  };
  for (const hook of ctx.hooksFor(def.key)) await hook(tx, event);
  await ctx.events.publish(tx, 'workflow.transitioned', { instanceId: instance.id, definition: def.key, businessModule: instance.business_module, businessId: instance.business_id, action: m.action.key, from: instance.state, to: m.to, actorId: m.actor.accountId });
  await appendAudit(tx, { actorId: m.actor.accountId, actorName: m.actor.displayName, orgId: m.actor.orgId, ip: m.ip ?? null, action: `workflow.${m.action.key}`, objectType: 'wf_instance', objectId: instance.id, details: { from: instance.state, to: m.to } });
  return { state: m.to, status: to.end ? 'ended' : 'running' };
}
