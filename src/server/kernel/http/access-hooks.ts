import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPublic, type Actor, type RouteAccess } from '../access';
import { httpErrors } from './problem';
import { sendProblem } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: { id: string; csrfToken: string } | null;
  }
  interface FastifyInstance {
    /** Every registered route with its declared access, for the route-walking test. */
    routeAccess: Array<{ method: string; url: string; access: RouteAccess }>;
  }
}

export type ActorResolver = (request: FastifyRequest) => Promise<Actor | null>;
export type DenialRecorder = (request: FastifyRequest, permission: string) => Promise<void>;

export interface AccessOptions {
  resolveActor: ActorResolver | null;
  /** audits a refused permission (等保: permission denials are audited) */
  recordDenial?: DenialRecorder;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes of infrastructure plugins (API docs page, static files) that are public by nature. */
function isInfrastructure(url: string): boolean {
  return url.startsWith('/api/docs') || !url.startsWith('/api/');
}

/**
 * Route pipeline: authenticate (onRequest) → validate (schema) → authorize (preHandler) → handler.
 * A route under /api/ without a declared access refuses to register, so none can be forgotten.
 * Cookie sessions must echo their CSRF token in `X-CSRF-Token` on unsafe methods; API keys need not.
 */
export function installAccess(app: FastifyInstance, options: AccessOptions | null): void {
  const resolveActor = options?.resolveActor ?? null;
  app.decorate('routeAccess', []);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  const authenticate = async (request: FastifyRequest, reply: FastifyReply) => {
    if (resolveActor) request.actor = await resolveActor(request);
    if (!request.actor) return sendProblem(request, reply, httpErrors.authRequired());
    if (request.session && unsafeMethods.has(request.method) && request.headers['x-csrf-token'] !== request.session.csrfToken) {
      return sendProblem(request, reply, httpErrors.csrf());
    }
    return undefined;
  };

  // Public routes carry no access hooks at all: they cost nothing on the hot path.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) {
      if (isInfrastructure(route.url)) return;
      throw new Error(`route ${methods.join(',')} ${route.url} declares no access: add config.access = { public: true }, { authenticated: true } or { permission }`);
    }
    for (const method of methods) if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access });
    if (isPublic(access)) return;
    const needed = 'permission' in access ? [access.permission] : 'anyPermission' in access ? access.anyPermission : null;
    const authorize = async (request: FastifyRequest, reply: FastifyReply) => {
      const actor = request.actor!;
      if (needed === null) return undefined;
      if (actor.mfaPending) return sendProblem(request, reply, httpErrors.mfaRequired());
      if (!needed.some((p) => actor.permissions.has(p))) {
        const label = needed.join(' | ');
        await options?.recordDenial?.(request, label);
        return sendProblem(request, reply, httpErrors.forbidden(label));
      }
      return undefined;
    };
    route.onRequest = [authenticate, ...toArray(route.onRequest)];
    route.preHandler = [...toArray(route.preHandler), authorize];
  });
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
