import type { FastifyInstance } from 'fastify';
import type { Open311Deps } from './deps';
import { sendDoc, type Format } from './render';
import { discovery, lastClassChange, publicClasses, serviceClass, serviceDefinition, serviceList } from './services';

type Fmt = { format: Format };
const access = { access: { public: true as const } };
// Open311 has its own specification; it stays out of the platform's OpenAPI document
const schema = { hide: true };

/** Discovery, the service list and service definitions: read-only, no key needed. */
export function serviceRoutes(scope: FastifyInstance, deps: Open311Deps): void {
  const db = deps.cases.db;

  scope.get<{ Params: Fmt }>('/discovery.:format', { config: access, schema }, async (request, reply) => {
    const url = `${request.protocol}://${request.host}${scope.prefix}`;
    return sendDoc(reply, request.params.format, 'discovery', discovery(await lastClassChange(db), url, deps.production));
  });

  scope.get<{ Params: Fmt }>('/services.:format', { config: access, schema }, async (request, reply) =>
    sendDoc(reply, request.params.format, 'services', serviceList(await publicClasses(db))),
  );

  scope.get<{ Params: Fmt & { code: string } }>('/services/:code.:format', { config: access, schema }, async (request, reply) =>
    sendDoc(reply, request.params.format, 'service_definition', serviceDefinition(await serviceClass(db, request.params.code))),
  );
}
