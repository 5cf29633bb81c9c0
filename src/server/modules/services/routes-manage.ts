import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/module';
import { MANAGE, PUBLISH, managedDepartments, type Change, type ServiceDeps } from './deps';
import { createItem, updateItem } from './draft';
import { getDraft, listManaged, listVersions, versionDetail } from './manage-queries';
import { publishItem, withdrawItem } from './publish';
import { CreateBodySchema, UpdateBodySchema, type CreateBody, type UpdateBody } from './schemas/input';
import { DraftSchema, ManageItemSchema, ManageQuerySchema, PublishBodySchema, ScopeReplySchema, VersionDetailSchema, VersionSchema, WithdrawBodySchema } from './schemas/manage';
import type { ItemStatus } from './store';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const tags = ['services'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const staff = { anyPermission: [MANAGE, PUBLISH] };
const base = '/api/v1/services/manage';

/** The department administrators' side: working copies, publication, versions. Scope is checked per item in the services. */
export function manageRoutes(app: App, deps: ServiceDeps): void {
  const change = (request: { actor: Change['actor'] | null; ip?: string }): Change => ({ actor: request.actor!, ip: request.ip ?? null });

  app.get(`${base}/scope`, {
    config: { access: staff },
    schema: { tags, summary: '我可维护、可发布事项的部门 / the departments whose items I maintain or publish', response: { 200: ScopeReplySchema, ...errors } },
  }, async (request) => {
    const { manage, publish } = await managedDepartments(deps, request.actor!);
    return { departments: manage.map((o) => ({ id: o.id, name: o.name })), canPublish: publish.map((o) => o.id) };
  });

  app.get<{ Querystring: { q?: string; status?: ItemStatus } }>(`${base}/items`, {
    config: { access: staff },
    schema: { tags, summary: '本部门事项（工作副本）/ the items of my departments', querystring: ManageQuerySchema, response: { 200: Type.Object({ items: Type.Array(ManageItemSchema) }), ...errors } },
  }, async (request) => ({ items: await listManaged(deps, request.actor!, request.query.q, request.query.status) }));

  app.post<{ Body: CreateBody }>(`${base}/items`, {
    config: { access: { permission: MANAGE } },
    schema: { tags, summary: '新建事项草稿 / add an item as a draft', body: CreateBodySchema, response: { 201: DraftSchema, ...errors } },
  }, async (request, reply) => reply.code(201).send(await createItem(deps, change(request), request.body)));

  app.get<{ Params: { id: string } }>(`${base}/items/:id`, {
    config: { access: staff },
    schema: { tags, summary: '事项工作副本 / the working copy of an item', params: Id, response: { 200: DraftSchema, ...errors } },
  }, async (request) => getDraft(deps, request.actor!, request.params.id));

  app.put<{ Params: { id: string }; Body: UpdateBody }>(`${base}/items/:id`, {
    config: { access: { permission: MANAGE } },
    schema: { tags, summary: '保存事项草稿（发布前公众仍看到已发布版本）/ save the working copy', params: Id, body: UpdateBodySchema, response: { 200: DraftSchema, ...errors } },
  }, async (request) => updateItem(deps, change(request), request.params.id, request.body));

  app.post<{ Params: { id: string }; Body: { note: string } }>(`${base}/items/:id/publish`, {
    config: { access: { permission: PUBLISH } },
    schema: { tags, summary: '发布为新版本 / publish the working copy as a new version', params: Id, body: PublishBodySchema, response: { 200: Type.Object({ version: Type.Integer(), publishedAt: Type.String() }), ...errors } },
  }, async (request) => publishItem(deps, change(request), request.params.id, request.body.note));

  app.post<{ Params: { id: string }; Body: { reason: string } }>(`${base}/items/:id/withdraw`, {
    config: { access: { permission: PUBLISH } },
    schema: { tags, summary: '撤回（不再公布）/ take the item off the portal', params: Id, body: WithdrawBodySchema, response: { 200: Type.Object({ status: Type.Literal('withdrawn') }), ...errors } },
  }, async (request) => withdrawItem(deps, change(request), request.params.id, request.body.reason));

  app.get<{ Params: { id: string } }>(`${base}/items/:id/versions`, {
    config: { access: staff },
    schema: { tags, summary: '版本历史 / published versions, newest first', params: Id, response: { 200: Type.Object({ items: Type.Array(VersionSchema) }), ...errors } },
  }, async (request) => ({ items: await listVersions(deps, request.actor!, request.params.id) }));

  app.get<{ Params: { id: string; version: number } }>(`${base}/items/:id/versions/:version`, {
    config: { access: staff },
    schema: {
      tags,
      summary: '某一版本的办事指南 / the guide as published in one version',
      params: Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: { 200: VersionDetailSchema, ...errors },
    },
  }, async (request) => versionDetail(deps, request.actor!, request.params.id, request.params.version));
}
