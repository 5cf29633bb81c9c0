/**
 * Process definitions are typed data (DESIGN §4): states with time limits and
 * who works on them, actions from → to with the permission needed and the
 * fields required. A definition is versioned; an instance keeps the version
 * it started with.
 */
import type { Template } from '../notify';

export interface Label {
  zh: string;
  en: string;
}

/** A time limit in working days (工作日) or working hours (工作时), on the Chinese calendar. */
export type Limit = { workingDays: number } | { workingHours: number };

/**
 * Who works on a state: anyone holding a permission within the instance's organisation, or the
 * initiator. With `orgField`, the organisation is the one the entering action names in that
 * field (e.g. the department a case is dispatched to); when the field is absent (rework), the
 * organisation of the state's previous step.
 */
export type Assignee = { permission: string; orgField?: string; person?: PersonRule } | { initiator: true };

/**
 * A named person for a step, chosen from the business object (e.g. the inspector of the case's
 * responsibility grid); null leaves the step to everyone holding the permission.
 */
export type PersonRule = (context: { tx: unknown; businessModule: string; businessId: string; state: string }) => Promise<string | null>;

/** A limit that depends on the business object (e.g. a case's class and grade); null for none. */
export type LimitRule = (context: { tx: unknown; businessModule: string; businessId: string; state: string }) => Promise<Limit | null>;

/**
 * Escalation of a step with a limit: remind at a share of the time, warn at the limit,
 * escalate some time past it. Each fires once per step (a job with a unique key), and
 * not at all once the step has moved on.
 */
export interface Escalation {
  level: 'remind' | 'warn' | 'escalate';
  at: { fraction: number } | { afterDue: Limit };
}

/**
 * 会签 (all must agree) / 或签 (any may agree): the state opens one step per organisation
 * named by the action that entered it (`orgsField`, a list of organisation ids); each
 * holder of `permission` there votes agree or disagree. The outcome moves the process on.
 */
export interface Countersign {
  mode: 'all' | 'any';
  permission: string;
  orgsField: string;
  agree: string;
  disagree: string;
}

/** What a guard sees; it answers null to allow the action or a reason to refuse it. */
export interface GuardContext {
  instance: { id: string; businessModule: string; businessId: string; orgId: string; state: string };
  actor: { accountId: string; displayName: string };
  fields: Record<string, unknown>;
  comment: string | undefined;
  attachments: string[];
}
export type Guard = (context: GuardContext) => Label | null | Promise<Label | null>;

/** Who hears of an action: the initiator, the named assignee of the next step, or everyone who acted before. */
export interface ActionNotice {
  to: 'initiator' | 'nextAssignee' | 'previousActors';
  /**
   * A template whose variables are among title, businessNo, action, state, actor and comment;
   * the default says which action moved the item to which state. In-app messages: SMS and
   * e-mail need contact details, which business modules hold and send themselves.
   */
  template?: Template;
}

export interface StateDef {
  label: Label;
  start?: boolean;
  end?: boolean;
  limit?: Limit | LimitRule;
  /** the clock of the whole process stops in this state (e.g. waiting for the applicant) */
  pausesClock?: boolean;
  assignee?: Assignee;
  escalation?: Escalation[];
  countersign?: Countersign;
}

export interface ActionDef {
  key: string;
  label: Label;
  from: string[];
  to: string;
  /** fields the actor must give (e.g. a reason for a refusal) */
  requires?: string[];
  /** how the panel names the required fields (a field without one is shown by its key) */
  fieldLabels?: Record<string, Label>;
  /** the comment is mandatory (e.g. returns and refusals) */
  commentRequired?: boolean;
  /** files attached to the step (uploaded first through /api/v1/files) */
  attachments?: { required?: boolean; max?: number };
  /** a rule of the business module, checked inside the transaction before anything changes */
  guard?: Guard;
  notify?: ActionNotice[];
}

export interface ProcessDefinition {
  key: string;
  version: number;
  name: Label;
  /** overall limit, counted from the start; paused time is not counted */
  limit?: Limit;
  states: Record<string, StateDef>;
  actions: ActionDef[];
  /** 退回: whoever works on a step may send it back to any earlier step (default true) */
  returnToEarlier?: boolean;
}

/** Actions every process has, beside its own (their keys are reserved). */
export const builtInActions = {
  agree: { key: 'agree', label: { zh: '同意', en: 'Agree' } },
  disagree: { key: 'disagree', label: { zh: '不同意', en: 'Disagree' }, commentRequired: true },
  returnTo: { key: 'return_to', label: { zh: '退回至前序环节', en: 'Return to an earlier step' }, requires: ['state'] as string[], commentRequired: true },
} as const;
const reserved: string[] = Object.values(builtInActions).map((a) => a.key);

/** Refuses a definition that cannot work, at start-up rather than at the first case. */
export function validateDefinition(def: ProcessDefinition): void {
  const states = Object.keys(def.states);
  const starts = states.filter((s) => def.states[s]!.start);
  if (starts.length !== 1) throw new Error(`${def.key}: exactly one start state is needed`);
  for (const action of def.actions) {
    if (reserved.includes(action.key)) throw new Error(`${def.key}/${action.key}: the key is reserved for a built-in action`);
    for (const from of action.from) if (!def.states[from]) throw new Error(`${def.key}/${action.key}: unknown state ${from}`);
    if (!def.states[action.to]) throw new Error(`${def.key}/${action.key}: unknown state ${action.to}`);
  }
  for (const state of states) {
    const s = def.states[state]!;
    if (s.countersign) {
      for (const to of [s.countersign.agree, s.countersign.disagree]) if (!def.states[to]) throw new Error(`${def.key}/${state}: countersign leads to unknown state ${to}`);
      if (s.start) throw new Error(`${def.key}/${state}: a countersign state cannot be the start`);
      for (const a of def.actions.filter((x) => x.to === state)) {
        if (!(a.requires ?? []).includes(s.countersign.orgsField)) throw new Error(`${def.key}/${a.key}: entering countersign state ${state} must require ${s.countersign.orgsField}`);
      }
    } else if (!s.end && !s.assignee) throw new Error(`${def.key}/${state}: a state that is not an end needs an assignee`);
  }
}

export function startState(def: ProcessDefinition): string {
  return Object.keys(def.states).find((s) => def.states[s]!.start)!;
}
