import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { contentDisposition, findFile, fileErrors, openContent, type FilesDb } from '../../../kernel/files';
import type { App } from '../../../kernel/module';
import { serviceDeps } from '../deps';
import type { AppDeps, Who } from './context';
import { createDraft, updateDraft, type DraftInput } from './drafts';
import { applicationErrors } from './errors';
import { readForm, saveForm, type FormDefinition } from './form-admin';
import type { Answers } from './form';
import type { MaterialFile } from './materials';
import { COUNTER, READ } from './process';
import { limitQueries, queryProgress } from './progress';
import { applicationDetail, myApplications, staffApplications } from './queries';
import { CounterBody, DetailSchema, DraftBody, FormBody, IdempotencyHeaders, NewDraftBody, ProgressQuery, ProgressSchema, ResubmitBody, SummarySchema } from './schemas';
import { submitDraft, submitNew } from './submit';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const tags = ['services'];
type Req = { actor?: import('../../../kernel/access').Actor | null; ip?: string };
const who = (request: Req): Who => ({ actor: request.actor!, ip: request.ip ?? null });

function keyOf(headers: { 'idempotency-key'?: string }): string {
  const key = headers['idempotency-key']?.trim();
  if (!key) throw applicationErrors.idempotencyKeyNeeded();
  return key;
}

/** Routes read as a pipeline: access (declared) → validation (schema) → service → presentation. */
export function applicationRoutes(app: App, deps: AppDeps): void {
  const detail = (request: Req, id: string) => applicationDetail(deps, request.actor!, id);
  const created = async (reply: FastifyReply, request: Req, r: { id: string; created: boolean }) => reply.code(r.created ? 201 : 200).send(await detail(request, r.id));

  app.post<{ Body: DraftInput & { itemCode: string } }>('/api/v1/services/applications', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '暂存申请（草稿）/ save a new draft application', body: NewDraftBody, response: { 201: DetailSchema, ...errors } },
  }, async (request, reply) => {
    const { itemCode, ...input } = request.body;
    const id = await createDraft(deps, who(request), itemCode, input);
    return reply.code(201).send(await detail(request, id));
  });

  app.put<{ Params: { id: string }; Body: DraftInput }>('/api/v1/services/applications/:id', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '修改草稿（表单与材料整体替换）/ save the draft whole', params: Id, body: DraftBody, response: { 200: DetailSchema, ...errors } },
  }, async (request) => {
    await updateDraft(deps, who(request), request.params.id, request.body);
    return detail(request, request.params.id);
  });

  app.post<{ Params: { id: string }; Headers: { 'idempotency-key'?: string } }>('/api/v1/services/applications/:id/submit', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '提交草稿（Idempotency-Key）/ submit a draft', params: Id, headers: IdempotencyHeaders, response: { 200: DetailSchema, 201: DetailSchema, ...errors } },
  }, async (request, reply) => created(reply, request, await submitDraft(deps, who(request), request.params.id, keyOf(request.headers))));

  app.post<{ Body: DraftInput & { itemCode: string }; Headers: { 'idempotency-key'?: string } }>('/api/v1/services/applications/submissions', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '在线申报（一次提交，Idempotency-Key）/ apply in one request', body: NewDraftBody, headers: IdempotencyHeaders, response: { 200: DetailSchema, 201: DetailSchema, ...errors } },
  }, async (request, reply) => created(reply, request, await submitNew(deps, who(request), request.body, keyOf(request.headers))));

  app.post<{ Body: { itemCode: string; applicant: { kind: 'person' | 'legal'; name: string; id: string; phone?: string }; answers?: Answers; materials?: MaterialFile[] }; Headers: { 'idempotency-key'?: string } }>('/api/v1/services/applications/counter', {
    config: { access: { permission: COUNTER } },
    schema: { tags, summary: '窗口代录申请（一窗受理）/ a counter application entered by a window clerk', body: CounterBody, headers: IdempotencyHeaders, response: { 200: DetailSchema, 201: DetailSchema, ...errors } },
  }, async (request, reply) => {
    const { applicant, ...input } = request.body;
    return created(reply, request, await submitNew(deps, who(request), { ...input, counter: applicant }, keyOf(request.headers)));
  });

  app.post<{ Params: { id: string }; Body: { materials: MaterialFile[]; answers?: Answers } }>('/api/v1/services/applications/:id/resubmit', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '提交补正材料 / submit the corrections', params: Id, body: ResubmitBody, response: { 200: DetailSchema, ...errors } },
  }, async (request) => {
    const current = await detail(request, request.params.id);
    if (!current.instanceId) throw applicationErrors.notFound();
    await deps.kernel.workflow.act(request.actor!, current.instanceId, 'resubmit', { fields: { materials: request.body.materials, ...(request.body.answers ? { answers: request.body.answers } : {}) }, ip: request.ip ?? null });
    return detail(request, request.params.id);
  });

  app.get('/api/v1/services/applications/mine', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '我的办件 / my applications', response: { 200: Type.Object({ items: Type.Array(SummarySchema) }), 401: problem } },
  }, async (request) => ({ items: await myApplications(deps, request.actor!) }));

  app.get<{ Querystring: { status?: string } }>('/api/v1/services/applications', {
    config: { access: { permission: READ } },
    schema: {
      tags,
      summary: '办件列表（本部门；综合窗口：全部）/ applications in one’s scope',
      querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(SummarySchema) }), ...errors },
    },
  }, async (request) => ({ items: await staffApplications(deps, request.actor!, request.query.status) }));

  app.get<{ Params: { id: string } }>('/api/v1/services/applications/:id', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '办件详情 / one application', params: Id, response: { 200: DetailSchema, ...errors } },
  }, async (request) => detail(request, request.params.id));

  app.get<{ Params: { id: string; fileId: string } }>('/api/v1/services/applications/:id/materials/:fileId', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '申请材料文件 / a material file of an application', params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: { 401: problem, 404: problem } },
  }, async (request, reply) => {
    const d = await detail(request, request.params.id);
    if (!d.materials.some((m) => m.files.some((f) => f.fileId === request.params.fileId))) throw fileErrors.notFound();
    const files = deps.db as unknown as FilesDb;
    const file = (await findFile(files, request.params.fileId))!;
    reply.header('cache-control', 'private, no-cache').header('x-content-type-options', 'nosniff').header('content-disposition', contentDisposition(file.name));
    return reply.type(file.mediaType).header('content-length', file.size).send(await openContent(files, deps.kernel.files.store, request.actor!, file, request.ip ?? null));
  });

  app.get<{ Querystring: { businessNo: string; idOrPhone: string } }>('/api/v1/services/progress', {
    config: { access: { public: true } },
    schema: { tags, summary: '办件进度查询（受理编号 + 证件号码或手机号；每分钟 10 次）/ progress of an application', querystring: ProgressQuery, response: { 200: ProgressSchema, 400: problem, 404: problem, 429: problem } },
  }, async (request, reply) => {
    const limited = await limitQueries(deps, request.ip ?? 'unknown');
    if (limited) {
      reply.header('retry-after', String(limited.retryAfter));
      throw applicationErrors.tooManyQueries();
    }
    return queryProgress(deps, request.query.businessNo, request.query.idOrPhone);
  });

  const catalogue = serviceDeps(deps.kernel);
  app.get<{ Params: { id: string } }>('/api/v1/services/manage/items/:id/form', {
    config: { access: { permission: 'services:catalog.manage' } },
    schema: { tags, summary: '事项的申请表单（工作稿）/ the application form of an item’s working copy', params: Id, response: { 200: Type.Composite([FormBody]), ...errors } },
  }, async (request) => readForm(catalogue, who(request), request.params.id));

  app.put<{ Params: { id: string }; Body: FormDefinition & { revision: number } }>('/api/v1/services/manage/items/:id/form', {
    config: { access: { permission: 'services:catalog.manage' } },
    schema: { tags, summary: '保存事项的申请表单（发布后生效）/ save the application form (takes effect when published)', params: Id, body: FormBody, response: { 200: Type.Object({ revision: Type.Integer() }), ...errors } },
  }, async (request) => {
    const { revision, ...form } = request.body;
    return saveForm(catalogue, who(request), request.params.id, revision, form);
  });
}
