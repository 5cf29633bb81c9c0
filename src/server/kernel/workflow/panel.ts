import type { Actor } from '../access';
import type { FilesDb } from '../files/service';
import { canWork } from './assignment';
import type { EngineContext } from './context';
import { colourOf } from './deadlines';
import { builtInActions, type ActionDef, type Label, type ProcessDefinition } from './definition';
import { workflowErrors } from './errors';
import { earlierStates } from './returns';
import type { WorkflowDb } from './tables';

export interface PanelAction {
  key: string;
  label: Label;
  requires: string[];
  /** names of the required fields, from the definition */
  fieldLabels?: Record<string, Label>;
  commentRequired: boolean;
  attachmentsRequired: boolean;
  /** 退回: the states it can go back to */
  targets?: Array<{ state: string; label: Label }>;
  /** entering a countersign: the field that names the organisations */
  countersignField?: string;
}

const toPanelAction = (def: ProcessDefinition, a: Pick<ActionDef, 'key' | 'label' | 'requires' | 'fieldLabels' | 'commentRequired' | 'attachments' | 'to'>): PanelAction => {
  const cs = def.states[a.to]?.countersign;
  return { key: a.key, label: a.label, requires: a.requires ?? [], ...(a.fieldLabels ? { fieldLabels: a.fieldLabels } : {}), commentRequired: a.commentRequired ?? false, attachmentsRequired: a.attachments?.required ?? false, ...(cs ? { countersignField: cs.orgsField } : {}) };
};

/** Has this actor anything to do with the instance? Initiator, anyone who acted, or who may work on an open step. */
export async function isInvolved(db: WorkflowDb, actor: Actor, instanceId: string): Promise<boolean> {
  const instance = await db.selectFrom('wf_instance').select('initiator_id').where('id', '=', instanceId).executeTakeFirst();
  if (!instance) return false;
  if (instance.initiator_id === actor.accountId) return true;
  const acted = await db.selectFrom('wf_history').select('id').where('instance_id', '=', instanceId).where('actor_id', '=', actor.accountId).executeTakeFirst();
  if (acted) return true;
  const steps = await db.selectFrom('wf_step').selectAll().where('instance_id', '=', instanceId).where('left_at', 'is', null).execute();
  return steps.some((s) => canWork(actor, s));
}

/** The process panel: instance, open steps with deadline and colour, history with attachments, and what this actor may do. */
export async function panel(ctx: EngineContext, db: WorkflowDb, actor: Actor, instanceId: string) {
  const instance = await db.selectFrom('wf_instance').selectAll().where('id', '=', instanceId).executeTakeFirst();
  if (!instance || !(await isInvolved(db, actor, instanceId))) throw workflowErrors.instanceNotFound(instanceId);
  const def = ctx.definition(instance.definition_key, instance.definition_version);
  const steps = await db.selectFrom('wf_step').selectAll().where('instance_id', '=', instanceId).where('left_at', 'is', null).orderBy('entered_at').orderBy('id').execute();
  const history = await db.selectFrom('wf_history').selectAll().where('instance_id', '=', instanceId).orderBy('at').orderBy('id').execute();
  const files = history.length === 0 ? [] : await (db as unknown as FilesDb)
    .selectFrom('file_link')
    .innerJoin('file_object', 'file_object.id', 'file_link.file_id')
    .select(['file_link.owner_id', 'file_object.id', 'file_object.original_name', 'file_object.size', 'file_object.media_type'])
    .where('file_link.owner_type', '=', 'wf_history')
    .where('file_link.owner_id', 'in', history.map((h) => h.id))
    .orderBy('file_link.created_at')
    .execute();
  const paused = instance.paused_since !== null;
  const running = instance.status === 'running' && !instance.suspended_at;
  const mine = running ? steps.find((s) => canWork(actor, s)) : undefined;
  const state = def.states[instance.state]!;
  let actions: PanelAction[] = [];
  if (mine && state.countersign) {
    actions = [builtInActions.agree, builtInActions.disagree].map((a) => ({ key: a.key, label: a.label, requires: [], commentRequired: 'commentRequired' in a, attachmentsRequired: false }));
  } else if (mine) {
    actions = def.actions.filter((a) => a.from.includes(instance.state)).map((a) => toPanelAction(def, a));
    const targets = await earlierStates(db, def, instance);
    if (targets.length > 0) {
      const r = builtInActions.returnTo;
      actions.push({ key: r.key, label: r.label, requires: [...r.requires], commentRequired: true, attachmentsRequired: false, targets: targets.map((s) => ({ state: s, label: def.states[s]!.label })) });
    }
  }
  const mineId = mine?.id ?? null;
  const pendingExtension = mineId ? await db.selectFrom('wf_extension').select('id').where('step_id', '=', mineId).where('status', '=', 'pending').executeTakeFirst() : undefined;
  return {
    id: instance.id,
    definition: { key: def.key, version: def.version, name: def.name },
    businessModule: instance.business_module,
    businessNo: instance.business_no,
    title: instance.title,
    state: instance.state,
    stateLabel: state.label,
    status: instance.status,
    suspended: instance.suspended_at !== null,
    startedAt: instance.started_at.toISOString(),
    dueAt: instance.due_at?.toISOString() ?? null,
    paused,
    countersign: state.countersign ? { mode: state.countersign.mode } : null,
    step: (mine ?? steps[0]) ? stepView((mine ?? steps[0])!, paused, actor, running) : null,
    steps: steps.map((s) => stepView(s, paused, actor, running)),
    actions,
    canWithdraw: running && instance.initiator_id === actor.accountId && !history.some((h) => h.action !== 'start'),
    canExtend: mine !== undefined && mine.due_at !== null && pendingExtension === undefined,
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actorName: h.actor_name,
      action: h.action,
      from: h.from_state,
      to: h.to_state,
      toLabel: def.states[h.to_state]?.label ?? { zh: h.to_state, en: h.to_state },
      actionLabel: def.actions.find((a) => a.key === h.action)?.label ?? null,
      comment: h.comment,
      attachments: files.filter((f) => f.owner_id === h.id).map((f) => ({ id: f.id, name: f.original_name, size: Number(f.size), mediaType: f.media_type })),
    })),
  };
}

function stepView(step: { id: string; org_id: string; entered_at: Date; due_at: Date | null; assignee_id: string | null; permission: string | null; org_path: string[] }, paused: boolean, actor: Actor, running: boolean) {
  const may = running && canWork(actor, step);
  return {
    id: step.id,
    orgId: step.org_id,
    dueAt: step.due_at?.toISOString() ?? null,
    colour: colourOf(step.entered_at, step.due_at, paused),
    assigneeId: step.assignee_id,
    claimable: step.assignee_id === null && may,
    mine: may,
  };
}
