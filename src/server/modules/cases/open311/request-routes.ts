import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Open311Deps } from './deps';
import { open311Errors } from './errors';
import { isForm } from './form';
import { caseNoOfToken } from './find';
import { parseRequestQuery, type QueryValue } from './query';
import { sendDoc, type Format } from './render';
import { listRequests } from './requests';
import { submitRequest } from './submit';

type Fmt = { format: Format };
const access = { access: { public: true as const } };

// each parameter may be declared several times (and/or comma delimited); other names are ignored
const Text = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Array(Type.String({ maxLength: max }), { maxItems: 100 })]);
const ListQuery = Type.Object({
  jurisdiction_id: Type.Optional(Text(100)),
  service_request_id: Type.Optional(Text(30_000)),
  service_code: Type.Optional(Text(2000)),
  start_date: Type.Optional(Text(40)),
  end_date: Type.Optional(Text(40)),
  status: Type.Optional(Text(40)),
});

/** Creating requests (API key), reading them, and the token look-up. */
export function requestRoutes(scope: FastifyInstance, deps: Open311Deps): void {
  const { sources } = deps;

  scope.post<{ Params: Fmt }>('/requests.:format', { config: access, schema: { hide: true } }, async (request, reply) =>
    sendDoc(reply, request.params.format, 'service_requests', await submitRequest(deps, isForm(request.body) ? request.body : new Map())),
  );

  scope.get<{ Params: Fmt; Querystring: Record<string, QueryValue> }>('/requests.:format', { config: access, schema: { hide: true, querystring: ListQuery } }, async (request, reply) =>
    sendDoc(reply, request.params.format, 'service_requests', await listRequests(sources, parseRequestQuery(request.query))),
  );

  // a list with one request, as the specification has it
  scope.get<{ Params: Fmt & { id: string } }>('/requests/:id.:format', { config: access, schema: { hide: true } }, async (request, reply) => {
    const found = await listRequests(sources, { caseNos: [request.params.id] });
    if (found.length === 0) throw open311Errors.requestNotFound(request.params.id);
    return sendDoc(reply, request.params.format, 'service_requests', found);
  });

  scope.get<{ Params: Fmt & { token: string } }>('/tokens/:token.:format', { config: access, schema: { hide: true } }, async (request, reply) => {
    const caseNo = await caseNoOfToken(sources.cases, request.params.token);
    if (!caseNo) throw open311Errors.tokenNotFound(request.params.token);
    return sendDoc(reply, request.params.format, 'service_requests', [{ service_request_id: caseNo, token: request.params.token }]);
  });
}
