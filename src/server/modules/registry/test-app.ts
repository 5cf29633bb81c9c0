import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildActor } from '../../../../test/helpers/actors';
import { chainAudit } from '../../../../test/helpers/audit';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import type { Actor } from '../../kernel/access';

/**
 * A real app on a fresh database with test actors bound to the demo accounts (their roles decide
 * the visible fields): clerk (window clerk, may reveal), reviewer (市场监管局, owns legal persons),
 * police (the reviewer's account acting for 区公安局, owns natural persons), handler, leader,
 * secadmin (field grants).
 */
export async function registryTestApp() {
  const t: TestDatabase = await freshDatabase();
  const actors = new Map<string, Actor>();
  const app: FastifyInstance = await buildTestApp(t.database, { resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  const org: Record<string, string> = {};
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  const ids: Record<string, string> = {};
  for (const a of (await sql<{ id: string; username: string }>`SELECT id, username FROM account`.execute(t.database.db)).rows) ids[a.username] = a.id;
  const staff = (name: string, username: string, orgName: string, permissions: string[], scope: 'own' | 'district' = 'own') =>
    actors.set(name, buildActor({ accountId: ids[username]!, displayName: name, orgId: org[orgName]!, permissions, scope, anchorOrgId: org[orgName]! }));
  staff('clerk', 'clerk', '区行政服务中心', ['registry:read', 'registry:objection.raise', 'personal:reveal'], 'district');
  staff('reviewer', 'reviewer', '区市场监管局', ['registry:read', 'registry:maintain', 'registry:objection.raise', 'registry:objection.handle']);
  staff('police', 'reviewer', '区公安局', ['registry:read', 'registry:maintain', 'registry:objection.raise', 'registry:objection.handle']);
  staff('handler', 'handler', '区城市管理局', ['registry:read', 'registry:objection.raise']);
  staff('leader', 'leader', '区政府办公室', ['registry:read'], 'district');
  staff('secadmin', 'secadmin', '重庆市永川区', ['registry:fields.manage'], 'district');
  const as = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload ? { payload } : {}) });
  const csv = (who: string, register: string, body: string, mode?: string) =>
    app.inject({ method: 'POST', url: `/api/v1/registry/${register}/import${mode ? `?mode=${mode}` : ''}`, headers: { 'x-test-actor': who, 'content-type': 'text/csv; charset=utf-8' }, payload: body });
  const audits = async (action: string) => {
    await chainAudit(t);
    return (await sql<{ object_id: string | null; details: Record<string, unknown>; actor_id: string }>`SELECT object_id, details, actor_id FROM audit_log WHERE action = ${action} ORDER BY seq`.execute(t.database.db)).rows;
  };
  return { t, app, actors, org, ids, as, csv, audits, close: async () => { await app.close(); await t.drop(); } };
}
