import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { chainPendingAudit } from './chainer';
import type { AuditDb } from './tables';
import { verifyAuditChain } from './verify';

const Query = Type.Object(
  {
    actorId: Type.Optional(Type.String({ format: 'uuid' })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    result: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')])),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
type AuditQuery = typeof Query.static;

const Record_ = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  orgId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  result: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
});

/** Reads the whole chain: records committed before the request are chained first (see chainer.ts). */
async function search(db: AuditDb, q: AuditQuery) {
  await chainPendingAudit(db);
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(q.limit ?? 100);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.action) query = query.where('action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (q.result) query = query.where('result', '=', q.result);
  if (q.from) query = query.where('at', '>=', new Date(q.from));
  if (q.to) query = query.where('at', '<', new Date(q.to));
  if (q.beforeSeq) query = query.where('seq', '<', q.beforeSeq);
  return query.execute();
}

const present = (r: Awaited<ReturnType<typeof search>>[number]) => ({
  seq: Number(r.seq),
  at: r.at.toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  orgId: r.org_id,
  ip: r.ip,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  result: r.result,
  details: r.details,
});

const csvCell = (v: unknown) => {
  const text = typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
  // a leading = + - @ would be run as a formula by spreadsheet programs
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** 审计管理员: search, export and verify the audit log (read only). */
export function auditRoutes(app: FastifyInstance, db: AuditDb): void {
  const access = { access: { permission: 'audit:read' } };
  app.get<{ Querystring: AuditQuery }>(
    '/api/v1/audit',
    { config: access, schema: { tags: ['audit'], summary: '查询审计日志 / search the audit log', querystring: Query, response: { 200: Type.Object({ items: Type.Array(Record_) }) } } },
    async (request) => ({ items: (await search(db, request.query)).map(present) }),
  );

  app.get<{ Querystring: AuditQuery }>(
    '/api/v1/audit/export.csv',
    { config: access, schema: { tags: ['audit'], summary: '导出审计日志 (CSV) / export the audit log', querystring: Query } },
    async (request, reply) => {
      const rows = (await search(db, { ...request.query, limit: request.query.limit ?? 500 })).map(present);
      const header = ['seq', 'at', 'actorId', 'actorName', 'orgId', 'ip', 'action', 'objectType', 'objectId', 'result', 'details'] as const;
      const lines = [header.join(','), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(','))];
      reply.header('content-disposition', 'attachment; filename="audit.csv"').type('text/csv; charset=utf-8');
      return '\uFEFF' + lines.join('\r\n') + '\r\n';
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      config: access,
      schema: {
        tags: ['audit'],
        summary: '校验审计链完整性 / verify the SM3 chain',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            lastSeq: Type.Integer(),
            firstProblem: Type.Union([Type.Null(), Type.Object({ seq: Type.Integer(), problem: Type.String(), message: Type.Object({ zh: Type.String(), en: Type.String() }) })]),
          }),
        },
      },
    },
    async () => {
      await chainPendingAudit(db);
      return verifyAuditChain(db);
    },
  );
}
