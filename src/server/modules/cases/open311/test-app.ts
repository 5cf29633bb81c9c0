/**
 * For tests: the real app on a fresh database, staff actors chosen by an `x-test-actor` header
 * (as in cases.test.ts), and API keys created through the identity routes.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { buildActor } from '../../../../../test/helpers/actors';
import { buildTestApp } from '../../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../../test/helpers/db';
import type { Actor } from '../../../kernel/access';

export interface Open311TestApp {
  t: TestDatabase;
  app: FastifyInstance;
  org: Record<string, string>;
  as(who: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<LightMyRequestResponse>;
  /** a new API key of the operator's account, carrying `permissions` */
  apiKey(permissions: string[]): Promise<string>;
  /** POST requests.{format} as a form */
  post(fields: Record<string, string | string[]>, format?: 'json' | 'xml'): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Encodes fields as a form; an array value repeats its name (attribute[CODE][]=…). */
export function formBody(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  return params.toString();
}

export async function open311TestApp(): Promise<Open311TestApp> {
  const t = await freshDatabase();
  const actors = new Map<string, Actor>();
  const app = await buildTestApp(t.database, { resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  const org: Record<string, string> = {};
  const ids: Record<string, string> = {};
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  for (const a of (await sql<{ id: string; username: string }>`SELECT id, username FROM account`.execute(t.database.db)).rows) ids[a.username] = a.id;
  const city = org['区城市管理局']!;
  const staff = (username: string, permissions: string[]) =>
    actors.set(username, buildActor({ accountId: ids[username]!, displayName: username, orgId: city, permissions, scope: 'own', anchorOrgId: city }));
  staff('inspector', ['cases:report', 'cases:verify', 'cases:check', 'cases:read']);
  staff('operator', ['cases:accept', 'cases:close', 'cases:read', 'cases:open311.submit']);
  staff('shiftlead', ['cases:file', 'cases:read']);
  staff('dispatcher', ['cases:dispatch', 'cases:read', 'workflow:assign']);
  staff('handler', ['cases:handle']);

  const as = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload ? { payload } : {}) });
  return {
    t,
    app,
    org,
    as,
    apiKey: async (permissions) => {
      const res = await as('operator', 'POST', '/api/v1/auth/api-keys', { name: `open311 ${permissions.join(' ')}`, permissions });
      if (res.statusCode !== 201) throw new Error(`could not create an API key: ${res.body}`);
      return res.json().key as string;
    },
    post: (fields, format = 'json') =>
      app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, payload: formBody(fields) }),
    close: async () => {
      await app.close();
      await t.drop();
    },
  };
}
