/**
 * Process definitions are typed data (DESIGN §4): states with time limits and
 * who works on them, actions from → to with the permission needed and the
 * fields required. A definition is versioned; an instance keeps the version
 * it started with.
 */
export interface Label {
  zh: string;
  en: string;
}

/** A time limit in working days (工作日) or working hours (工作时), on the Chinese calendar. */
export type Limit = { workingDays: number } | { workingHours: number };

/** Who works on a state: anyone holding a permission within the instance's organisation, or the initiator. */
export type Assignee = { permission: string } | { initiator: true };

/**
 * Escalation of a step with a limit: remind at a share of the time, warn at the limit,
 * escalate some time past it. Each fires once per step (a job with a unique key), and
 * not at all once the step has moved on.
 */
export interface Escalation {
  level: 'remind' | 'warn' | 'escalate';
  at: { fraction: number } | { afterDue: Limit };
}

export interface StateDef {
  label: Label;
  start?: boolean;
  end?: boolean;
  limit?: Limit;
  /** the clock of the whole process stops in this state (e.g. waiting for the applicant) */
  pausesClock?: boolean;
  assignee?: Assignee;
  escalation?: Escalation[];
}

export interface ActionDef {
  key: string;
  label: Label;
  from: string[];
  to: string;
  /** fields the actor must give (e.g. a reason for a refusal) */
  requires?: string[];
  /** the comment is mandatory (e.g. returns and refusals) */
  commentRequired?: boolean;
}

export interface ProcessDefinition {
  key: string;
  version: number;
  name: Label;
  /** overall limit, counted from the start; paused time is not counted */
  limit?: Limit;
  states: Record<string, StateDef>;
  actions: ActionDef[];
}

/** Refuses a definition that cannot work, at start-up rather than at the first case. */
export function validateDefinition(def: ProcessDefinition): void {
  const states = Object.keys(def.states);
  const starts = states.filter((s) => def.states[s]!.start);
  if (starts.length !== 1) throw new Error(`${def.key}: exactly one start state is needed`);
  for (const action of def.actions) {
    for (const from of action.from) if (!def.states[from]) throw new Error(`${def.key}/${action.key}: unknown state ${from}`);
    if (!def.states[action.to]) throw new Error(`${def.key}/${action.key}: unknown state ${action.to}`);
  }
  for (const state of states) {
    const s = def.states[state]!;
    if (!s.end && !s.assignee) throw new Error(`${def.key}/${state}: a state that is not an end needs an assignee`);
  }
}

export function startState(def: ProcessDefinition): string {
  return Object.keys(def.states).find((s) => def.states[s]!.start)!;
}
