import type { FastifyRequest } from 'fastify';
import type { App, Kernel } from '../../kernel/module';
import { OrgListSchema, OrgSchema, IdParams, CreateOrgBody, UpdateOrgBody, MoveOrgBody } from './schemas';
import { orgService } from './service';
import type { OrgDb } from './store';

const problem = { $ref: 'Problem#' } as const;

/** Thin handlers: access (declared) → validate (schema) → service → present. */
export function orgRoutes(app: App, db: OrgDb, kernel: Kernel): void {
  const change = (request: FastifyRequest) => ({ actor: request.actor!, ip: request.ip, zone: kernel.config.zone });
  app.get(
    '/api/v1/orgs',
    {
      config: { access: { public: true } },
      schema: { tags: ['org'], summary: '组织机构列表（树序）/ all organisations in tree order', response: { 200: OrgListSchema } },
    },
    async () => ({ items: await orgService.list(db) }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/orgs/:id',
    {
      config: { access: { public: true } },
      schema: { tags: ['org'], summary: '组织机构详情 / one organisation', params: IdParams, response: { 200: OrgSchema, 404: problem } },
    },
    async (request) => orgService.get(db, request.params.id),
  );

  app.post<{ Body: typeof CreateOrgBody.static }>(
    '/api/v1/orgs',
    {
      config: { access: { permission: 'org:manage' } },
      schema: {
        tags: ['org'],
        summary: '新建组织机构 / create an organisation',
        body: CreateOrgBody,
        response: { 201: OrgSchema, 400: problem, 401: problem, 403: problem, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.code(201).send(await orgService.create(db, change(request), request.body)),
  );

  app.patch<{ Params: { id: string }; Body: typeof UpdateOrgBody.static }>(
    '/api/v1/orgs/:id',
    {
      config: { access: { permission: 'org:manage' } },
      schema: {
        tags: ['org'],
        summary: '重命名或调整排序 / rename or reorder an organisation',
        params: IdParams,
        body: UpdateOrgBody,
        response: { 200: OrgSchema, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
      },
    },
    async (request) => orgService.update(db, change(request), request.params.id, request.body),
  );

  app.post<{ Params: { id: string }; Body: typeof MoveOrgBody.static }>(
    '/api/v1/orgs/:id/move',
    {
      config: { access: { permission: 'org:manage' } },
      schema: {
        tags: ['org'],
        summary: '调整上级机构 / move an organisation under another parent',
        params: IdParams,
        body: MoveOrgBody,
        response: { 200: OrgSchema, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => orgService.move(db, change(request), request.params.id, request.body.parentId),
  );
}
