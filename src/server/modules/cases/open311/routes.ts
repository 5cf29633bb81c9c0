import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ownTables } from '../../../kernel/db/database';
import { identityContext } from '../../../kernel/identity';
import type { App, Kernel } from '../../../kernel/module';
import type { WorkflowTables } from '../../../kernel/workflow';
import type { OrgTables } from '../../org';
import type { CaseDeps } from '../report';
import type { Open311Deps } from './deps';
import { Open311Error, open311Errors, toOpen311Error } from './errors';
import { isForm, parseForm } from './form';
import { formatOf, isFormat, sendDoc, type Format } from './render';
import { requestRoutes } from './request-routes';
import { serviceRoutes } from './service-routes';

/** The one jurisdiction this endpoint serves: Yongchuan District's division code. */
export const jurisdictionId = '500118';
export const open311Prefix = '/open311/v2';

export function sendErrors(reply: FastifyReply, format: Format, error: Open311Error): FastifyReply {
  return sendDoc(reply, format, 'errors', [{ code: error.status, description: error.description }], error.status);
}

function jurisdictionOf(request: FastifyRequest): string | undefined {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.jurisdiction_id;
  const fromForm = isForm(request.body) ? request.body.get('jurisdiction_id') : undefined;
  const values = [fromQuery, fromForm].flat().filter((v): v is string => typeof v === 'string' && v !== '');
  return values.find((v) => v !== jurisdictionId) ?? values[0];
}

/**
 * Everything Open311 in one encapsulated scope, so that its choices stay here: form bodies (and
 * no JSON bodies), errors in the specification's `<errors>` format instead of problem+json, and a
 * not-found answer in that format too. Every route is public for the platform's access hook
 * (no session, hence no CSRF): POST requests checks its own `api_key`.
 */
async function open311Scope(scope: FastifyInstance, deps: Open311Deps): Promise<void> {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, parseForm(String(body))));

  scope.setErrorHandler((error, request, reply) => {
    const known = toOpen311Error(error);
    if (!known) request.log.error({ err: error }, 'open311 general service error');
    const answer = known ?? open311Errors.bad(`服务暂时无法处理该请求，请告知请求编号 ${request.id}`, `General service error: please report request id ${request.id}`);
    return sendErrors(reply, formatOf(request), answer);
  });
  scope.setNotFoundHandler((request, reply) => sendErrors(reply, formatOf(request), open311Errors.routeNotFound(`${request.method} ${request.url.split('?')[0] ?? ''}`)));

  // the format suffix and jurisdiction_id (500118, or none: one jurisdiction) hold for every method
  scope.addHook('preHandler', async (request) => {
    if (request.routeOptions.url === undefined) return; // the not-found handler runs the hooks too
    const format = (request.params as { format?: string }).format ?? '';
    if (!isFormat(format)) throw open311Errors.unknownFormat(format);
    const jurisdiction = jurisdictionOf(request);
    if (jurisdiction !== undefined && jurisdiction !== jurisdictionId) throw open311Errors.jurisdiction(jurisdiction);
  });
  // public data and an API that carries its own key, never a cookie: any web client may read it
  scope.addHook('onSend', async (_request, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    return payload;
  });

  serviceRoutes(scope, deps);
  requestRoutes(scope, deps);
}

/** Open311 GeoReport v2 at /open311/v2/ (registered by the cases module). */
export function open311Routes(app: App, kernel: Kernel, cases: CaseDeps): void {
  const deps: Open311Deps = {
    cases,
    identity: identityContext(kernel),
    sources: { cases: cases.db, workflow: ownTables<WorkflowTables>(kernel.database), orgs: ownTables<OrgTables>(kernel.database) },
    production: kernel.config.nodeEnv === 'production',
  };
  void app.register((scope) => open311Scope(scope, deps), { prefix: open311Prefix });
}
