import { v7 as uuidv7 } from 'uuid';
import { enqueue } from '../jobs/enqueue';
import { clockFor, type Clock } from './clock';
import { pathOf, type EngineContext } from './context';
import { dueFrom } from './deadlines';
import type { Limit, ProcessDefinition, StateDef } from './definition';
import type { WorkflowDb } from './tables';

export const escalationJob = 'workflow.escalate';
export type EscalationLevel = 'remind' | 'warn' | 'escalate';
/** `dueAt` is the due time the job was planned for: when the due time moves (延期, 恢复), the old jobs do nothing. */
export interface EscalationPayload {
  stepId: string;
  level: EscalationLevel;
  dueAt: string;
}

export interface OpenOptions {
  /** a named person instead of the state's role (退回 to who worked on it before) */
  assigneeId?: string | null;
  /** 会签/或签: the organisations asked */
  orgIds?: string[];
  /** the entering action's fields (an assignee's `orgField` is read from them) */
  fields?: Record<string, unknown>;
}

interface InstanceRef {
  id: string;
  initiator_id: string;
  org_id: string;
  business_module: string;
  business_id: string;
}

async function limitOf(tx: WorkflowDb, s: StateDef, state: string, instance: InstanceRef): Promise<Limit | null> {
  if (!s.limit) return null;
  if (typeof s.limit !== 'function') return s.limit;
  return s.limit({ tx, businessModule: instance.business_module, businessId: instance.business_id, state });
}

/**
 * The organisation of a step whose assignee names an `orgField`: the field, else the organisation
 * of the latest earlier step with the same permission (the department keeps a case on rework).
 */
async function stepOrg(ctx: EngineContext, tx: WorkflowDb, orgField: string, permission: string, instance: InstanceRef, fields: Record<string, unknown> | undefined): Promise<string[] | null> {
  const named = fields?.[orgField];
  if (typeof named === 'string') return pathOf(ctx, named, tx);
  const before = await tx.selectFrom('wf_step').select('org_path').where('instance_id', '=', instance.id).where('permission', '=', permission).orderBy('entered_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return before?.org_path ?? null;
}

/** A step just opened, as modules' hooks see it. */
export interface OpenedStep {
  id: string;
  state: string;
  orgId: string;
  enteredAt: Date;
  dueAt: Date | null;
  assigneeId: string | null;
}

/**
 * Opens the step(s) of a state: one for an ordinary state, one per organisation asked for a
 * countersign. Each gets its due time and its escalation jobs.
 */
export async function openSteps(ctx: EngineContext, tx: WorkflowDb, def: ProcessDefinition, state: string, instance: InstanceRef, at: Date, options: OpenOptions = {}): Promise<OpenedStep[]> {
  const s = def.states[state]!;
  if (s.end) return [];
  const instancePath = await pathOf(ctx, instance.org_id, tx);
  const clock = await clockFor(tx, instancePath);
  const limit = await limitOf(tx, s, state, instance);
  const dueAt = limit ? dueFrom(clock.calendar, at, limit, clock.hours) : null;
  const targets: Array<{ path: string[]; permission: string | null; assignee: string | null }> = [];
  if (s.countersign) {
    for (const orgId of options.orgIds ?? []) targets.push({ path: await pathOf(ctx, orgId, tx), permission: s.countersign.permission, assignee: null });
  } else {
    const a = s.assignee!;
    const named = 'person' in a && a.person ? await a.person({ tx, businessModule: instance.business_module, businessId: instance.business_id, state }) : null;
    const assignee = options.assigneeId ?? named ?? ('initiator' in a ? instance.initiator_id : null);
    const path = 'permission' in a && a.orgField ? ((await stepOrg(ctx, tx, a.orgField, a.permission, instance, options.fields)) ?? instancePath) : instancePath;
    targets.push({ path, permission: 'permission' in a ? a.permission : null, assignee });
  }
  const opened: OpenedStep[] = [];
  for (const target of targets) {
    const id = uuidv7();
    opened.push({ id, state, orgId: target.path[target.path.length - 1]!, enteredAt: at, dueAt, assigneeId: target.assignee });
    await tx
      .insertInto('wf_step')
      .values({ id, instance_id: instance.id, state, assignee_id: target.assignee, permission: target.permission, org_path: target.path, entered_at: at, due_at: dueAt, claimed_at: target.assignee && target.permission ? at : null, left_at: null })
      .execute();
    if (dueAt) await scheduleEscalations(tx, s, { id, enteredAt: at, dueAt }, clock);
  }
  return opened;
}

/** One unique job per step, level and due time: it fires once even with several servers. */
export async function scheduleEscalations(tx: WorkflowDb, state: StateDef, step: { id: string; enteredAt: Date; dueAt: Date }, clock: Clock): Promise<void> {
  for (const e of state.escalation ?? []) {
    const runAt = 'fraction' in e.at ? new Date(step.enteredAt.getTime() + (step.dueAt.getTime() - step.enteredAt.getTime()) * e.at.fraction) : dueFrom(clock.calendar, step.dueAt, e.at.afterDue, clock.hours);
    const payload: EscalationPayload = { stepId: step.id, level: e.level, dueAt: step.dueAt.toISOString() };
    await enqueue(tx, escalationJob, payload, { uniqueKey: `escalate:${step.id}:${e.level}:${step.dueAt.getTime()}`, runAt });
  }
}
