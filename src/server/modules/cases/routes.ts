import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/module';
import { contentDisposition, findFile, openContent, fileErrors, type FilesDb } from '../../kernel/files';
import { classStore } from './classes';
import { caseDetail, listCases, myCases, publicCases } from './queries';
import { rateCase } from './rating';
import { caseStats } from './stats';
import { reportCase, type CaseDeps } from './report';
import { ClassPatch, ClassReply, DetailReply, ListItem, ReportBody } from './schemas';
import { updateClass, type ClassChange } from './class-admin';
import type { CaseSource } from './store';
import { caseErrors } from './errors';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

/** Routes read as a pipeline: access (declared) → validation (schema) → service → presentation. */
export function caseRoutes(app: App, deps: CaseDeps, departmentOf: (name: string) => Promise<string | null>): void {
  const { db } = deps;

  app.get('/api/v1/cases/classes', {
    config: { access: { public: true } },
    schema: { tags: ['cases'], summary: '案件类别（部件、事件）/ case classes (components and events)', response: { 200: Type.Object({ items: Type.Array(ClassReply) }) } },
  }, async () => ({
    items: (await classStore.active(db)).map((c) => ({ code: c.code, kind: c.kind, majorCode: c.major_code, majorName: c.major_name, name: c.name, filingCondition: c.filing_condition, closureCondition: c.closure_condition, department: c.department, public: c.public, limits: c.limits })),
  }));

  app.patch<{ Params: { code: string }; Body: ClassChange }>('/api/v1/cases/classes/:code', {
    config: { access: { permission: 'cases:classes.manage' } },
    schema: {
      tags: ['cases'],
      summary: '修改案件类别（条件、责任单位、时限）/ edit a case class',
      params: Type.Object({ code: Type.String({ pattern: '^[CE][0-9]{4}$' }) }, { additionalProperties: false }),
      body: ClassPatch,
      response: { 200: ClassReply, ...errors },
    },
  }, async (request) => {
    const c = await updateClass(db, request.actor!, request.params.code, request.body, request.ip ?? null, async (name) => (await departmentOf(name)) !== null);
    return { code: c.code, kind: c.kind, majorCode: c.major_code, majorName: c.major_name, name: c.name, filingCondition: c.filing_condition, closureCondition: c.closure_condition, department: c.department, public: c.public, limits: c.limits };
  });

  app.post<{ Body: { classCode: string; description: string; lng: number; lat: number; address?: string; urgent?: boolean; photos?: string[]; source?: 'hotline' | 'leader' } }>('/api/v1/cases', {
    config: { access: { authenticated: true } },
    schema: { tags: ['cases'], summary: '上报城市管理问题 / report a problem in public space', body: ReportBody, response: { 201: Type.Object({ id: Type.String(), caseNo: Type.String(), instanceId: Type.String(), unitGridCode: Type.Union([Type.String(), Type.Null()]), possibleDuplicates: Type.Array(Type.String()) }), ...errors } },
  }, async (request, reply) => {
    const actor = request.actor!;
    const body = request.body;
    // citizens report as citizens; the centre's staff as inspectors, or enter hotline and leaders' reports
    let source: CaseSource = 'citizen';
    if (actor.kind === 'staff') {
      if (body.source && actor.permissions.has('cases:accept')) source = body.source;
      else if (actor.permissions.has('cases:report')) source = 'inspector';
      else throw caseErrors.mayNotReport();
    }
    return reply.code(201).send(await reportCase(deps, actor, { ...body, source }));
  });

  app.get<{ Querystring: { status?: string; classCode?: string; streetCode?: string; from?: string; to?: string; limit?: number } }>('/api/v1/cases', {
    config: { access: { permission: 'cases:read' } },
    schema: {
      tags: ['cases'],
      summary: '案件列表 / cases, newest first',
      querystring: Type.Object({ status: Type.Optional(Type.String({ maxLength: 20 })), classCode: Type.Optional(Type.String({ pattern: '^[CE][0-9]{4}$' })), streetCode: Type.Optional(Type.String({ pattern: '^[0-9]{9}$' })), from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ListItem) }), ...errors },
    },
  }, async (request) => {
    const q = request.query;
    return { items: await listCases(db, { ...q, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined }) };
  });

  app.get('/api/v1/cases/mine', {
    config: { access: { authenticated: true } },
    schema: { tags: ['cases'], summary: '我的上报 / the cases I reported', response: { 200: Type.Object({ items: Type.Array(Type.Intersect([ListItem, Type.Object({ rating: Type.Union([Type.Integer(), Type.Null()]) })])) }), 401: problem } },
  }, async (request) => ({ items: await myCases(db, request.actor!) }));

  app.get<{ Querystring: { days?: number } }>('/api/v1/cases/public', {
    config: { access: { public: true } },
    schema: {
      tags: ['cases'],
      summary: '公众案件地图（不含个人信息）/ recent cases for the public map, nothing personal',
      querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ caseNo: Type.String(), className: Type.String(), status: Type.String(), lng: Type.Number(), lat: Type.Number(), reportedOn: Type.String() })) }) },
    },
  }, async (request) => ({ items: await publicCases(db, request.query.days ?? 30) }));

  app.get('/api/v1/cases/stats', {
    config: { access: { permission: 'cases:read' } },
    schema: {
      tags: ['cases'],
      summary: '城市运行态势（指挥大屏）/ live figures for the command screen',
      response: {
        200: Type.Object({
          at: Type.String(),
          today: Type.Object({ reported: Type.Integer(), filed: Type.Integer(), closed: Type.Integer(), byInspectors: Type.Integer() }),
          open: Type.Record(Type.String(), Type.Integer()),
          overdueSteps: Type.Integer(),
          topClasses: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), count: Type.Integer() })),
          byStreet: Type.Array(Type.Object({ streetCode: Type.String(), reported: Type.Integer(), closed: Type.Integer(), closedOnTime: Type.Integer() })),
          recent: Type.Array(Type.Object({ id: Type.String(), caseNo: Type.String(), className: Type.String(), status: Type.String(), urgent: Type.Boolean(), lng: Type.Number(), lat: Type.Number(), reportedAt: Type.String() })),
        }),
        401: problem,
        403: problem,
      },
    },
  }, async () => caseStats(db));

  app.get<{ Params: { id: string } }>('/api/v1/cases/:id', {
    config: { access: { authenticated: true } },
    schema: { tags: ['cases'], summary: '案件详情 / one case', params: Id, response: { 200: DetailReply, ...errors } },
  }, async (request) => caseDetail(db, request.actor!, request.params.id, departmentOf));

  app.get<{ Params: { id: string; fileId: string } }>('/api/v1/cases/:id/photos/:fileId', {
    config: { access: { authenticated: true } },
    schema: { tags: ['cases'], summary: '案件照片 / a photo of a case', params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: { 401: problem, 404: problem } },
  }, async (request, reply) => {
    const detail = await caseDetail(db, request.actor!, request.params.id, departmentOf);
    if (!detail.photos.some((p) => p.fileId === request.params.fileId)) throw fileErrors.notFound();
    const files = db as unknown as FilesDb;
    const file = (await findFile(files, request.params.fileId))!;
    reply.header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').header('content-disposition', contentDisposition(file.name));
    return reply.type(file.mediaType).header('content-length', file.size).send(await openContent(files, deps.kernel.files.store, request.actor!, file, request.ip ?? null));
  });

  app.post<{ Params: { id: string }; Body: { stars: number } }>('/api/v1/cases/:id/rating', {
    config: { access: { authenticated: true } },
    schema: { tags: ['cases'], summary: '评价处置结果 / rate the result (the reporter, once, after closure)', params: Id, body: Type.Object({ stars: Type.Integer({ minimum: 1, maximum: 5 }) }, { additionalProperties: false }), response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors } },
  }, async (request) => {
    await rateCase(db, request.actor!, request.params.id, request.body.stars, request.ip ?? null);
    return { ok: true as const };
  });
}
