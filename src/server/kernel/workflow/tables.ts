import type { Generated, Kysely } from 'kysely';

export interface WorkflowTables {
  wf_definition: { key: string; version: number; definition: unknown; registered_at: Generated<Date> };
  wf_instance: {
    id: string;
    definition_key: string;
    definition_version: number;
    business_module: string;
    business_id: string;
    business_no: string;
    title: string;
    state: string;
    status: Generated<'running' | 'ended' | 'withdrawn'>;
    initiator_id: string;
    org_id: string;
    started_at: Generated<Date>;
    due_at: Date | null;
    paused_since: Date | null;
    ended_at: Date | null;
    suspended_at: Generated<Date | null>;
    suspended_by: Generated<string | null>;
  };
  wf_step: {
    id: string;
    instance_id: string;
    state: string;
    assignee_id: string | null;
    permission: string | null;
    org_path: string[];
    /** generated: the last element of org_path */
    org_id: Generated<string>;
    entered_at: Generated<Date>;
    due_at: Date | null;
    claimed_at: Date | null;
    left_at: Date | null;
    /** 会签 vote */
    outcome: Generated<'agree' | 'disagree' | 'void' | null>;
  };
  wf_history: {
    id: string;
    instance_id: string;
    at: Generated<Date>;
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    from_state: string | null;
    to_state: string;
    comment: string | null;
    fields: unknown;
    step_id: Generated<string | null>;
  };
  wf_extension: {
    id: string;
    instance_id: string;
    step_id: string;
    working_days: number;
    reason: string;
    requested_by: string;
    requested_at: Generated<Date>;
    status: Generated<'pending' | 'approved' | 'refused'>;
    decided_at: Date | null;
    approval_instance_id: string | null;
  };
}

export type WorkflowDb = Kysely<WorkflowTables>;
