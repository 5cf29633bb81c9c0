import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Kernel, Module } from '../module';
import fastifyCookie from '@fastify/cookie';
import { auditRoutes } from '../audit/routes';
import { calendarRoutes, type CalendarTables } from '../calendar';
import { notifyRoutes, type NotifyTables } from '../notify';
import { fileRoutes } from '../files';
import { workflowAttachmentRoute, workflowRoutes, type WorkflowTables } from '../workflow';
import type { AuditTables } from '../audit/tables';
import { auditAlone } from '../audit/write';
import { ownTables } from '../db/database';
import { actorResolver, findStaffMember, identityContext, staffHolding, identityRoutes } from '../identity';
import { installAccess, type ActorResolver } from './access-hooks';
import { installErrorHandlers, sendProblem } from './errors';
import { installHealth } from './health';
import { Metrics } from './metrics';
import { ProblemSchema, httpErrors } from './problem';
import { installSecurityHeaders } from './security-headers';
import { validatorCompiler } from './validation';
import { installWeb, isApiPath } from './web';

export const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../dist/web');

export interface AppOptions {
  kernel: Kernel;
  modules: Module[];
  /** Folder of the built front end; missing → API only. */
  webRoot?: string;
  resolveActor?: ActorResolver;
  version?: string;
}

const slowRequestMs = 1000;
// A random prefix per process and a counter: unique across server copies, and cheaper than a UUID per request.
const processTag = randomBytes(6).toString('base64url');
let requestCounter = 0;
const nextRequestId = () => `${processTag}-${(requestCounter += 1).toString(36)}`;
const requestIdPattern = /^[A-Za-z0-9._:-]{1,64}$/;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { kernel, modules } = options;
  const { config } = kernel;
  const fastifyOptions: FastifyServerOptions = {
    loggerInstance: kernel.log,
    // one log line per request, written in onResponse below
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'reqId' }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // A caller's X-Request-Id is kept when it is harmless, so traces join across systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : nextRequestId();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Malformed URLs (bad percent-encoding) are the client's fault: 400 problem+json, not a crash.
    frameworkErrors: (error, request, reply) => {
      const problem = error.code === 'FST_ERR_BAD_URL' ? httpErrors.badUrl() : httpErrors.internal();
      // framework errors skip the onSend hooks, so the request id header is set here
      void sendProblem(request, reply.header('x-request-id', request.id), problem);
    },
  };
  const app = Fastify(fastifyOptions);
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON; a module that needs another body type (e.g. Open311 forms) adds it in its own scope.
  app.removeContentTypeParser('text/plain');
  app.addSchema(ProblemSchema);
  installErrorHandlers(app, config.bodyLimitBytes);
  installSecurityHeaders(app);
  // cookies are parsed only where a session is looked up (authenticated routes), not on every request
  await app.register(fastifyCookie, { hook: false });
  const identity = identityContext(kernel);
  const auditDb = ownTables<AuditTables>(kernel.database);
  installAccess(app, {
    resolveActor: options.resolveActor ?? actorResolver(identity),
    recordDenial: async (request, permission) => {
      const actor = request.actor;
      await auditAlone(auditDb, {
        actorId: actor?.accountId ?? null,
        actorName: actor?.displayName ?? null,
        orgId: actor?.orgId ?? null,
        ip: request.ip,
        action: 'access.denied',
        objectType: 'route',
        objectId: `${request.method} ${request.routeOptions.url ?? request.url}`,
        result: 'denied',
        details: { permission },
      });
    },
  });
  const metrics = new Metrics();

  // One hook for the request's metrics and its log line (see docs/decisions/0003-access-log.md).
  const logAll = config.accessLog === 'all';
  app.addHook('onResponse', (request, reply, done) => {
    const ms = reply.elapsedTime;
    const status = reply.statusCode;
    metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', status, ms / 1000);
    if (logAll || status >= 400 || ms >= slowRequestMs || (request.method !== 'GET' && request.method !== 'HEAD')) {
      request.log.info({ method: request.method, url: request.url, status, ms: Math.round(ms * 10) / 10 }, 'request');
    }
    done();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Smart Yongchuan API (智慧永川)',
        version: options.version ?? '0.1.0',
        description:
          'REST API of the Smart Yongchuan platform. Errors are application/problem+json (RFC 9457) with a stable `code` and a message in Chinese and English.',
      },
      servers: [{ url: '/' }],
      tags: [
        { name: 'ops', description: 'health and metrics' },
        { name: 'identity', description: '统一身份认证 / identity, sessions, roles' },
        { name: 'audit', description: '安全审计 / audit log' },
        { name: 'calendar', description: '工作日历 / working days, overrides, office hours' },
        { name: 'workflow', description: '流程引擎与统一待办 / workflow engine and unified inbox' },
        { name: 'org', description: '组织机构 / organisations' },
      ],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());

  installHealth(app, kernel.database.db, metrics);
  identityRoutes(app, identity);
  auditRoutes(app, auditDb);
  calendarRoutes(app, ownTables<CalendarTables>(kernel.database), kernel.orgs);
  notifyRoutes(app, ownTables<NotifyTables>(kernel.database));
  // one attachment store (the kernel's) for the file routes, process attachments and modules
  app.addHook('onClose', async () => kernel.files.store.close?.());
  fileRoutes(app, kernel, kernel.files);
  workflowAttachmentRoute(app, ownTables<WorkflowTables>(kernel.database), kernel.files.store);
  workflowRoutes(app, kernel.workflow, ownTables<WorkflowTables>(kernel.database), { find: (id) => findStaffMember(identity, id), holding: (permission) => staffHolding(identity, permission) });
  for (const module of modules) await module.routes(app, kernel);

  const webReady = await installWeb(app, options.webRoot ?? defaultWebRoot);
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (webReady && (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(url) && !path.extname(url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(request, reply, httpErrors.routeNotFound(request.method, url));
  });
  return app;
}
