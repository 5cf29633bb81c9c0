import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../access';
import { appendAudit, type AnyTx } from '../audit/write';
import type { Database } from '../db/database';
import type { EventBus } from '../events/bus';
import type { OrgDirectory } from '../identity/org-directory';
import type { JobRunner } from '../jobs/runner';
import { assign, candidatesFor, canWork, claim, handOver, type Colleague } from './assignment';
import { checkInput, type ActInput } from './checks';
import { clockFor } from './clock';
import { pathOf, type EngineContext, type StepRow, type TransitionHook } from './context';
import { checkCountersignOrgs, checkNamedOrg, vote } from './countersign';
import { dueFrom } from './deadlines';
import { builtInActions, startState, validateDefinition, type ProcessDefinition } from './definition';
import { workflowErrors } from './errors';
import { escalate } from './escalation';
import { extensionDecided, extensionProcess, requestExtension, type ExtensionInput } from './extension';
import { panel } from './panel';
import { earlierStates, lastWorkerOf } from './returns';
import { escalationJob, openSteps, type EscalationPayload } from './steps';
import { resume, suspend } from './supervision';
import type { WorkflowDb } from './tables';
import { moveTo } from './transition';

export type { ActInput } from './checks';

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

/**
 * The one workflow engine (DESIGN §4). Every change happens in one transaction with its
 * history row, its outbox event and its audit record; the parts live in their own files
 * (assignment, countersign, returns, extension, supervision), this class is the front door.
 */
export class WorkflowEngine implements EngineContext {
  private readonly byKey = new Map<string, ProcessDefinition>();
  private readonly hooks = new Map<string, TransitionHook[]>();

  constructor(
    private readonly database: Database,
    readonly orgs: OrgDirectory,
    readonly events: EventBus,
  ) {
    this.register(extensionProcess);
    this.onTransition(extensionProcess.key, extensionDecided(this));
  }

  private get db(): WorkflowDb {
    return this.database.db as unknown as WorkflowDb;
  }

  private transaction<T>(fn: (tx: WorkflowDb) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(fn);
  }

  register(def: ProcessDefinition): void {
    validateDefinition(def);
    this.byKey.set(`${def.key}@${def.version}`, def);
    const latest = this.byKey.get(def.key);
    if (!latest || latest.version < def.version) this.byKey.set(def.key, def);
  }

  /** A module's code that runs inside the transaction of each transition of its process (e.g. to keep its own status column). */
  onTransition(definitionKey: string, hook: TransitionHook): void {
    this.hooks.set(definitionKey, [...(this.hooks.get(definitionKey) ?? []), hook]);
  }

  hooksFor(definitionKey: string): readonly TransitionHook[] {
    return this.hooks.get(definitionKey) ?? [];
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

  /** Registers the escalation job with the runner (the same on every server copy). */
  attach(jobs: JobRunner): void {
    jobs.handle(escalationJob, (tx, payload) => escalate(this, tx, payload as EscalationPayload));
  }

  /** Starts a process for a business object, inside the caller's transaction. */
  async start(tx: AnyTx, actor: Actor, input: StartInput): Promise<string> {
    const def = this.definition(input.definition);
    const db = tx as WorkflowDb;
    const id = input.instanceId ?? uuidv7();
    const now = new Date();
    const state = startState(def);
    const clock = await clockFor(db, await pathOf(this, input.orgId, db));
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
      due_at: def.limit ? dueFrom(clock.calendar, now, def.limit, clock.hours) : null,
      paused_since: null,
      ended_at: null,
    };
    await db.insertInto('wf_instance').values(instance).execute();
    const opened = await openSteps(this, db, def, state, instance, now);
    await db.insertInto('wf_history').values({ id: uuidv7(), instance_id: id, actor_id: actor.accountId, actor_name: actor.displayName, action: 'start', from_state: null, to_state: state, comment: null, fields: sql`'{}'::jsonb` }).execute();
    const hooks = this.hooksFor(def.key);
    const row = hooks.length > 0 ? await db.selectFrom('wf_instance').selectAll().where('id', '=', id).executeTakeFirstOrThrow() : null;
    for (const hook of row ? hooks : []) {
      await hook(db, { instance: row!, action: 'start', from: null, to: state, ended: false, actor, comment: null, fields: {}, attachments: [], worked: null, opened });
    }
    await this.events.publish(tx, 'workflow.started', { instanceId: id, definition: def.key, businessModule: input.businessModule, businessId: input.businessId, state });
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, action: 'workflow.start', objectType: 'wf_instance', objectId: id, details: { definition: def.key, businessNo: input.businessNo } });
    return id;
  }

  canWork(actor: Actor, step: Pick<StepRow, 'assignee_id' | 'permission' | 'org_path'>): boolean {
    return canWork(actor, step);
  }

  /**
   * Takes an action: the definition's own, or a built-in one — agree/disagree in a countersign,
   * return_to (退回) any earlier step. Checks state, person, input and guard before any change.
   */
  async act(actor: Actor, instanceId: string, actionKey: string, input: ActInput): Promise<{ state: string; status: string }> {
    return this.transaction(async (tx) => {
      const instance = await tx.selectFrom('wf_instance').selectAll().where('id', '=', instanceId).forUpdate().executeTakeFirst();
      if (!instance) throw workflowErrors.instanceNotFound(instanceId);
      if (instance.status !== 'running') throw workflowErrors.ended();
      if (instance.suspended_at) throw workflowErrors.suspended();
      const def = this.definition(instance.definition_key, instance.definition_version);
      const state = def.states[instance.state]!;
      const own = def.actions.filter((a) => a.from.includes(instance.state));
      // the history is read for 退回 only (or to name the allowed actions in a refusal): not on every action
      const isOwn = !state.countersign && own.some((a) => a.key === actionKey);
      const needTargets = !state.countersign && !isOwn;
      const targets = needTargets ? await earlierStates(tx, def, instance) : [];
      const allowed: string[] = state.countersign ? [builtInActions.agree.key, builtInActions.disagree.key] : [...own.map((a) => a.key), ...(targets.length > 0 ? [builtInActions.returnTo.key] : [])];
      if (!isOwn && !allowed.includes(actionKey)) throw workflowErrors.invalidAction(actionKey, instance.state, state.label, allowed);
      const steps = await tx.selectFrom('wf_step').selectAll().where('instance_id', '=', instanceId).where('left_at', 'is', null).execute();
      const step = steps.find((s) => canWork(actor, s));
      if (!step) throw workflowErrors.notYours();

      if (state.countersign) {
        const agree = actionKey === builtInActions.agree.key;
        const attachments = await checkInput(tx, actor, instance, agree ? {} : builtInActions.disagree, input);
        return vote(this, tx, def, instance, step, actor, agree, input, attachments);
      }
      if (actionKey === builtInActions.returnTo.key) {
        const attachments = await checkInput(tx, actor, instance, builtInActions.returnTo, input);
        const target = String(input.fields?.state);
        if (!targets.includes(target)) throw workflowErrors.badReturnTarget(target, targets);
        const worker = 'permission' in (def.states[target]!.assignee ?? {}) ? await lastWorkerOf(tx, instanceId, target) : null;
        return moveTo(this, tx, { def, instance, step, action: { ...builtInActions.returnTo, notify: [{ to: 'nextAssignee' }, { to: 'initiator' }] }, to: target, actor, comment: input.comment, fields: input.fields ?? {}, attachments, ip: input.ip ?? null, open: { assigneeId: worker } });
      }
      const action = own.find((a) => a.key === actionKey)!;
      const attachments = await checkInput(tx, actor, instance, action, input);
      const next = def.states[action.to]!;
      if (next.countersign) await checkCountersignOrgs(this, next.countersign, input.fields ?? {});
      if (next.assignee && 'permission' in next.assignee && next.assignee.orgField) await checkNamedOrg(this, next.assignee.orgField, input.fields ?? {});
      return moveTo(this, tx, { def, instance, step, action, to: action.to, actor, comment: input.comment, fields: input.fields ?? {}, attachments, ip: input.ip ?? null });
    });
  }

  /** 撤回: the initiator takes the process back while nobody else has acted. */
  async withdraw(actor: Actor, instanceId: string, ip: string | null): Promise<void> {
    await this.transaction(async (tx) => {
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

  handOver(actor: Actor, stepId: string, to: Colleague, comment: string, ip: string | null): Promise<void> {
    return this.transaction((tx) => handOver(this, tx, actor, stepId, to, comment, ip));
  }

  assign(actor: Actor, stepId: string, to: Colleague, comment: string, ip: string | null): Promise<void> {
    return this.transaction((tx) => assign(this, tx, actor, stepId, to, comment, ip));
  }

  candidates(actor: Actor, stepId: string, holding: (permission: string) => Promise<Colleague[]>): Promise<Colleague[]> {
    return candidatesFor(this.db, actor, stepId, holding);
  }

  claim(actor: Actor, stepId: string): Promise<void> {
    return this.transaction((tx) => claim(tx, actor, stepId));
  }

  suspend(actor: Actor, instanceId: string, reason: string, ip: string | null): Promise<void> {
    return this.transaction((tx) => suspend(this, tx, actor, instanceId, reason, ip));
  }

  resume(actor: Actor, instanceId: string, ip: string | null): Promise<void> {
    return this.transaction((tx) => resume(this, tx, actor, instanceId, ip));
  }

  requestExtension(actor: Actor, stepId: string, input: ExtensionInput): Promise<{ extensionId: string; approvalInstanceId: string }> {
    return this.transaction((tx) => requestExtension(tx, (t, a, i) => this.start(t, a, i), actor, stepId, input));
  }

  view(actor: Actor, instanceId: string) {
    return panel(this, this.db, actor, instanceId);
  }
}
