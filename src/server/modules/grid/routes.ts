import type { FastifyRequest } from 'fastify';
import type { App } from '../../kernel/module';
import { managePermission, type GridChange } from './change';
import { areaService } from './area-service';
import { gridErrors } from './errors';
import { responsibilityService } from './responsibility-service';
import {
  AreaCollectionSchema,
  AreasQuery,
  CodeParams,
  CommunityQuery,
  CreateResponsibilityBody,
  ExportCollectionSchema,
  GridHitSchema,
  IdParams,
  ImportBody,
  ImportResultSchema,
  LocateQuery,
  ResponsibilityGridSchema,
  ResponsibilityListSchema,
  ResponsibilityQuery,
  UnitGridCollectionSchema,
  UnitGridFeatureSchema,
  UnitGridsQuery,
  UpdateResponsibilityBody,
} from './schemas';
import type { GridContext } from './context';
import { unitService } from './unit-service';

const problem = { $ref: 'Problem#' } as const;
const tags = ['grid'];
const manage = { access: { permission: managePermission } };
// Unit grids, responsibility grids and lookups are working data of city management: staff only.
const signedIn = { access: { authenticated: true as const } };

/** Thin handlers: access (declared) → validate (schema) → service → present. */
export function gridRoutes(app: App, ctx: GridContext): void {
  const change = (request: FastifyRequest): GridChange => ({ actor: request.actor!, ip: request.ip, zone: ctx.kernel.config.zone });

  app.get<{ Querystring: typeof LocateQuery.static }>(
    '/api/v1/grid/locate',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '坐标定位单元网格 / the unit grid at a point',
        querystring: LocateQuery,
        response: { 200: GridHitSchema, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => {
      const { lng, lat } = request.query;
      const index = await ctx.locator.current();
      const hit = index.locate(lng, lat);
      if (hit) return hit;
      // "outside" only when the outline is known (a deployment may have imported unit grids but no boundaries)
      throw index.hasOutline && !index.insideDistrict(lng, lat) ? gridErrors.outsideDistrict(lng, lat) : gridErrors.noUnitGrid(lng, lat);
    },
  );

  // Administrative boundaries are public information and carry no personal data: the portal's
  // map shows them to citizens reporting a problem.
  app.get<{ Querystring: typeof AreasQuery.static }>(
    '/api/v1/grid/areas',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '行政区划边界（GeoJSON）/ areas of one level as GeoJSON',
        querystring: AreasQuery,
        response: { 200: AreaCollectionSchema, 400: problem },
      },
    },
    async (request) => areaService.collection(ctx.db, request.query.level ?? 'street'),
  );

  app.get<{ Querystring: typeof UnitGridsQuery.static }>(
    '/api/v1/grid/unit-grids',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '单元网格（按社区或范围，GeoJSON）/ unit grids of a community or a bbox',
        querystring: UnitGridsQuery,
        response: { 200: UnitGridCollectionSchema, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => unitService.list(ctx.db, request.query),
  );

  app.get<{ Querystring: typeof CommunityQuery.static }>(
    '/api/v1/grid/unit-grids/export',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '导出社区单元网格（导入格式）/ export a community\'s unit grids in the import format',
        querystring: CommunityQuery,
        response: { 200: ExportCollectionSchema, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const collection = await unitService.export(ctx.db, request.query.community);
      return reply.header('content-disposition', `attachment; filename="unit-grids-${request.query.community}.geojson"`).send(collection);
    },
  );

  app.get<{ Params: typeof CodeParams.static }>(
    '/api/v1/grid/unit-grids/:code',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '单元网格详情 / one unit grid',
        params: CodeParams,
        response: { 200: UnitGridFeatureSchema, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => unitService.get(ctx.db, request.params.code),
  );

  app.post<{ Body: typeof ImportBody.static }>(
    '/api/v1/grid/unit-grids/import',
    {
      config: manage,
      schema: {
        tags,
        summary: '导入单元网格（GeoJSON，全部成功或全部不导入）/ import unit grids, all or nothing',
        body: ImportBody,
        response: { 200: ImportResultSchema, 400: problem, 401: problem, 403: problem, 413: problem, 422: problem },
      },
    },
    async (request) => unitService.import(ctx, change(request), request.body),
  );

  app.get<{ Querystring: typeof ResponsibilityQuery.static }>(
    '/api/v1/grid/responsibility-grids',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '责任网格列表 / responsibility grids',
        querystring: ResponsibilityQuery,
        response: { 200: ResponsibilityListSchema, 400: problem, 401: problem },
      },
    },
    async (request) => ({ items: await responsibilityService.list(ctx.db, request.query.community) }),
  );

  app.get<{ Params: typeof IdParams.static }>(
    '/api/v1/grid/responsibility-grids/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '责任网格详情 / one responsibility grid',
        params: IdParams,
        response: { 200: ResponsibilityGridSchema, 400: problem, 401: problem, 404: problem },
      },
    },
    async (request) => responsibilityService.get(ctx.db, request.params.id),
  );

  app.post<{ Body: typeof CreateResponsibilityBody.static }>(
    '/api/v1/grid/responsibility-grids',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建责任网格 / create a responsibility grid',
        body: CreateResponsibilityBody,
        response: { 201: ResponsibilityGridSchema, 400: problem, 401: problem, 403: problem, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.code(201).send(await responsibilityService.create(ctx, change(request), request.body)),
  );

  app.patch<{ Params: typeof IdParams.static; Body: typeof UpdateResponsibilityBody.static }>(
    '/api/v1/grid/responsibility-grids/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改责任网格（名称、监督员、单元网格）/ change a responsibility grid',
        params: IdParams,
        body: UpdateResponsibilityBody,
        response: { 200: ResponsibilityGridSchema, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => responsibilityService.update(ctx, change(request), request.params.id, request.body),
  );
}
