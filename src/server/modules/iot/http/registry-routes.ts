/** Routes of the device registry: types, devices, tokens, CSV import. Thin: access → schema → service → reply. */
import { Type } from '@sinclair/typebox';
import type { Actor, RouteAccess } from '../../../kernel/access';
import type { App } from '../../../kernel/module';
import { deviceQueries, type DeviceFilter } from '../registry/device-queries';
import { deviceTypes, type TypeInput, type TypePatch } from '../registry/device-types';
import { devices, type DeviceInput, type DevicePatch, type RegistryDeps } from '../registry/devices';
import { importDevices, maxImportRows } from '../registry/import';
import { DeviceBody, DeviceId, DeviceListQuery, DevicePatchBody, DeviceReply, TokenNote, TypeBody, TypeCode, TypePatchBody, TypeReply } from './schemas';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const manage: { access: RouteAccess } = { access: { permission: 'iot:devices.manage' } };
const read: { access: RouteAccess } = { access: { anyPermission: ['iot:read', 'iot:devices.manage'] } };
const CodeParams = Type.Object({ code: TypeCode }, { additionalProperties: false });
const IdParams = Type.Object({ id: DeviceId }, { additionalProperties: false });
const tags = ['iot'];

export async function registryRoutes(app: App, deps: RegistryDeps): Promise<void> {
  const { db } = deps;
  const change = (request: { actor: Actor | null; ip: string }) => ({ actor: request.actor!, ip: request.ip ?? null });

  app.get('/api/v1/iot/device-types', {
    config: read,
    schema: { tags, summary: '设备类型 / device types', response: { 200: Type.Object({ items: Type.Array(TypeReply) }), ...errors } },
  }, async () => ({ items: await deviceTypes.list(db) }));

  app.get<{ Params: { code: string } }>('/api/v1/iot/device-types/:code', {
    config: read,
    schema: { tags, summary: '一个设备类型 / one device type', params: CodeParams, response: { 200: TypeReply, ...errors } },
  }, async (request) => deviceTypes.get(db, request.params.code));

  app.post<{ Body: TypeInput }>('/api/v1/iot/device-types', {
    config: manage,
    schema: { tags, summary: '新建设备类型 / create a device type', body: TypeBody, response: { 201: TypeReply, ...errors } },
  }, async (request, reply) => {
    const created = await deviceTypes.create(db, request.actor!, request.ip ?? null, request.body);
    deps.changed();
    return reply.code(201).send(created);
  });

  app.patch<{ Params: { code: string }; Body: TypePatch }>('/api/v1/iot/device-types/:code', {
    config: manage,
    schema: { tags, summary: '修改设备类型（量程、间隔、保留期）/ change a device type', params: CodeParams, body: TypePatchBody, response: { 200: TypeReply, ...errors } },
  }, async (request) => {
    const updated = await deviceTypes.update(db, request.actor!, request.ip ?? null, request.params.code, request.body);
    deps.changed();
    return updated;
  });

  app.delete<{ Params: { code: string } }>('/api/v1/iot/device-types/:code', {
    config: manage,
    schema: { tags, summary: '删除未被使用的设备类型 / delete an unused device type', params: CodeParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deviceTypes.remove(db, request.actor!, request.ip ?? null, request.params.code);
    deps.changed();
    return reply.code(204).send();
  });

  app.get<{ Querystring: DeviceFilter }>('/api/v1/iot/devices', {
    config: read,
    schema: {
      tags,
      summary: '设备列表（在线、离线、停用）/ devices with their state',
      description: 'online: last reading at most 2 × the expected interval ago; offline: older or never; disabled: switched off.',
      querystring: DeviceListQuery,
      response: { 200: Type.Object({ items: Type.Array(DeviceReply), total: Type.Integer() }), ...errors },
    },
  }, async (request) => deviceQueries.list(db, request.query));

  app.get<{ Params: { id: string } }>('/api/v1/iot/devices/:id', {
    config: read,
    schema: { tags, summary: '一台设备 / one device', params: IdParams, response: { 200: DeviceReply, ...errors } },
  }, async (request) => deviceQueries.get(db, request.params.id));

  app.post<{ Body: DeviceInput }>('/api/v1/iot/devices', {
    config: manage,
    schema: {
      tags,
      summary: '登记设备（令牌只显示一次）/ register a device (the token is shown once)',
      body: DeviceBody,
      response: { 201: Type.Object({ device: DeviceReply, token: Type.String({ description: TokenNote }) }), ...errors },
    },
  }, async (request, reply) => reply.code(201).send(await devices.create(deps, change(request), request.body)));

  app.patch<{ Params: { id: string }; Body: DevicePatch }>('/api/v1/iot/devices/:id', {
    config: manage,
    schema: { tags, summary: '修改设备（名称、位置、权属、状态）/ change a device', params: IdParams, body: DevicePatchBody, response: { 200: DeviceReply, ...errors } },
  }, async (request) => devices.update(deps, change(request), request.params.id, request.body));

  app.delete<{ Params: { id: string } }>('/api/v1/iot/devices/:id', {
    config: manage,
    schema: { tags, summary: '删除从未上报数据的设备（否则请停用）/ delete a device that never reported', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await devices.remove(deps, change(request), request.params.id);
    return reply.code(204).send();
  });

  app.post<{ Params: { id: string } }>('/api/v1/iot/devices/:id/token', {
    config: manage,
    schema: {
      tags,
      summary: '更换设备令牌（旧令牌随即失效）/ rotate the token',
      params: IdParams,
      response: { 200: Type.Object({ id: Type.String(), token: Type.String({ description: TokenNote }), rotatedAt: Type.String() }), ...errors },
    },
  }, async (request) => devices.rotateToken(deps, change(request), request.params.id));

  await app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post<{ Body: string }>('/api/v1/iot/devices/import', {
      config: manage,
      schema: {
        tags,
        summary: '批量导入设备（CSV，全部成功或全部不导入）/ import devices from CSV, all or nothing',
        description:
          `Content-Type: text/csv. Header row with: id, type, name, owner (organisation name or id), lng, lat, installDate (optional, YYYY-MM-DD), status (optional) — ` +
          `or 编号, 类型, 名称, 权属单位, 经度, 纬度, 安装日期, 状态. At most ${maxImportRows} rows. 422 lists every problem as errors[].field = /body/rows/<line>/<column>.`,
        body: Type.String({ minLength: 1 }),
        response: {
          201: Type.Object({ imported: Type.Integer(), devices: Type.Array(Type.Object({ id: Type.String(), token: Type.String({ description: TokenNote }), unitGridCode: Type.Union([Type.String(), Type.Null()]) })) }),
          ...errors,
        },
      },
    }, async (request, reply) => reply.code(201).send(await importDevices(deps, change(request), request.body)));
  });
}
