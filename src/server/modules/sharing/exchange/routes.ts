import { Type } from '@sinclair/typebox';
import type { App } from '../../../kernel/module';
import type { SharingDeps } from '../deps';
import { serveExchange } from './serve';

const problem = { $ref: 'Problem#' } as const;

/** The key of a consumer system: `Authorization: Bearer <key>` (or `X-Api-Key`). */
function secretOf(headers: Record<string, string | string[] | undefined>): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim() || null;
  const key = headers['x-api-key'];
  return typeof key === 'string' && key.trim() ? key.trim() : null;
}

/**
 * 共享交换接口 for consumer systems: `GET /exchange/v1/resources/{id or code}/records` with item names
 * as exact-match parameters, `fields` (comma-separated items), `limit`, `offset`. The reply carries the
 * exchange id and the SM3 digest of its exact bytes, which the signed log keeps.
 */
export function exchangeRoutes(app: App, deps: SharingDeps): void {
  app.get<{ Params: { resource: string }; Querystring: Record<string, string | string[] | undefined> }>('/exchange/v1/resources/:resource/records', {
    // the system's key is checked here, not by a session: exchange keys are not accounts
    config: { access: { public: true } },
    schema: {
      tags: ['sharing'],
      summary: '共享交换：按授权返回资源数据 / fetch granted items of a resource',
      params: Type.Object({ resource: Type.String({ minLength: 1, maxLength: 80 }) }),
      response: { 200: Type.Object({ exchangeId: Type.String(), resource: Type.String(), fields: Type.Array(Type.String()), records: Type.Array(Type.Record(Type.String(), Type.Unknown())), limit: Type.Integer(), offset: Type.Integer() }), 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
    },
  }, async (request, reply) => {
    const result = await serveExchange(deps, secretOf(request.headers), request.params.resource, request.query, request.ip ?? null);
    return reply.header('x-exchange-id', result.id).header('x-content-sm3', result.digest).type('application/json; charset=utf-8').send(result.body);
  });
}
