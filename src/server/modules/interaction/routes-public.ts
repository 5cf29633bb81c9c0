import { Type } from '@sinclair/typebox';
import { validateMobilePhone } from '../../../shared/validators';
import { blindIndex } from '../../kernel/crypto';
import type { App } from '../../kernel/module';
import type { InteractionDeps } from './deps';
import { interactionErrors } from './errors';
import { kindStore, presentKind } from './kinds';
import { lookupTicket, publicReplies } from './queries';
import { AnonymousBody, KindReply, LookupReply, PublicItem, Written } from './schemas';
import { anonymousWriter, writeTicket, type WriteInput } from './write';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 404: problem, 409: problem, 422: problem, 429: problem } as const;

/** What anyone may see or do without signing in: kinds, public replies, anonymous letters and their look-up. */
export function publicRoutes(app: App, deps: InteractionDeps): void {
  app.get('/api/v1/interaction/kinds', {
    config: { access: { public: true } },
    schema: { tags: ['interaction'], summary: '诉求类型与办理时限 / kinds of ticket and their limits', response: { 200: Type.Object({ items: Type.Array(KindReply) }) } },
  }, async () => ({ items: (await kindStore.all(deps.db)).map(presentKind) }));

  app.get<{ Querystring: { kind?: string; q?: string; limit?: number } }>('/api/v1/interaction/public', {
    config: { access: { public: true } },
    schema: {
      tags: ['interaction'],
      summary: '公开答复（来信人同意且经审核，姓名脱敏）/ published letters and replies',
      querystring: Type.Object({ kind: Type.Optional(Type.String({ pattern: '^[a-z_]{2,20}$' })), q: Type.Optional(Type.String({ maxLength: 40 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(PublicItem) }), ...errors },
    },
  }, async (request) => ({ items: await publicReplies(deps, request.query) }));

  app.post<{ Body: WriteInput & { phone?: string } }>('/api/v1/interaction/letters/anonymous', {
    config: { access: { public: true } },
    schema: { tags: ['interaction'], summary: '匿名来信（须留手机号码以便答复）/ an anonymous letter (a phone number is required)', body: AnonymousBody, response: { 201: Written, ...errors } },
  }, async (request, reply) => reply.code(201).send(await writeTicket(deps, { actor: anonymousWriter, channel: 'portal', anonymous: true }, request.body)));

  app.get<{ Querystring: { ticketNo: string; phone: string } }>('/api/v1/interaction/lookup', {
    config: { access: { public: true } },
    schema: {
      tags: ['interaction'],
      summary: '凭工单号和手机号码查询答复 / look a ticket up by its number and the phone given with it',
      querystring: Type.Object({ ticketNo: Type.String({ pattern: '^XJ[0-9]{13}$' }), phone: Type.String({ maxLength: 20 }) }, { additionalProperties: false }),
      response: { 200: LookupReply, ...errors },
    },
  }, async (request) => {
    const phone = validateMobilePhone(request.query.phone);
    // a wrong number and a wrong phone answer the same: the reply does not tell which one exists
    const found = phone.ok ? await lookupTicket(deps, request.query.ticketNo, blindIndex(deps.kernel.keys.indexKey, phone.normalized, 'phone')) : null;
    if (!found) throw interactionErrors.notFound(request.query.ticketNo);
    return found;
  });
}
