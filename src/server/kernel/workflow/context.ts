import type { Selectable } from 'kysely';
import type { Actor } from '../access';
import type { EventBus } from '../events/bus';
import type { OrgDirectory } from '../identity/org-directory';
import type { ProcessDefinition } from './definition';
import type { WorkflowDb, WorkflowTables } from './tables';

export type InstanceRow = Selectable<WorkflowTables['wf_instance']>;
export type StepRow = Selectable<WorkflowTables['wf_step']>;

/** What a module's hook learns of a transition; it runs inside the transaction, so it can refuse (throw). */
export interface TransitionEvent {
  instance: InstanceRow;
  action: string;
  from: string;
  to: string;
  ended: boolean;
  actor: Actor;
  comment: string | null;
  fields: Record<string, unknown>;
  /** ids of the files attached to the action */
  attachments: readonly string[];
}
export type TransitionHook = (tx: WorkflowDb, event: TransitionEvent) => Promise<void>;

/** The services every part of the engine shares. */
export interface EngineContext {
  orgs: OrgDirectory;
  events: EventBus;
  definition(key: string, version?: number): ProcessDefinition;
  hooksFor(definitionKey: string): readonly TransitionHook[];
}

export async function pathOf(ctx: EngineContext, orgId: string): Promise<string[]> {
  return (await ctx.orgs.pathOf(orgId)) ?? [orgId];
}
