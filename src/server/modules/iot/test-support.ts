/** Shared set-up of the iot module's tests: a fresh database, the real app, actors, devices with known tokens. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildActor } from '../../../../test/helpers/actors';
import { testKernel } from '../../../../test/helpers/app';
import { buildApp } from '../../kernel/http/app';
import type { Kernel } from '../../kernel/module';
import { modules } from '..';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import type { Actor } from '../../kernel/access';
import { ownTables } from '../../kernel/db/database';
import { createLogger } from '../../kernel/logger';
import { iotRuntime, type IotRuntime } from './runtime';
import type { IotDb, IotTables } from './store';

export interface IotTestbed {
  t: TestDatabase;
  app: FastifyInstance;
  /** the app's kernel (jobs: `kernel.jobs.runOnce()` delivers events and runs due jobs) */
  kernel: Kernel;
  db: IotDb;
  runtime: IotRuntime;
  org: Record<string, string>;
  as(who: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object | string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** registers a device through the API as the administrator; returns its token */
  device(id: string, typeCode: string, extra?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export const centre = { lng: 105.927, lat: 29.356 };

export async function iotTestbed(): Promise<IotTestbed> {
  const t = await freshDatabase();
  const actors = new Map<string, Actor>();
  const kernel = await testKernel(t.database);
  const app = await buildApp({ kernel, modules, webRoot: '/nonexistent-web-root', resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  await app.ready();
  const org: Record<string, string> = {};
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  const ids: Record<string, string> = {};
  for (const a of (await sql<{ id: string; username: string }>`SELECT id, username FROM account`.execute(t.database.db)).rows) ids[a.username] = a.id;
  actors.set('admin', buildActor({ accountId: ids.sysadmin!, displayName: '系统管理员', permissions: ['iot:devices.manage'] }));
  actors.set('operator', buildActor({ accountId: ids.operator!, displayName: '冯受理', orgId: org['区城市管理局']!, permissions: ['iot:read'], scope: 'own', anchorOrgId: org['区城市管理局']! }));
  actors.set('jw-admin', buildActor({ accountId: ids.jwhandler!, displayName: '住建委设备管理员', orgId: org['区住房城乡建委']!, permissions: ['iot:devices.manage'], scope: 'own', anchorOrgId: org['区住房城乡建委']! }));
  actors.set('shiftlead', buildActor({ accountId: ids.shiftlead!, displayName: '陈值班', orgId: org['区城市管理局']!, permissions: ['iot:read', 'iot:rules.manage', 'iot:alarms.handle'], scope: 'own', anchorOrgId: org['区城市管理局']! }));
  actors.set('citizen', buildActor({ accountId: ids.citizen!, kind: 'citizen', displayName: '张永川' }));
  const as: IotTestbed['as'] = (who, method, url, payload, headers = {}) =>
    app.inject({ method, url, headers: { 'x-test-actor': who, ...headers }, ...(payload !== undefined ? { payload } : {}) });
  const runtime = iotRuntime({ database: t.database, log: createLogger('silent') });
  return {
    t,
    app,
    kernel,
    db: ownTables<IotTables>(t.database),
    runtime,
    org,
    as,
    device: async (id, typeCode, extra = {}) => {
      const r = await as('admin', 'POST', '/api/v1/iot/devices', { id, typeCode, name: `测试设备 ${id}`, ownerOrgId: org['区生态环境局']!, ...centre, ...extra });
      if (r.statusCode !== 201) throw new Error(`device ${id}: ${r.statusCode} ${r.body}`);
      return r.json().token as string;
    },
    close: async () => {
      await app.close();
      await t.drop();
    },
  };
}

/** Telemetry as a device posts it. */
export function post(bed: IotTestbed, deviceId: string, token: string, body: unknown) {
  return bed.app.inject({ method: 'POST', url: '/api/v1/telemetry', headers: { authorization: `Device ${deviceId}:${token}`, 'content-type': 'application/json' }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
}
