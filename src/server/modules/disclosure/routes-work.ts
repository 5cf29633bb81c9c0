import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/module';
import { createArticle, submitArticle, updateArticle, withdrawArticle, type ArticleInput } from './articles';
import { ANSWER, APPROVE, WRITE } from './process';
import { articleDetail, myRequests, orgRequests, requestDetail, workArticles, type QueryDeps } from './queries';
import { fileRequest, type RequestInput } from './requests';
import { ArticleBody, ArticleDetail, RequestBody, RequestDetail, RequestItem, WorkArticle } from './schemas';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Ok = Type.Object({ ok: Type.Literal(true) });

/** Editors, leaders and answerers in the workbench; applicants' requests. */
export function workRoutes(app: App, deps: QueryDeps): void {
  app.get<{ Querystring: { status?: string } }>('/api/v1/disclosure/manage/articles', {
    config: { access: { anyPermission: [WRITE, APPROVE] } },
    schema: { tags: ['disclosure'], summary: '本单位的信息公开稿件 / the articles of my organisations', querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('reviewing'), Type.Literal('published'), Type.Literal('withdrawn')])) }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(WorkArticle) }), ...errors } },
  }, async (request) => ({ items: await workArticles(deps, request.actor!, request.query) }));

  app.post<{ Body: ArticleInput }>('/api/v1/disclosure/manage/articles', {
    config: { access: { permission: WRITE } },
    schema: { tags: ['disclosure'], summary: '起草 / write a draft', body: ArticleBody, response: { 201: Type.Object({ id: Type.String() }), ...errors } },
  }, async (request, reply) => reply.code(201).send(await createArticle(deps, request.actor!, request.body, request.ip ?? null)));

  app.get<{ Params: { id: string } }>('/api/v1/disclosure/manage/articles/:id', {
    config: { access: { anyPermission: [WRITE, APPROVE] } },
    schema: { tags: ['disclosure'], summary: '稿件（含草稿、已撤回）/ one article in any state', params: Id, response: { 200: ArticleDetail, ...errors } },
  }, async (request) => articleDetail(deps, request.actor!, request.params.id));

  app.put<{ Params: { id: string }; Body: ArticleInput }>('/api/v1/disclosure/manage/articles/:id', {
    config: { access: { permission: WRITE } },
    schema: { tags: ['disclosure'], summary: '修改草稿 / edit a draft', params: Id, body: ArticleBody, response: { 200: Ok, ...errors } },
  }, async (request) => {
    await updateArticle(deps, request.actor!, request.params.id, request.body, request.ip ?? null);
    return { ok: true as const };
  });

  app.post<{ Params: { id: string } }>('/api/v1/disclosure/manage/articles/:id/submit', {
    config: { access: { permission: WRITE } },
    schema: { tags: ['disclosure'], summary: '提交审核 / submit for approval', params: Id, response: { 200: Type.Object({ instanceId: Type.String() }), ...errors } },
  }, async (request) => submitArticle(deps, request.actor!, request.params.id));

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/disclosure/manage/articles/:id/withdraw', {
    config: { access: { permission: APPROVE } },
    schema: { tags: ['disclosure'], summary: '撤回已发布信息 / withdraw a published article (reason required)', params: Id, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }), response: { 200: Ok, ...errors } },
  }, async (request) => {
    await withdrawArticle(deps, request.actor!, request.params.id, request.body.reason, request.ip ?? null);
    return { ok: true as const };
  });

  app.post<{ Body: RequestInput }>('/api/v1/disclosure/requests', {
    config: { access: { authenticated: true } },
    schema: { tags: ['disclosure'], summary: '依申请公开 / request information from an agency', body: RequestBody, response: { 201: Type.Object({ id: Type.String(), requestNo: Type.String(), instanceId: Type.String() }), ...errors } },
  }, async (request, reply) => reply.code(201).send(await fileRequest(deps, request.actor!, request.body)));

  app.get('/api/v1/disclosure/requests/mine', {
    config: { access: { authenticated: true } },
    schema: { tags: ['disclosure'], summary: '我的依申请公开 / my requests', response: { 200: Type.Object({ items: Type.Array(RequestItem) }), 401: problem } },
  }, async (request) => ({ items: await myRequests(deps, request.actor!) }));

  app.get('/api/v1/disclosure/requests', {
    config: { access: { permission: ANSWER } },
    schema: { tags: ['disclosure'], summary: '本机关收到的申请 / requests to my agencies', response: { 200: Type.Object({ items: Type.Array(RequestItem) }), ...errors } },
  }, async (request) => ({ items: await orgRequests(deps, request.actor!) }));

  app.get<{ Params: { id: string } }>('/api/v1/disclosure/requests/:id', {
    config: { access: { authenticated: true } },
    schema: { tags: ['disclosure'], summary: '申请详情 / one request', params: Id, response: { 200: RequestDetail, ...errors } },
  }, async (request) => requestDetail(deps, request.actor!, request.params.id));
}
