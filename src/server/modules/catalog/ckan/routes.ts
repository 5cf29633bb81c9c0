import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/access';
import { actorFromApiKey, actorResolver, identityContext } from '../../../kernel/identity';
import type { App, Kernel } from '../../../kernel/module';
import type { CatalogDeps } from '../deps';
import { actions } from './actions';
import { CkanError, ckanErrors } from './errors';

/** The site's own address as the caller reached it (CKAN dicts carry absolute URLs). */
export const siteBase = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/**
 * The CKAN Action API (2.10) at /api/3/action/{name} and its alias /api/action/{name}: GET query
 * parameters or a POST JSON body, the {help, success, result} envelope, CKAN's error objects.
 * Reading is public; the caller is identified only when an action needs it (conditional data),
 * by session or by API key (`Authorization: <key>` as CKAN clients send it, or `Bearer <key>`).
 * Parameters are checked by hand, not by a route schema, so that errors keep CKAN's shape.
 */
export function ckanRoutes(app: App, kernel: Kernel, deps: CatalogDeps): void {
  const identity = identityContext(kernel);
  const fromSession = actorResolver(identity);
  const resolve = async (request: FastifyRequest): Promise<Actor | null> => {
    const auth = request.headers.authorization ?? (request.headers['x-ckan-api-key'] as string | undefined);
    if (auth && !auth.startsWith('Bearer ')) return actorFromApiKey(identity, auth.trim());
    return fromSession(request);
  };

  const handle = async (request: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply) => {
    const name = request.params.name;
    const base = siteBase(request);
    const help = `${base}/api/3/action/help_show?name=${encodeURIComponent(name)}`;
    try {
      const action = actions[name];
      if (!action) throw ckanErrors.unknownAction(name);
      const body = request.method === 'POST' && request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
      const params = { ...(request.query as Record<string, unknown>), ...body };
      let actor: Promise<Actor | null> | null = null;
      const path = request.url.split('?')[0]!;
      const result = await action({ deps, params, base, path, actor: () => (actor ??= resolve(request)) });
      return reply.type('application/json; charset=utf-8').send({ help, success: true, result });
    } catch (error) {
      if (!(error instanceof CkanError)) throw error;
      return reply.code(error.status).type('application/json; charset=utf-8').send({ help, success: false, error: { ...error.body, __type: error.type } });
    }
  };

  for (const prefix of ['/api/3/action', '/api/action']) {
    const schema = { tags: ['ckan'], summary: 'CKAN Action API (package_search, package_show, datastore_search …)', hide: prefix === '/api/action' };
    app.get(`${prefix}/:name`, { config: { access: { public: true } }, schema }, handle);
    app.post(`${prefix}/:name`, { config: { access: { public: true } }, schema }, handle);
  }
}
