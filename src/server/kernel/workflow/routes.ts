import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../access';
import type { WorkflowEngine } from './engine';
import { workflowErrors } from './errors';
import { inbox } from './inbox';
import type { WorkflowDb } from './tables';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem } as const;
const Label = Type.Object({ zh: Type.String(), en: Type.String() });
const Colour = Type.Union(['green', 'yellow', 'red', 'paused', 'none'].map((c) => Type.Literal(c)));
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

const InboxReply = Type.Object({
  items: Type.Array(
    Type.Object({
      stepId: Type.String(),
      instanceId: Type.String(),
      title: Type.String(),
      module: Type.String(),
      businessNo: Type.String(),
      process: Type.String(),
      businessId: Type.String(),
      state: Type.String(),
      stateLabel: Label,
      dueAt: Type.Union([Type.String(), Type.Null()]),
      colour: Colour,
      claimed: Type.Boolean(),
    }),
  ),
  counts: Type.Object({ green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer(), paused: Type.Integer(), none: Type.Integer() }),
});

const StepView = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  colour: Colour,
  assigneeId: Type.Union([Type.String(), Type.Null()]),
  claimable: Type.Boolean(),
  mine: Type.Boolean(),
});
const PanelReply = Type.Object({
  id: Type.String(),
  definition: Type.Object({ key: Type.String(), version: Type.Integer(), name: Label }),
  businessModule: Type.String(),
  businessNo: Type.String(),
  title: Type.String(),
  state: Type.String(),
  stateLabel: Label,
  status: Type.String(),
  suspended: Type.Boolean(),
  startedAt: Type.String(),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  paused: Type.Boolean(),
  countersign: Type.Union([Type.Null(), Type.Object({ mode: Type.Union([Type.Literal('all'), Type.Literal('any')]) })]),
  step: Type.Union([Type.Null(), StepView]),
  steps: Type.Array(StepView),
  actions: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Label,
      requires: Type.Array(Type.String()),
      fieldLabels: Type.Optional(Type.Record(Type.String(), Label)),
      commentRequired: Type.Boolean(),
      attachmentsRequired: Type.Boolean(),
      targets: Type.Optional(Type.Array(Type.Object({ state: Type.String(), label: Label }))),
      countersignField: Type.Optional(Type.String()),
    }),
  ),
  canWithdraw: Type.Boolean(),
  canExtend: Type.Boolean(),
  history: Type.Array(
    Type.Object({
      at: Type.String(),
      actorName: Type.Union([Type.String(), Type.Null()]),
      action: Type.String(),
      from: Type.Union([Type.String(), Type.Null()]),
      to: Type.String(),
      toLabel: Label,
      actionLabel: Type.Union([Label, Type.Null()]),
      comment: Type.Union([Type.String(), Type.Null()]),
      attachments: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), size: Type.Integer(), mediaType: Type.String() })),
    }),
  ),
});

/** The unified inbox and the generic process panel every module reuses. */
type StaffMember = { accountId: string; displayName: string; grants: Actor['grants'] };
/** The identity kernel's answers about colleagues: one by id, and everyone holding a permission. */
export interface StaffDirectory {
  find(accountId: string): Promise<StaffMember | null>;
  holding(permission: string): Promise<StaffMember[]>;
}

export function workflowRoutes(app: FastifyInstance, engine: WorkflowEngine, db: WorkflowDb, staff: StaffDirectory): void {
  const findStaff = (id: string) => staff.find(id);
  app.get<{ Params: { id: string } }>(
    '/api/v1/workflow/steps/:id/candidates',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['workflow'],
        summary: '可转办/指派的人员 / colleagues a step can be handed or assigned to',
        params: Id,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ accountId: Type.String(), displayName: Type.String() })) }), ...errors },
      },
    },
    async (request) => {
      const items = await engine.candidates(request.actor!, request.params.id, (p) => staff.holding(p));
      return { items: items.map((c) => ({ accountId: c.accountId, displayName: c.displayName })) };
    },
  );

  app.post<{ Params: { id: string }; Body: { accountId: string; comment: string } }>(
    '/api/v1/workflow/steps/:id/handover',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['workflow'],
        summary: '转办 / hand a step over to a colleague who may work on it',
        params: Id,
        body: Type.Object({ accountId: Type.String({ format: 'uuid' }), comment: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ ok: Type.Literal(true) }), 422: problem, ...errors },
      },
    },
    async (request) => {
      const target = await findStaff(request.body.accountId);
      if (!target) throw workflowErrors.cannotHandOver();
      await engine.handOver(request.actor!, request.params.id, target, request.body.comment, request.ip);
      return { ok: true as const };
    },
  );

  app.post<{ Params: { id: string }; Body: { accountId: string; comment: string } }>(
    '/api/v1/workflow/steps/:id/assign',
    {
      config: { access: { permission: 'workflow:assign' } },
      schema: {
        tags: ['workflow'],
        summary: '指派/改派 / assign or reassign a step (dispatcher, leader)',
        params: Id,
        body: Type.Object({ accountId: Type.String({ format: 'uuid' }), comment: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ ok: Type.Literal(true) }), 422: problem, ...errors },
      },
    },
    async (request) => {
      const target = await findStaff(request.body.accountId);
      if (!target) throw workflowErrors.cannotAssign();
      await engine.assign(request.actor!, request.params.id, target, request.body.comment, request.ip);
      return { ok: true as const };
    },
  );

  app.post<{ Params: { id: string }; Body: { workingDays: number; reason: string } }>(
    '/api/v1/workflow/steps/:id/extension',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['workflow'],
        summary: '申请延期 / ask for more working days on my step (approved by a leader)',
        params: Id,
        body: Type.Object({ workingDays: Type.Integer({ minimum: 1, maximum: 60 }), reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ extensionId: Type.String(), approvalInstanceId: Type.String() }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await engine.requestExtension(request.actor!, request.params.id, request.body)),
  );

  app.get<{ Querystring: { module?: string; colour?: 'green' | 'yellow' | 'red' | 'paused' | 'none'; dueBefore?: string; limit?: number } }>(
    '/api/v1/inbox',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['workflow'],
        summary: '统一待办 / everything waiting for me, across modules',
        querystring: Type.Object(
          { module: Type.Optional(Type.String({ maxLength: 40 })), colour: Type.Optional(Colour), dueBefore: Type.Optional(Type.String({ format: 'date-time' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: InboxReply, 401: problem },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await inbox(db, request.actor!, {
        ...(q.module ? { module: q.module } : {}),
        ...(q.colour ? { colour: q.colour } : {}),
        ...(q.dueBefore ? { dueBefore: new Date(q.dueBefore) } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
      });
      // labels from the version each instance runs, so that every module's states read well
      const label = (key: string, version: number, state: string) => {
        try {
          return engine.definition(key, version).states[state]?.label ?? { zh: state, en: state };
        } catch {
          return { zh: state, en: state };
        }
      };
      return { ...result, items: result.items.map(({ processVersion, ...item }) => ({ ...item, stateLabel: label(item.process, processVersion, item.state) })) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/workflow/instances/:id',
    { config: { access: { authenticated: true } }, schema: { tags: ['workflow'], summary: '办理面板 / the process panel of one instance', params: Id, response: { 200: PanelReply, ...errors } } },
    async (request) => engine.view(request.actor!, request.params.id),
  );

  app.post<{ Params: { id: string; action: string }; Body: { comment?: string; fields?: Record<string, unknown>; attachments?: string[] } }>(
    '/api/v1/workflow/instances/:id/actions/:action',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['workflow'],
        summary: '办理（执行一个动作）/ take an action',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), action: Type.String({ pattern: '^[a-z_]{1,40}$' }) }, { additionalProperties: false }),
        body: Type.Object(
          {
            comment: Type.Optional(Type.String({ maxLength: 2000 })),
            fields: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 30 })),
            attachments: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20, description: 'ids of files uploaded through /api/v1/files' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ state: Type.String(), status: Type.String() }), ...errors },
      },
    },
    async (request) => engine.act(request.actor!, request.params.id, request.params.action, { ...request.body, ip: request.ip }),
  );

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/api/v1/workflow/instances/:id/suspend',
    {
      config: { access: { permission: 'workflow:suspend' } },
      schema: { tags: ['workflow'], summary: '挂起（计时暂停）/ suspend a process', params: Id, body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }), response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors } },
    },
    async (request) => {
      await engine.suspend(request.actor!, request.params.id, request.body.reason, request.ip);
      return { ok: true as const };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/workflow/instances/:id/resume',
    { config: { access: { permission: 'workflow:suspend' } }, schema: { tags: ['workflow'], summary: '恢复 / resume a suspended process', params: Id, response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors } } },
    async (request) => {
      await engine.resume(request.actor!, request.params.id, request.ip);
      return { ok: true as const };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/workflow/instances/:id/withdraw',
    { config: { access: { authenticated: true } }, schema: { tags: ['workflow'], summary: '撤回 / withdraw (initiator, before anyone acted)', params: Id, response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors } } },
    async (request) => {
      await engine.withdraw(request.actor!, request.params.id, request.ip);
      return { ok: true as const };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/workflow/steps/:id/claim',
    { config: { access: { authenticated: true } }, schema: { tags: ['workflow'], summary: '签收 / claim a step open to my role', params: Id, response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors } } },
    async (request) => {
      await engine.claim(request.actor!, request.params.id);
      return { ok: true as const };
    },
  );
}
