import type { Label, WorkflowDb } from '../../../kernel/workflow';
import { applicationProcess } from './process';

/** The steps an applicant sees (not claims, hand-overs or reminders), with their labels. */
const extraLabels: Record<string, Label> = {
  start: { zh: '申报', en: 'Submitted' },
  deemed_accept: { zh: '逾期视为受理', en: 'Deemed accepted' },
  extended: { zh: '延长办理期限', en: 'Limit extended' },
};
const labelOf = (action: string): Label | null => applicationProcess.actions.find((a) => a.key === action)?.label ?? extraLabels[action] ?? null;
const stateLabel = (state: string): Label => applicationProcess.states[state]?.label ?? { zh: state, en: state };

export interface TimelineEntry {
  action: string;
  label: Label;
  state: Label;
  at: string;
  comment: string | null;
}

/** The history as the applicant sees it; `withComments` for the applicant (reasons, corrections), never staff names. */
export async function timelineOf(db: WorkflowDb, instanceId: string, withComments: boolean): Promise<TimelineEntry[]> {
  const rows = await db.selectFrom('wf_history').select(['action', 'to_state', 'at', 'comment']).where('instance_id', '=', instanceId).orderBy('at').orderBy('id').execute();
  return rows.flatMap((r) => {
    const label = labelOf(r.action);
    return label ? [{ action: r.action, label, state: stateLabel(r.to_state), at: r.at.toISOString(), comment: withComments ? r.comment : null }] : [];
  });
}

/** The step the application waits at: its label, when it is due (null while the clock is stopped or without a limit). */
export async function currentStepOf(db: WorkflowDb, instanceId: string) {
  const instance = await db.selectFrom('wf_instance').select(['state', 'status', 'paused_since']).where('id', '=', instanceId).executeTakeFirst();
  if (!instance) return null;
  const step = await db.selectFrom('wf_step').select(['id', 'due_at']).where('instance_id', '=', instanceId).where('left_at', 'is', null).executeTakeFirst();
  return {
    state: instance.state,
    label: stateLabel(instance.state),
    running: instance.status === 'running',
    paused: instance.paused_since !== null,
    stepId: step?.id ?? null,
    dueAt: step?.due_at && !instance.paused_since ? step.due_at.toISOString() : null,
  };
}
