/** Routes that read what devices measured: latest values, series, area aggregates, refusals, alarms. */
import { Type } from '@sinclair/typebox';
import type { RouteAccess } from '../../../kernel/access';
import type { App } from '../../../kernel/module';
import { areaAggregates, type AreaFilter } from '../query/aggregates';
import { latestOfDevice, latestOfDevices } from '../query/latest';
import { rejections } from '../query/rejections';
import { series } from '../query/series';
import type { IotDb } from '../store';
import { AggregateQuery, AggregateReply, DeviceId, LatestReply, RejectionsReply, SeriesQuery, SeriesReply, TypeCode } from './schemas';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 422: problem } as const;
const read: { access: RouteAccess } = { access: { anyPermission: ['iot:read', 'iot:devices.manage'] } };
const IdParams = Type.Object({ id: DeviceId }, { additionalProperties: false });
const tags = ['iot'];

export function dataRoutes(app: App, db: IotDb): void {
  app.get<{ Params: { id: string } }>('/api/v1/iot/devices/:id/latest', {
    config: read,
    schema: { tags, summary: '设备最新数据 / the latest value of each quantity', params: IdParams, response: { 200: LatestReply, ...errors } },
  }, async (request) => latestOfDevice(db, request.params.id));

  app.get<{ Querystring: { typeCode?: string; area?: string; limit?: number } }>('/api/v1/iot/latest', {
    config: read,
    schema: {
      tags,
      summary: '各设备最新数据（地图）/ latest values of every active device',
      querystring: Type.Object(
        { typeCode: Type.Optional(TypeCode), area: Type.Optional(Type.String({ pattern: '^[0-9]{6,20}$' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(LatestReply) }), ...errors },
    },
  }, async (request) => ({ items: await latestOfDevices(db, request.query) }));

  app.get<{ Params: { id: string }; Querystring: { quantity: string; from?: string; to?: string } }>('/api/v1/iot/devices/:id/series', {
    config: read,
    schema: {
      tags,
      summary: '时间序列（按时长自动选择原始/分钟/小时）/ a series at the resolution the span calls for',
      description: 'raw below 6 hours, minute roll-ups below 7 days, hour roll-ups beyond (coarser when the finer data has expired). Default: the last 24 hours.',
      params: IdParams,
      querystring: SeriesQuery,
      response: { 200: SeriesReply, ...errors },
    },
  }, async (request) => series(db, request.params.id, request.query.quantity, request.query));

  app.get<{ Querystring: AreaFilter }>('/api/v1/iot/aggregates', {
    config: read,
    schema: {
      tags,
      summary: '区域汇总（网格、社区、街镇或经纬度范围）/ aggregates over an area or a bounding box',
      querystring: AggregateQuery,
      response: { 200: AggregateReply, ...errors },
    },
  }, async (request) => areaAggregates(db, request.query));

  app.get<{ Querystring: { deviceId?: string } }>('/api/v1/iot/rejections', {
    config: read,
    schema: {
      tags,
      summary: '拒收统计与样例（按设备、原因）/ refused readings per device and reason, with recent samples',
      description: "deviceId '*' counts every unknown device id.",
      querystring: Type.Object({ deviceId: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false }),
      response: { 200: RejectionsReply, ...errors },
    },
  }, async (request) => rejections(db, request.query));
}
