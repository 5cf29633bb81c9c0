import { Type, type Static } from '@sinclair/typebox';
import type { App } from '../../kernel/module';
import { MAINTAIN, READ, type CatalogDeps } from './deps';
import { getResource, listResources, maintainedProviders, presentResource } from './queries';
import { createResource, submitResource, updateResource } from './resources';
import { ListQuery, ResourceBody, ResourceReply } from './schemas';
import { catalogKinds, classifications, formats, itemTypes, openTypes, shareMethods, shareTypes, updateCycles } from './vocab';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const tags = ['catalog'];

/** 政务信息资源目录 for staff: browse, maintain one's department's entries, submit for approval. */
export function catalogRoutes(app: App, deps: CatalogDeps): void {
  const change = (request: { actor: import('../../kernel/access').Actor | null; ip: string }) => ({ actor: request.actor!, ip: request.ip ?? null });
  const present = async (id: string, actor: import('../../kernel/access').Actor) => getResource(deps, actor, id);

  app.get('/api/v1/catalog/vocabulary', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '资源目录代码表 / the catalogue vocabularies', response: { 200: Type.Record(Type.String(), Type.Record(Type.String(), Type.String())) } },
  }, async () => ({ catalogKinds, shareTypes, shareMethods, openTypes, formats, updateCycles, classifications, itemTypes }));

  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/catalog/resources', {
    config: { access: { permission: READ } },
    schema: { tags, summary: '资源目录 / the resources this actor may see', querystring: ListQuery, response: { 200: Type.Object({ items: Type.Array(ResourceReply) }), ...errors } },
  }, async (request) => ({ items: await listResources(deps, request.actor!, request.query) }));

  app.get('/api/v1/catalog/providers', {
    config: { access: { permission: MAINTAIN } },
    schema: { tags, summary: '我可以维护的提供单位 / departments whose entries I maintain', response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }), ...errors } },
  }, async (request) => ({ items: await maintainedProviders(deps, request.actor!) }));

  app.get<{ Params: { id: string } }>('/api/v1/catalog/resources/:id', {
    config: { access: { permission: READ } },
    schema: { tags, summary: '信息资源 / one resource', params: Id, response: { 200: ResourceReply, ...errors } },
  }, async (request) => present(request.params.id, request.actor!));

  app.post<{ Body: Static<typeof ResourceBody> }>('/api/v1/catalog/resources', {
    config: { access: { permission: MAINTAIN } },
    schema: { tags, summary: '编目（草稿）/ catalogue a resource (draft)', body: ResourceBody, response: { 201: ResourceReply, ...errors } },
  }, async (request, reply) => {
    const row = await createResource(deps, change(request), request.body);
    return reply.code(201).send(presentResource(row, new Map((await deps.orgs()).map((o) => [o.id, o])), true));
  });

  app.put<{ Params: { id: string }; Body: Static<typeof ResourceBody> & { revision: number } }>('/api/v1/catalog/resources/:id', {
    config: { access: { permission: MAINTAIN } },
    schema: { tags, summary: '修改编目信息 / change a resource', params: Id, body: Type.Composite([ResourceBody, Type.Object({ revision: Type.Integer({ minimum: 1 }) })], { additionalProperties: false }), response: { 200: ResourceReply, ...errors } },
  }, async (request) => {
    const { revision, ...fields } = request.body;
    await updateResource(deps, change(request), request.params.id, revision, fields);
    return present(request.params.id, request.actor!);
  });

  app.post<{ Params: { id: string } }>('/api/v1/catalog/resources/:id/submit', {
    config: { access: { permission: MAINTAIN } },
    schema: { tags, summary: '提交发布审核 / submit for the data authority’s approval', params: Id, response: { 200: Type.Object({ instanceId: Type.String() }), ...errors } },
  }, async (request) => submitResource(deps, change(request), request.params.id));
}
