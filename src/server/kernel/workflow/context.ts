import type { Selectable } from 'kysely';
import type { Actor } from '../access';
import type { EventBus } from '../events/bus';
import type { OrgDirectory } from '../identity/org-directory';
import type { ProcessDefinition } from './definition';
import type { WorkflowDb, WorkflowTables } from './tables';

export type InstanceRow = Selectable<WorkflowTables['wf_instance']>;
export type StepRow = Selectable<WorkflowTables['wf_step']>;

/** A step as a module's hook sees it: enough to keep its own record of stage times. */
export interface StepTimes {
  id: string;
  state: string;
  orgId: string;
  enteredAt: Date;
  dueAt: Date | null;
}

/**
 * What a module's hook learns of a start (action 'start', from null) or a transition; it runs
 * inside the transaction, so it can refuse (throw).
 */
export interface TransitionEvent {
  instance: InstanceRow;
  action: string;
  from: string | null;
  to: string;
  ended: boolean;
  actor: Actor;
  comment: string | null;
  fields: Record<string, unknown>;
  /** ids of the files attached to the action */
  attachments: readonly string[];
  /** the step the actor worked on (null at the start), and the steps now open */
  worked: StepTimes | null;
  opened: readonly StepTimes[];
}
export type TransitionHook = (tx: WorkflowDb, event: TransitionEvent) => Promise<void>;

/** The services every part of the engine shares. */
export interface EngineContext {
  orgs: OrgDirectory;
  events: EventBus;
  definition(key: string, version?: number): ProcessDefinition;
  hooksFor(definitionKey: string): readonly TransitionHook[];
}

/** An organisation's path, read on the caller's transaction when there is one (see OrgDirectory.pathOf). */
export async function pathOf(ctx: EngineContext, orgId: string, tx?: unknown): Promise<string[]> {
  return (await ctx.orgs.pathOf(orgId, tx)) ?? [orgId];
}
