import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isPublic, type Actor, type RouteAccess } from '../access';
import { httpErrors } from './problem';
import { sendProblem } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every registered route with its declared access, for the route-walking test. */
    routeAccess: Array<{ method: string; url: string; access: RouteAccess }>;
  }
}

export type ActorResolver = (request: FastifyRequest) => Promise<Actor | null>;

/** Routes of infrastructure plugins (API docs page, static files) that are public by nature. */
function isInfrastructure(url: string): boolean {
  return url.startsWith('/api/docs') || !url.startsWith('/api/');
}

/**
 * Route pipeline: authenticate (onRequest) → validate (schema) → authorize (preHandler) → handler.
 * A route under /api/ without a declared access refuses to register, so none can be forgotten.
 */
export function installAccess(app: FastifyInstance, resolveActor: ActorResolver | null): void {
  app.decorate('routeAccess', []);
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) {
      if (isInfrastructure(route.url)) return;
      throw new Error(`route ${methods.join(',')} ${route.url} declares no access: add config.access = { public: true } or { permission }`);
    }
    for (const method of methods) if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (resolveActor) request.actor = await resolveActor(request);
    if (access && !isPublic(access) && !request.actor) return sendProblem(request, reply, httpErrors.authRequired());
    return undefined;
  });

  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access || isPublic(access)) return undefined;
    if (!request.actor?.permissions.has(access.permission)) {
      return sendProblem(request, reply, httpErrors.forbidden(access.permission));
    }
    return undefined;
  });
}
