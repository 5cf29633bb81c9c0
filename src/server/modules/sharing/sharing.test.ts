import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { shanghaiDate } from '../../kernel/calendar';
import { addDays } from '../../kernel/calendar/calendar-date';
import type { Actor } from '../../kernel/access';
import { sm3 } from '../../kernel/crypto';
import { demoLegals, demoPersons } from '../registry/seed-data';

let t: TestDatabase;
let app: FastifyInstance;
const actors = new Map<string, Actor>();
const org: Record<string, string> = {};
const perms = ['catalog:read', 'catalog:maintain', 'catalog:approve', 'sharing:request', 'sharing:system.manage', 'sharing:compliance', 'sharing:decide', 'sharing:provide', 'sharing:usage.read'];
const today = shanghaiDate(new Date());

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  const accounts = new Map((await sql<{ id: string; username: string }>`SELECT id, username FROM account`.execute(t.database.db)).rows.map((a) => [a.username, a.id]));
  const staff = (name: string, orgName: string, username: string, permissions = perms) =>
    actors.set(name, buildActor({ accountId: accounts.get(username)!, displayName: name, orgId: org[orgName]!, permissions, scope: 'own', anchorOrgId: org[orgName]! }));
  staff('market', '区市场监管局', 'reviewer');
  staff('city', '区城市管理局', 'cgreviewer');
  staff('authority', '区大数据发展局', 'datareviewer');
  staff('centre', '区行政服务中心', 'clerk');
  staff('handler', '区住房城乡建委', 'jwhandler', ['catalog:read']);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const as = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload ? { payload } : {}) });
const fetchAs = (key: string | null, resource: string, query = '') =>
  app.inject({ method: 'GET', url: `/exchange/v1/resources/${encodeURIComponent(resource)}/records${query}`, headers: key ? { authorization: `Bearer ${key}` } : {} });
const count = async (table: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n;

const licence = {
  name: '食品经营许可信息',
  catalogKind: 'department',
  classCode: '308003',
  abstract: '食品经营许可证的许可证编号、经营者、经营场所和有效期。',
  format: 'database',
  items: [
    { name: '许可证编号', type: 'string', length: 30 },
    { name: '经营者名称', type: 'string', length: 200 },
    { name: '统一社会信用代码', type: 'string', length: 18 },
    { name: '经营场所', type: 'string', length: 200 },
    { name: '有效期至', type: 'date' },
  ],
  shareType: 'conditional',
  shareCondition: '用于市场监管协同和城市管理执法核验。',
  shareBasis: '《食品安全法》第三十五条',
  shareMethods: ['api'],
  openType: 'none',
  openCondition: '',
  updateCycle: 'daily',
  classification: 'internal',
  relatedCodes: [],
};
const rows = [
  { 许可证编号: 'JY15001180000001', 经营者名称: '永川区李记面馆', 统一社会信用代码: '92500118MA5U000001', 经营场所: '重庆市永川区中山路街道人民大道 12 号', 有效期至: '2029-05-31' },
  { 许可证编号: 'JY15001180000002', 经营者名称: '永川区茶山竹海农家乐', 统一社会信用代码: '92500118MA5U000002', 经营场所: '重庆市永川区卫星湖街道南华社区 3 号', 有效期至: '2027-12-31' },
];

let resourceId = '';
let systemId = '';
let key = '';
let requestId = '';

describe('data sharing: a conditional resource from publication to a signed exchange', () => {
  it('the provider publishes a conditional resource through the data authority and connects its rows', async () => {
    const created = await as('market', 'POST', '/api/v1/catalog/resources', { ...licence, providerOrgId: org['区市场监管局'] });
    expect(created.statusCode).toBe(201);
    resourceId = created.json().id;
    const { instanceId } = (await as('market', 'POST', `/api/v1/catalog/resources/${resourceId}/submit`)).json();
    expect((await as('authority', 'POST', `/api/v1/workflow/instances/${instanceId}/actions/approve`, {})).statusCode).toBe(200);

    // rows that do not fit the items change nothing
    const bad = await as('market', 'PUT', `/api/v1/sharing/resources/${resourceId}/rows`, { rows: [{ 许可证编号: 'X', 面积: 3 }, { 有效期至: '明年' }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/rows/0/面积', '/body/rows/1/有效期至']);
    expect(await count('share_row')).toBeGreaterThan(0); // the demo tables only
    // another department cannot fill it
    expect((await as('city', 'PUT', `/api/v1/sharing/resources/${resourceId}/rows`, { rows })).statusCode).toBe(403);
    expect((await as('market', 'PUT', `/api/v1/sharing/resources/${resourceId}/rows`, { rows })).json()).toEqual({ rows: 2 });
    const listed = (await as('city', 'GET', '/api/v1/sharing/resources')).json().items.find((r: { id: string }) => r.id === resourceId);
    expect(listed).toMatchObject({ shareType: 'conditional', source: 'table', providerName: '区市场监管局' });
  });

  it('the consumer registers a system and gets a key shown once; without a grant the exchange refuses', async () => {
    const system = await as('city', 'POST', '/api/v1/sharing/systems', { name: '城市管理综合执法系统' });
    expect(system.statusCode).toBe(201);
    systemId = system.json().id;
    expect((await as('city', 'POST', '/api/v1/sharing/systems', { name: '城市管理综合执法系统' })).json().code).toBe('SHARING_SYSTEM_NAME_TAKEN');
    expect((await as('market', 'POST', `/api/v1/sharing/systems/${systemId}/keys`)).statusCode).toBe(403);
    const issued = await as('city', 'POST', `/api/v1/sharing/systems/${systemId}/keys`);
    expect(issued.statusCode).toBe(201);
    key = issued.json().secret;
    expect(key).toMatch(/^sxk_/);
    const stored = (await sql<{ key_hash: string }>`SELECT key_hash FROM share_system_key WHERE system_id = ${systemId}`.execute(t.database.db)).rows[0]!;
    expect(stored.key_hash).toBe(sm3(key));
    expect(JSON.stringify((await as('city', 'GET', '/api/v1/sharing/systems')).json())).not.toContain(key);

    expect((await fetchAs(null, resourceId)).statusCode).toBe(401);
    expect((await fetchAs('sxk_wrong', resourceId)).json().code).toBe('EXCHANGE_KEY_INVALID');
    const refused = await fetchAs(key, resourceId);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('EXCHANGE_NO_GRANT');
  });

  it('refuses bad requests with the field at fault and writes nothing', async () => {
    const before = await count('share_request');
    const base = { resourceId, systemId, purpose: '城市管理执法中核验食品经营者的许可状态', fields: ['许可证编号', '经营者名称', '有效期至'], periodFrom: today, periodTo: addDays(today, 365), legalBasis: '《食品安全法》第三十五条' };
    const unknown = await as('city', 'POST', '/api/v1/sharing/requests', { ...base, fields: ['许可证编号', '法定代表人身份证'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'SHARING_UNKNOWN_FIELDS', errors: [{ field: '/body/fields' }] });
    expect((await as('city', 'POST', '/api/v1/sharing/requests', { ...base, periodFrom: addDays(today, -3) })).json().code).toBe('SHARING_BAD_PERIOD');
    expect((await as('city', 'POST', '/api/v1/sharing/requests', { ...base, periodTo: addDays(today, 5 * 365) })).json().code).toBe('SHARING_BAD_PERIOD');
    expect((await as('city', 'POST', '/api/v1/sharing/requests', { ...base, purpose: '' })).statusCode).toBe(400);
    // a system of another department, an unconditional resource, one's own resource
    expect((await as('market', 'POST', '/api/v1/sharing/requests', base)).statusCode).toBe(403);
    const persons = (await as('city', 'GET', '/api/v1/sharing/resources')).json().items.find((r: { name: string }) => r.name === '自然人基础信息');
    expect((await as('city', 'POST', '/api/v1/sharing/requests', { ...base, resourceId: persons.id, fields: ['姓名'] })).json().code).toBe('SHARING_UNCONDITIONAL');
    expect(await count('share_request')).toBe(before);

    const made = await as('city', 'POST', '/api/v1/sharing/requests', base);
    expect(made.statusCode).toBe(201);
    requestId = made.json().id;
    expect(made.json()).toMatchObject({ status: 'compliance', number: expect.stringMatching(/^GX\d{8}\d{5}$/), providerName: '区市场监管局', consumerName: '区城市管理局' });
  });

  it('goes to the data authority (2 working days), then the provider (10 working days)', async () => {
    const request = (await as('city', 'GET', `/api/v1/sharing/requests/${requestId}`)).json();
    const step = (await sql<{ org_id: string; due_at: Date }>`SELECT s.org_id, s.due_at FROM wf_step s WHERE s.instance_id = ${request.instanceId} AND s.left_at IS NULL`.execute(t.database.db)).rows[0]!;
    expect(step.org_id).toBe(org['区大数据发展局']);
    // the provider cannot pass compliance, nor decide before compliance
    expect((await as('market', 'POST', `/api/v1/sharing/requests/${requestId}/compliance`, { decision: 'pass' })).statusCode).toBe(403);
    expect((await as('market', 'POST', `/api/v1/sharing/requests/${requestId}/decision`, { decision: 'grant' })).json().code).toBe('SHARING_WRONG_STAGE');
    expect((await as('authority', 'POST', `/api/v1/sharing/requests/${requestId}/compliance`, { decision: 'refuse' })).json().code).toBe('SHARING_REASON_REQUIRED');
    const passed = await as('authority', 'POST', `/api/v1/sharing/requests/${requestId}/compliance`, { decision: 'pass', comment: '用途明确，依据充分' });
    expect(passed.statusCode).toBe(200);
    expect(passed.json().status).toBe('provider');
    const next = (await sql<{ org_id: string }>`SELECT org_id FROM wf_step WHERE instance_id = ${request.instanceId} AND left_at IS NULL`.execute(t.database.db)).rows[0]!;
    expect(next.org_id).toBe(org['区市场监管局']);
    // another department's reviewer holds sharing:decide, but not for this provider
    expect((await as('centre', 'POST', `/api/v1/sharing/requests/${requestId}/decision`, { decision: 'grant' })).statusCode).toBe(403);
    expect((await as('market', 'POST', `/api/v1/sharing/requests/${requestId}/decision`, { decision: 'grant', fields: ['经营场所'] })).json().code).toBe('SHARING_FIELDS_NOT_REQUESTED');
    const granted = await as('market', 'POST', `/api/v1/sharing/requests/${requestId}/decision`, { decision: 'grant', fields: ['许可证编号', '经营者名称', '有效期至'] });
    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', grantId: expect.any(String) });
    const grants = (await as('city', 'GET', '/api/v1/sharing/grants?role=consumer')).json().items;
    expect(grants).toEqual([expect.objectContaining({ status: 'active', fields: ['许可证编号', '经营者名称', '有效期至'], validFrom: today, system: { id: systemId, name: '城市管理综合执法系统' } })]);
  });

  it('serves only the granted items, to this system’s key, with the digest of what it sent', async () => {
    const res = await fetchAs(key, resourceId, `?${new URLSearchParams({ 许可证编号: 'JY15001180000002' })}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().records).toEqual([{ 许可证编号: 'JY15001180000002', 经营者名称: '永川区茶山竹海农家乐', 有效期至: '2027-12-31' }]);
    expect(res.headers['x-content-sm3']).toBe(sm3(res.body));
    const all = (await fetchAs(key, resourceId)).json();
    expect(all.records).toHaveLength(2);
    expect(Object.keys(all.records[0])).toEqual(['许可证编号', '经营者名称', '有效期至']);
    // an item outside the grant, asked for or searched by
    const outside = await fetchAs(key, resourceId, '?fields=经营者名称,经营场所');
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'EXCHANGE_FIELD_NOT_GRANTED', errors: [{ field: '/querystring/fields' }] });
    expect((await fetchAs(key, resourceId, `?${new URLSearchParams({ 统一社会信用代码: '92500118MA5U000001' })}`)).json().code).toBe('EXCHANGE_FIELD_NOT_GRANTED');
    expect((await fetchAs(key, resourceId, '?limit=5000')).json().code).toBe('EXCHANGE_BAD_PAGING');
    // another department's system holds no grant
    const other = (await as('centre', 'GET', '/api/v1/sharing/systems')).json().items[0];
    const otherKey = (await as('centre', 'POST', `/api/v1/sharing/systems/${other.id}/keys`)).json().secret;
    expect((await fetchAs(otherKey, resourceId)).json().code).toBe('EXCHANGE_NO_GRANT');
  });

  it('the provider sees the signed log and can prove what was sent; an altered record no longer verifies', async () => {
    const log = (await as('market', 'GET', '/api/v1/sharing/exchanges?role=provider')).json();
    const mine = log.items.filter((e: { resource: { id: string } }) => e.resource.id === resourceId);
    expect(mine.length).toBe(2);
    expect(mine[0]).toMatchObject({ system: { name: '城市管理综合执法系统' }, consumerName: '区城市管理局', fields: ['许可证编号', '经营者名称', '有效期至'] });
    // the consumer's own view; a third department sees none of it
    expect((await as('city', 'GET', '/api/v1/sharing/exchanges?role=consumer')).json().total).toBe(2);
    expect((await as('handler', 'GET', '/api/v1/sharing/exchanges?role=provider')).statusCode).toBe(403);
    const one = mine.find((e: { queryItems: string[] }) => e.queryItems.includes('许可证编号'));
    const proof = (await as('market', 'GET', `/api/v1/sharing/exchanges/${one.id}/proof`)).json();
    expect(proof).toMatchObject({ leafValid: true, pathValid: true, signatureValid: true });
    expect(proof.batch.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    await sql`UPDATE share_exchange SET rows = 99 WHERE id = ${one.id}`.execute(t.database.db);
    expect((await as('market', 'GET', `/api/v1/sharing/exchanges/${one.id}/proof`)).json()).toMatchObject({ leafValid: false, signatureValid: true });
    await sql`UPDATE share_exchange SET rows = 1 WHERE id = ${one.id}`.execute(t.database.db);
    await sql`UPDATE share_exchange_batch SET root = ${'0'.repeat(64)} WHERE id = ${proof.batch.id}`.execute(t.database.db);
    expect((await as('market', 'GET', `/api/v1/sharing/exchanges/${one.id}/proof`)).json()).toMatchObject({ leafValid: true, pathValid: false, signatureValid: false });
  });

  it('after its end date or once revoked, the grant serves nothing; a revoked key is refused', async () => {
    const grantId = (await as('city', 'GET', `/api/v1/sharing/requests/${requestId}`)).json().grantId;
    await sql`UPDATE share_grant SET valid_from = ${addDays(today, -30)}::date, valid_until = ${addDays(today, -1)}::date WHERE id = ${grantId}`.execute(t.database.db);
    await expect.poll(async () => (await fetchAs(key, resourceId)).json().code).toBe('EXCHANGE_GRANT_EXPIRED');
    await sql`UPDATE share_grant SET valid_until = ${addDays(today, 30)}::date WHERE id = ${grantId}`.execute(t.database.db);
    await expect.poll(async () => (await fetchAs(key, resourceId)).statusCode).toBe(200);
    expect((await as('city', 'POST', `/api/v1/sharing/grants/${grantId}/revoke`, { reason: '不再需要' })).statusCode).toBe(403);
    expect((await as('market', 'POST', `/api/v1/sharing/grants/${grantId}/revoke`, { reason: '超出约定用途使用' })).statusCode).toBe(204);
    await expect.poll(async () => (await fetchAs(key, resourceId)).json().code).toBe('EXCHANGE_NO_GRANT');
    const keyId = (await as('city', 'GET', '/api/v1/sharing/systems')).json().items.find((s: { id: string }) => s.id === systemId).keys[0].id;
    expect((await as('city', 'DELETE', `/api/v1/sharing/systems/${systemId}/keys/${keyId}`)).statusCode).toBe(204);
    await expect.poll(async () => (await fetchAs(key, resourceId)).json().code).toBe('EXCHANGE_KEY_INVALID');
  });

  it('a refusal by the provider needs its reasons and grants nothing', async () => {
    const system = (await as('city', 'POST', '/api/v1/sharing/systems', { name: '城管执法移动端' })).json();
    const made = (await as('city', 'POST', '/api/v1/sharing/requests', { resourceId, systemId: system.id, purpose: '执法人员现场核验经营场所', fields: ['经营场所'], periodFrom: today, periodTo: addDays(today, 90), legalBasis: '《行政处罚法》第五十四条' })).json();
    await as('authority', 'POST', `/api/v1/sharing/requests/${made.id}/compliance`, { decision: 'pass' });
    expect((await as('market', 'POST', `/api/v1/sharing/requests/${made.id}/decision`, { decision: 'refuse' })).json().code).toBe('SHARING_REASON_REQUIRED');
    const refused = (await as('market', 'POST', `/api/v1/sharing/requests/${made.id}/decision`, { decision: 'refuse', comment: '经营场所已可通过法人基础信息获取' })).json();
    expect(refused).toMatchObject({ status: 'refused', refusedBy: 'provider', reason: '经营场所已可通过法人基础信息获取', grantId: null });
  });
});

describe('unconditionally shared base registers', () => {
  it('any department’s system looks a person up by ID number; a register is never listed whole', async () => {
    const system = (await as('centre', 'GET', '/api/v1/sharing/systems')).json().items[0];
    const secret = (await as('centre', 'POST', `/api/v1/sharing/systems/${system.id}/keys`)).json().secret;
    const persons = (await as('centre', 'GET', '/api/v1/sharing/resources')).json().items.find((r: { name: string }) => r.name === '自然人基础信息');
    expect(persons).toMatchObject({ source: 'registry', keyItem: '公民身份号码', shareType: 'unconditional' });
    expect((await fetchAs(secret, persons.id)).json().code).toBe('EXCHANGE_KEY_REQUIRED_ITEM');
    const person = demoPersons(1)[0]!;
    const found = await fetchAs(secret, persons.code, `?${new URLSearchParams({ 公民身份号码: person.idNumber.toLowerCase(), fields: '姓名,公民身份号码,人员状态' })}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().records).toEqual([{ 姓名: person.name, 公民身份号码: person.idNumber, 人员状态: '正常' }]);
    const missing = await fetchAs(secret, persons.id, `?${new URLSearchParams({ 公民身份号码: '11010519491231002X' })}`);
    expect(missing.json().records).toEqual([]);
  });

  it('many exchanges at once share few signed batches, and each proves itself', async () => {
    const system = (await as('centre', 'GET', '/api/v1/sharing/systems')).json().items[0];
    const secret = (await as('centre', 'POST', `/api/v1/sharing/systems/${system.id}/keys`)).json().secret;
    const legal = (await as('centre', 'GET', '/api/v1/sharing/resources')).json().items.find((r: { name: string }) => r.name === '法人基础信息');
    const codes = demoLegals(40).map((l) => l.creditCode);
    const batchesBefore = await count('share_exchange_batch');
    const replies = await Promise.all(codes.map((c) => fetchAs(secret, legal.id, `?${new URLSearchParams({ 统一社会信用代码: c })}`)));
    expect(replies.every((r) => r.statusCode === 200 && r.json().records.length === 1)).toBe(true);
    expect(await count('share_exchange_batch')).toBeLessThan(batchesBefore + codes.length);
    const ids = replies.map((r) => r.headers['x-exchange-id']);
    for (const id of ids.slice(0, 10)) expect((await as('centre', 'GET', `/api/v1/sharing/exchanges/${id}/proof`)).json()).toMatchObject({ leafValid: true, pathValid: true, signatureValid: true });
  });
});
