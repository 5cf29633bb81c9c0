import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { can, type Actor } from '../access';
import { appendAudit, type AnyTx } from '../audit/write';
import { loadWorkCalendar, officeHoursFor, type CalendarDb } from '../calendar';
import type { Database } from '../db/database';
import type { EventBus } from '../events/bus';
import type { OrgDirectory } from '../identity/org-directory';
import { colourOf, dueFrom, extendByPause } from './deadlines';
import { startState, validateDefinition, type ActionDef, type ProcessDefinition } from './definition';
import { workflowErrors } from './errors';
import type { WorkflowDb, WorkflowTables } from './tables';
import { enqueue } from '../jobs/enqueue';
import type { JobRunner } from '../jobs/runner';
import { notify } from '../notify';
import { escalationTemplates, formatShanghai } from './templates';

const escalationJob = 'workflow.escalate';

type Step = WorkflowTables['wf_step'] & { entered_at: Date };

export interface StartInput {
  /** chosen by the caller when its own rows must refer to the instance before it starts */
  instanceId?: string;
  definition: string;
  businessModule: string;
  businessId: string;
  businessNo: string;
  title: string;
  orgId: string;
}

export interface ActInput {
  comment?: string;
  fields?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * The one workflow engine (DESIGN §4). Every transition happens in one
 * transaction with its history row, its audit record and its outbox event.
 */
export class WorkflowEngine {
  private readonly byKey = new Map<string, ProcessDefinition>();

  constructor(
    private readonly database: Database,
    private readonly orgs: OrgDirectory,
    private readonly events: EventBus,
  ) {}

  private get db(): WorkflowDb {
    return this.database.db as unknown as WorkflowDb;
  }

  register(def: ProcessDefinition): void {
    validateDefinition(def);
    this.byKey.set(`${def.key}@${def.version}`, def);
    const latest = this.byKey.get(def.key);
    if (!latest || latest.version < def.version) this.byKey.set(def.key, def);
  }

  definitions(): ProcessDefinition[] {
    return [...this.byKey.entries()].filter(([k]) => k.includes('@')).map(([, d]) => d);
  }

  /** Records the registered versions (JSON form) so that running instances can be traced to them. */
  async persistDefinitions(): Promise<void> {
    for (const def of this.definitions()) {
      await this.db
        .insertInto('wf_definition')
        .values({ key: def.key, version: def.version, definition: sql`${JSON.stringify(def)}::jsonb` })
        .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
        .execute();
    }
  }

  definition(key: string, version?: number): ProcessDefinition {
    const def = this.byKey.get(version === undefined ? key : `${key}@${version}`);
    if (!def) throw workflowErrors.unknownDefinition(key);
    return def;
  }

  private async stepFor(tx: WorkflowDb, def: ProcessDefinition, state: string, instance: { id: string; initiator_id: string; org_id: string }, at: Date) {
    const s = def.states[state]!;
    if (s.end) return;
    const orgPath = (await this.orgs.pathOf(instance.org_id)) ?? [instance.org_id];
    const calendar = await loadWorkCalendar(tx as unknown as CalendarDb);
    const { hours } = await officeHoursFor(tx as unknown as CalendarDb, orgPath);
    const assignee = s.assignee!;
    const stepId = uuidv7();
    const dueAt = s.limit ? dueFrom(calendar, at, s.limit, hours) : null;
    await tx
      .insertInto('wf_step')
      .values({
        id: stepId,
        instance_id: instance.id,
        state,
        assignee_id: 'initiator' in assignee ? instance.initiator_id : null,
        permission: 'permission' in assignee ? assignee.permission : null,
        org_path: orgPath,
        entered_at: at,
        due_at: dueAt,
        claimed_at: null,
        left_at: null,
      })
      .execute();
    if (dueAt) {
      for (const e of s.escalation ?? []) {
        const runAt = 'fraction' in e.at ? new Date(at.getTime() + (dueAt.getTime() - at.getTime()) * e.at.fraction) : dueFrom(calendar, dueAt, e.at.afterDue, hours);
        await enqueue(tx, escalationJob, { stepId, level: e.level }, { uniqueKey: `escalate:${stepId}:${e.level}`, runAt });
      }
    }
  }

  /** Registers the escalation job with the runner (the same on every server copy). */
  attach(jobs: JobRunner): void {
    jobs.handle(escalationJob, (tx, payload) => this.escalate(tx, payload as { stepId: string; level: 'remind' | 'warn' | 'escalate' }));
  }

  private async escalate(tx: AnyTx, { stepId, level }: { stepId: string; level: 'remind' | 'warn' | 'escalate' }): Promise<void> {
    const db = tx as WorkflowDb;
    const step = await db.selectFrom('wf_step').selectAll().where('id', '=', stepId).executeTakeFirst();
    // the step has moved on, or the clock is stopped: nothing to escalate
    if (!step || step.left_at) return;
    const instance = await db.selectFrom('wf_instance').selectAll().where('id', '=', step.instance_id).executeTakeFirstOrThrow();
    if (instance.status !== 'running' || instance.paused_since) return;
    const vars = { title: instance.title, businessNo: instance.business_no, dueAt: step.due_at ? formatShanghai(step.due_at) : '' };
    const link = `/work/process/${instance.id}`;
    if (step.assignee_id) await notify(tx, { accountId: step.assignee_id, template: escalationTemplates[level], vars, link });
    if (level === 'escalate') {
      await notify(tx, { accountId: instance.initiator_id, template: escalationTemplates.escalate, vars, link });
      await db.insertInto('wf_history').values({ id: uuidv7(), instance_id: instance.id, actor_id: null, actor_name: '系统', action: 'escalate', from_state: instance.state, to_state: instance.state, comment: '超过办理时限，已督办', fields: sql`'{}'::jsonb` }).execute();
      await this.events.publish(tx, 'workflow.escalated', { instanceId: instance.id, stepId, businessModule: instance.business_module, businessId: instance.business_id, state: instance.state });
    }
  }

  /** Starts a process for a business object, inside the caller's transaction. */
  async start(tx: AnyTx, actor: Actor, input: StartInput): Promise<string> {
    const def = this.definition(input.definition);
    const db = tx as WorkflowDb;
    const id = input.instanceId ?? uuidv7();
    const now = new Date();
    const state = startState(def);
    const orgPath = (await this.orgs.pathOf(input.orgId)) ?? [input.orgId];
    const calendar = await loadWorkCalendar(tx as CalendarDb);
    const { hours } = await officeHoursFor(tx as CalendarDb, orgPath);
    const instance = {
      id,
      definition_key: def.key,
      definition_version: def.version,
      business_module: input.businessModule,
      business_id: input.businessId,
      business_no: input.businessNo,
      title: input.title,
      state,
      initiator_id: actor.accountId,
      org_id: input.orgId,
      started_at: now,
      due_at: def.limit ? dueFrom(calendar, now, def.limit, hours) : null,
      paused_since: null,
      ended_at: null,
    };
    await db.insertInto('wf_instance').values(instance).execute();
    await this.stepFor(db, def, state, instance, now);
    await db.insertInto('wf_history').values({ id: uuidv7(), instance_id: id, actor_id: actor.accountId, actor_name: actor.displayName, action: 'start', from_state: null, to_state: state, comment: null, fields: sql`'{}'::jsonb` }).execute();
    await this.events.publish(tx, 'workflow.started', { instanceId: id, definition: def.key, businessModule: input.businessModule, businessId: input.businessId, state });
    // the audit append takes the chain's lock until commit: it comes last (callers append nothing after it)
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, action: 'workflow.start', objectType: 'wf_instance', objectId: id, details: { definition: def.key, businessNo: input.businessNo } });
    return id;
  }

  /** May this actor work on this step? The named assignee, or a holder of the permission within scope. */
  canWork(actor: Actor, step: { assignee_id: string | null; permission: string | null; org_path: string[] }): boolean {
    if (step.assignee_id) return step.assignee_id === actor.accountId;
    return step.permission !== null && can(actor, step.permission, { orgPath: step.org_path });
  }

  allowedActions(def: ProcessDefinition, state: string): ActionDef[] {
    return def.actions.filter((a) => a.from.includes(state));
  }

  async act(actor: Actor, instanceId: string, actionKey: string, input: ActInput): Promise<{ state: string; status: string }> {
    return this.db.transaction().execute(async (tx) => {
      const instance = await tx.selectFrom('wf_instance').selectAll().where('id', '=', instanceId).forUpdate().executeTakeFirst();
      if (!instance) throw workflowErrors.instanceNotFound(instanceId);
      if (instance.status !== 'running') throw workflowErrors.ended();
      if (instance.suspended_at) throw workflowErrors.suspended();
      const def = this.definition(instance.definition_key, instance.definition_version);
      const allowed = this.allowedActions(def, instance.state);
      const action = allowed.find((a) => a.key === actionKey);
      if (!action) throw workflowErrors.invalidAction(actionKey, instance.state, def.states[instance.state]!.label, allowed.map((a) => a.key));
      const step = (await tx.selectFrom('wf_step').selectAll().where('instance_id', '=', instanceId).where('left_at', 'is', null).executeTakeFirst()) as Step | undefined;
      if (!step || !this.canWork(actor, step)) throw workflowErrors.notYours();
      const missing = (action.requires ?? []).filter((f) => input.fields?.[f] === undefined || input.fields[f] === '' || input.fields[f] === null);
      if (missing.length > 0) throw workflowErrors.missingFields(missing);
      if (action.commentRequired && !input.comment?.trim()) throw workflowErrors.commentRequired();

      const now = new Date();
      const from = def.states[instance.state]!;
      const to = def.states[action.to]!;
      let dueAt = instance.due_at;
      let pausedSince = instance.paused_since;
      if (from.pausesClock && pausedSince && dueAt) {
        const calendar = await loadWorkCalendar(tx as unknown as CalendarDb);
        const { hours } = await officeHoursFor(tx as unknown as CalendarDb, step.org_path);
        dueAt = extendByPause(calendar, dueAt, pausedSince, now, hours);
        pausedSince = null;
      }
      if (to.pausesClock && !pausedSince) pausedSince = now;

      await tx.updateTable('wf_step').set({ left_at: now }).where('id', '=', step.id).execute();
      await tx
        .updateTable('wf_instance')
        .set({ state: action.to, due_at: dueAt, paused_since: pausedSince, ...(to.end ? { status: 'ended' as const, ended_at: now } : {}) })
        .where('id', '=', instanceId)
        .execute();
      await this.stepFor(tx, def, action.to, instance, now);
      await tx.insertInto('wf_history').values({ id: uuidv7(), instance_id: instanceId, actor_id: actor.accountId, actor_name: actor.displayName, action: action.key, from_state: instance.state, to_state: action.to, comment: input.comment ?? null, fields: sql`${JSON.stringify(input.fields ?? {})}::jsonb` }).execute();
      await this.events.publish(tx, 'workflow.transitioned', { instanceId, definition: def.key, businessModule: instance.business_module, businessId: instance.business_id, action: action.key, from: instance.state, to: action.to, actorId: actor.accountId });
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: input.ip ?? null, action: `workflow.${action.key}`, objectType: 'wf_instance', objectId: instanceId, details: { from: instance.state, to: action.to } });
      return { state: action.to, status: to.end ? 'ended' : 'running' };
    });
  }

  /** 撤回: the initiator takes the process back while nobody else has acted. */
  async withdraw(actor: Actor, instanceId: string, ip: string | null): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const instance = await tx.selectFrom('wf_instance').selectAll().where('id', '=', instanceId).forUpdate().executeTakeFirst();
      if (!instance) throw workflowErrors.instanceNotFound(instanceId);
      if (instance.status !== 'running') throw workflowErrors.ended();
      if (instance.initiator_id !== actor.accountId) throw workflowErrors.notYours();
      const acted = await tx.selectFrom('wf_history').select('id').where('instance_id', '=', instanceId).where('action', '<>', 'start').executeTakeFirst();
      if (acted) throw workflowErrors.cannotWithdraw();
      const now = new Date();
      await tx.updateTable('wf_step').set({ left_at: now }).where('instance_id', '=', instanceId).where('left_at', 'is', null).execute();
      await tx.updateTable('wf_instance').set({ status: 'withdrawn', ended_at: now }).where('id', '=', instanceId).execute();
      await tx.insertInto('wf_history').values({ id: uuidv7(), instance_id: instanceId, actor_id: actor.accountId, actor_name: actor.displayName, action: 'withdraw', from_state: instance.state, to_state: instance.state, comment: null, fields: sql`'{}'::jsonb` }).execute();
      await this.events.publish(tx, 'workflow.withdrawn', { instanceId, businessModule: instance.business_module, businessId: instance.business_id });
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'workflow.withdraw', objectType: 'wf_instance', objectId: instanceId });
    });
  }

  /**
   * 转办: the person working on a step hands it to a colleague who could work on it
   * too (holds the permission within scope); recorded in the history.
   */
  async handOver(actor: Actor, stepId: string, to: { accountId: string; displayName: string; grants: Actor['grants'] }, comment: string, ip: string | null): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const step = await tx.selectFrom('wf_step').selectAll().where('id', '=', stepId).where('left_at', 'is', null).forUpdate().executeTakeFirst();
      if (!step || !this.canWork(actor, step)) throw workflowErrors.notYours();
      const target: Actor = { accountId: to.accountId, kind: 'staff', displayName: to.displayName, orgId: null, permissions: new Set(to.grants.map((g) => g.permission)), grants: to.grants, sessionId: null, apiKeyId: null, mfaPending: false };
      if (to.accountId === actor.accountId || step.permission === null || !can(target, step.permission, { orgPath: step.org_path })) throw workflowErrors.cannotHandOver();
      const instance = await tx.selectFrom('wf_instance').select(['state', 'business_module', 'business_id']).where('id', '=', step.instance_id).executeTakeFirstOrThrow();
      await tx.updateTable('wf_step').set({ assignee_id: to.accountId, claimed_at: new Date() }).where('id', '=', stepId).execute();
      await tx.insertInto('wf_history').values({ id: uuidv7(), instance_id: step.instance_id, actor_id: actor.accountId, actor_name: actor.displayName, action: 'handover', from_state: instance.state, to_state: instance.state, comment: `${comment}（转办给 ${to.displayName}）`, fields: sql`${JSON.stringify({ to: to.accountId })}::jsonb` }).execute();
      await this.events.publish(tx, 'workflow.handedOver', { instanceId: step.instance_id, stepId, to: to.accountId, businessModule: instance.business_module, businessId: instance.business_id });
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'workflow.handover', objectType: 'wf_step', objectId: stepId, details: { to: to.accountId } });
    });
  }

  /**
   * 挂起 / 恢复: a holder of `workflow:suspend` within the instance's scope stops a running
   * process (no actions, the clock stops) and resumes it; the suspended working time is added
   * to the due times. A process already paused by its own state keeps that pause.
   */
  async suspend(actor: Actor, instanceId: string, reason: string, ip: string | null): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const instance = await this.lockForSupervision(tx, actor, instanceId);
      if (instance.suspended_at) throw workflowErrors.suspended();
      const now = new Date();
      await tx.updateTable('wf_instance').set({ suspended_at: now, suspended_by: actor.accountId, paused_since: instance.paused_since ?? now }).where('id', '=', instanceId).execute();
      await tx.insertInto('wf_history').values({ id: uuidv7(), instance_id: instanceId, actor_id: actor.accountId, actor_name: actor.displayName, action: 'suspend', from_state: instance.state, to_state: instance.state, comment: reason, fields: sql`'{}'::jsonb` }).execute();
      await this.events.publish(tx, 'workflow.suspended', { instanceId, businessModule: instance.business_module, businessId: instance.business_id });
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'workflow.suspend', objectType: 'wf_instance', objectId: instanceId, details: { reason } });
    });
  }

  async resume(actor: Actor, instanceId: string, ip: string | null): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const instance = await this.lockForSupervision(tx, actor, instanceId);
      if (!instance.suspended_at) throw workflowErrors.notSuspended();
      const def = this.definition(instance.definition_key, instance.definition_version);
      const now = new Date();
      const stillPaused = def.states[instance.state]!.pausesClock === true;
      let dueAt = instance.due_at;
      const step = await tx.selectFrom('wf_step').selectAll().where('instance_id', '=', instanceId).where('left_at', 'is', null).executeTakeFirst();
      if (!stillPaused && instance.paused_since) {
        const calendar = await loadWorkCalendar(tx as unknown as CalendarDb);
        const { hours } = await officeHoursFor(tx as unknown as CalendarDb, step?.org_path ?? []);
        if (dueAt) dueAt = extendByPause(calendar, dueAt, instance.paused_since, now, hours);
        if (step?.due_at) await tx.updateTable('wf_step').set({ due_at: extendByPause(calendar, step.due_at, instance.suspended_at, now, hours) }).where('id', '=', step.id).execute();
      }
      await tx.updateTable('wf_instance').set({ suspended_at: null, suspended_by: null, due_at: dueAt, paused_since: stillPaused ? instance.paused_since : null }).where('id', '=', instanceId).execute();
      await tx.insertInto('wf_history').values({ id: uuidv7(), instance_id: instanceId, actor_id: actor.accountId, actor_name: actor.displayName, action: 'resume', from_state: instance.state, to_state: instance.state, comment: null, fields: sql`'{}'::jsonb` }).execute();
      await this.events.publish(tx, 'workflow.resumed', { instanceId, businessModule: instance.business_module, businessId: instance.business_id });
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'workflow.resume', objectType: 'wf_instance', objectId: instanceId });
    });
  }

  private async lockForSupervision(tx: WorkflowDb, actor: Actor, instanceId: string) {
    const instance = await tx.selectFrom('wf_instance').selectAll().where('id', '=', instanceId).forUpdate().executeTakeFirst();
    if (!instance) throw workflowErrors.instanceNotFound(instanceId);
    if (instance.status !== 'running') throw workflowErrors.ended();
    const orgPath = (await this.orgs.pathOf(instance.org_id)) ?? [instance.org_id];
    if (!can(actor, 'workflow:suspend', { orgPath })) throw workflowErrors.notYours();
    return instance;
  }

  /** 签收: a step open to a role becomes the claimant's own. */
  async claim(actor: Actor, stepId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const step = await tx.selectFrom('wf_step').selectAll().where('id', '=', stepId).where('left_at', 'is', null).forUpdate().executeTakeFirst();
      if (!step || !this.canWork(actor, step)) throw workflowErrors.notYours();
      await tx.updateTable('wf_step').set({ assignee_id: actor.accountId, claimed_at: new Date() }).where('id', '=', stepId).execute();
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, action: 'workflow.claim', objectType: 'wf_step', objectId: stepId });
    });
  }

  /** The process panel: instance, current step with deadline and colour, history, and what this actor may do. */
  async view(actor: Actor, instanceId: string) {
    const instance = await this.db.selectFrom('wf_instance').selectAll().where('id', '=', instanceId).executeTakeFirst();
    if (!instance) throw workflowErrors.instanceNotFound(instanceId);
    const def = this.definition(instance.definition_key, instance.definition_version);
    const step = await this.db.selectFrom('wf_step').selectAll().where('instance_id', '=', instanceId).where('left_at', 'is', null).executeTakeFirst();
    const history = await this.db.selectFrom('wf_history').selectAll().where('instance_id', '=', instanceId).orderBy('at').orderBy('id').execute();
    const involved = instance.initiator_id === actor.accountId || history.some((h) => h.actor_id === actor.accountId) || (step !== undefined && this.canWork(actor, step));
    if (!involved) throw workflowErrors.instanceNotFound(instanceId);
    const mayAct = instance.status === 'running' && step !== undefined && this.canWork(actor, step);
    return {
      id: instance.id,
      definition: { key: def.key, version: def.version, name: def.name },
      businessModule: instance.business_module,
      businessNo: instance.business_no,
      title: instance.title,
      state: instance.state,
      stateLabel: def.states[instance.state]!.label,
      status: instance.status,
      startedAt: instance.started_at.toISOString(),
      dueAt: instance.due_at?.toISOString() ?? null,
      paused: instance.paused_since !== null,
      step: step
        ? {
            id: step.id,
            dueAt: step.due_at?.toISOString() ?? null,
            colour: colourOf(step.entered_at, step.due_at, instance.paused_since !== null),
            assigneeId: step.assignee_id,
            claimable: step.assignee_id === null && mayAct,
          }
        : null,
      actions: mayAct
        ? this.allowedActions(def, instance.state).map((a) => ({ key: a.key, label: a.label, requires: a.requires ?? [], commentRequired: a.commentRequired ?? false }))
        : [],
      canWithdraw: instance.status === 'running' && instance.initiator_id === actor.accountId && !history.some((h) => h.action !== 'start'),
      history: history.map((h) => ({
        at: h.at.toISOString(),
        actorName: h.actor_name,
        action: h.action,
        from: h.from_state,
        to: h.to_state,
        toLabel: def.states[h.to_state]?.label ?? { zh: h.to_state, en: h.to_state },
        comment: h.comment,
      })),
    };
  }
}
