import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database';
import type { Metrics } from './metrics';
import { ProblemSchema, httpErrors } from './problem';
import { sendProblem } from './errors';

const Health = Type.Object({ status: Type.Literal('ok') });
const Ready = Type.Object({ status: Type.Literal('ready'), database: Type.Literal('ok'), latencyMs: Type.Number() });

export function installHealth(app: FastifyInstance, db: Db, metrics: Metrics): void {
  app.get(
    '/healthz',
    { config: { access: { public: true } }, schema: { tags: ['ops'], summary: 'Liveness: the process answers', response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: { public: true } },
      schema: { tags: ['ops'], summary: 'Readiness: the database answers', response: { 200: Ready, 503: ProblemSchema } },
    },
    async (request, reply) => {
      const started = performance.now();
      try {
        await Promise.race([
          sql`SELECT 1`.execute(db),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
        ]);
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        return sendProblem(request, reply, httpErrors.unavailable('database / 数据库'));
      }
      return { status: 'ready' as const, database: 'ok' as const, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
    },
  );

  app.get(
    '/metrics',
    { config: { access: { public: true } }, schema: { tags: ['ops'], summary: 'Prometheus metrics (text format)', hide: true } },
    async (_request, reply) => {
      reply.type(metrics.contentType);
      return metrics.render();
    },
  );
}
