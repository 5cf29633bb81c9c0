import { Type } from '@sinclair/typebox';
import { contentDisposition, fileErrors, findFile, openContent, type FilesDb } from '../../kernel/files';
import type { App } from '../../kernel/module';
import { chaseTicket } from './chase';
import type { InteractionDeps } from './deps';
import { interactionErrors } from './errors';
import { updateKind } from './kinds';
import { CENTRE, HANDLE, KINDS_MANAGE, READ } from './process';
import { decidePublication } from './publication';
import { listTickets, myTickets, ticketDetail } from './queries';
import { DetailReply, HotlineBody, KindPatch, KindReply, LetterBody, ListItem, MyItem, Written } from './schemas';
import { writeTicket, type WriteInput } from './write';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

/** Letters of signed-in writers, the centre's and departments' ticket work, and kind settings. */
export function workRoutes(app: App, deps: InteractionDeps): void {
  const { db } = deps;

  app.post<{ Body: WriteInput }>('/api/v1/interaction/letters', {
    config: { access: { authenticated: true } },
    schema: { tags: ['interaction'], summary: '写信（实名）/ write a letter, signed in', body: LetterBody, response: { 201: Written, ...errors } },
  }, async (request, reply) => {
    const actor = request.actor!;
    if (actor.kind === 'staff') throw interactionErrors.mayNotWrite();
    return reply.code(201).send(await writeTicket(deps, { actor, channel: 'portal', anonymous: false }, request.body));
  });

  app.get('/api/v1/interaction/letters/mine', {
    config: { access: { authenticated: true } },
    schema: { tags: ['interaction'], summary: '我的来信 / the letters I wrote', response: { 200: Type.Object({ items: Type.Array(MyItem) }), 401: problem } },
  }, async (request) => ({ items: await myTickets(deps, request.actor!) }));

  app.post<{ Body: WriteInput & { name: string; phone: string } }>('/api/v1/interaction/tickets/hotline', {
    config: { access: { permission: CENTRE } },
    schema: { tags: ['interaction'], summary: '登记来电（热线）/ register a phone call', body: HotlineBody, response: { 201: Written, ...errors } },
  }, async (request, reply) => reply.code(201).send(await writeTicket(deps, { actor: request.actor!, channel: 'hotline', anonymous: false }, request.body)));

  app.get<{ Querystring: { status?: string; kind?: string; q?: string; limit?: number } }>('/api/v1/interaction/tickets', {
    config: { access: { anyPermission: [READ, CENTRE, HANDLE] } },
    schema: {
      tags: ['interaction'],
      summary: '工单列表（承办单位只见派给本单位的）/ tickets, newest first (a department sees its own)',
      querystring: Type.Object(
        { status: Type.Optional(Type.String({ pattern: '^[a-z_]{2,20}$' })), kind: Type.Optional(Type.String({ pattern: '^[a-z_]{2,20}$' })), q: Type.Optional(Type.String({ maxLength: 40 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(ListItem) }), ...errors },
    },
  }, async (request) => ({ items: await listTickets(deps, request.actor!, request.query) }));

  app.get<{ Params: { id: string } }>('/api/v1/interaction/tickets/:id', {
    config: { access: { authenticated: true } },
    schema: { tags: ['interaction'], summary: '工单详情 / one ticket', params: Id, response: { 200: DetailReply, ...errors } },
  }, async (request) => ticketDetail(deps, request.actor!, request.params.id));

  app.get<{ Params: { id: string; fileId: string } }>('/api/v1/interaction/tickets/:id/files/:fileId', {
    config: { access: { authenticated: true } },
    schema: { tags: ['interaction'], summary: '工单附件 / an attachment of a ticket', params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: { 401: problem, 404: problem } },
  }, async (request, reply) => {
    const detail = await ticketDetail(deps, request.actor!, request.params.id);
    if (!detail.files.some((f) => f.fileId === request.params.fileId)) throw fileErrors.notFound();
    const files = db as unknown as FilesDb;
    const file = (await findFile(files, request.params.fileId))!;
    reply.header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').header('content-disposition', contentDisposition(file.name));
    return reply.type(file.mediaType).header('content-length', file.size).send(await openContent(files, deps.kernel.files.store, request.actor!, file, request.ip ?? null));
  });

  app.post<{ Params: { id: string }; Body: { comment: string } }>('/api/v1/interaction/tickets/:id/chase', {
    config: { access: { permission: CENTRE } },
    schema: { tags: ['interaction'], summary: '催办 / chase the department holding the ticket', params: Id, body: Type.Object({ comment: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }), response: { 200: Type.Object({ notified: Type.Integer() }), ...errors } },
  }, async (request) => chaseTicket(deps, request.actor!, request.params.id, request.body.comment, request.ip ?? null));

  app.post<{ Params: { id: string }; Body: { approve: boolean } }>('/api/v1/interaction/tickets/:id/publication', {
    config: { access: { permission: CENTRE } },
    schema: { tags: ['interaction'], summary: '公开审核 / approve or refuse publication of a closed ticket', params: Id, body: Type.Object({ approve: Type.Boolean() }, { additionalProperties: false }), response: { 200: Type.Object({ publication: Type.String() }), ...errors } },
  }, async (request) => decidePublication(db, request.actor!, request.params.id, request.body.approve, request.ip ?? null));

  app.patch<{ Params: { code: string }; Body: { limitDays?: number; active?: boolean } }>('/api/v1/interaction/kinds/:code', {
    config: { access: { permission: KINDS_MANAGE } },
    schema: { tags: ['interaction'], summary: '修改诉求类型的办理时限 / change the limit of a kind', params: Type.Object({ code: Type.String({ pattern: '^[a-z_]{2,20}$' }) }, { additionalProperties: false }), body: KindPatch, response: { 200: KindReply, ...errors } },
  }, async (request) => updateKind(db, request.actor!, request.params.code, request.body, request.ip ?? null));
}
