import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import type { Actor } from '../../kernel/access';
import { minimalPdf } from '../../kernel/files/test-samples';

let t: TestDatabase;
let app: FastifyInstance;
const actors = new Map<string, Actor>();
const org: Record<string, string> = {};
const manage = ['services:catalog.manage', 'services:catalog.publish'];

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  const accounts = new Map((await sql<{ id: string; username: string }>`SELECT id, username FROM account`.execute(t.database.db)).rows.map((a) => [a.username, a.id]));
  const staff = (name: string, orgName: string, permissions: string[], username = 'reviewer') =>
    actors.set(name, buildActor({ accountId: accounts.get(username)!, displayName: name, orgId: org[orgName]!, permissions, scope: 'own', anchorOrgId: org[orgName]! }));
  staff('market', '区市场监管局', manage);
  staff('builder', '区住房城乡建委', manage, 'jwhandler');
  staff('editor', '区市场监管局', ['services:catalog.manage']);
  staff('clerk', '区行政服务中心', [], 'clerk');
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const as = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1/services${url}`, headers: { 'x-test-actor': who }, ...(payload ? { payload } : {}) });
const itemId = async (code: string) => (await sql<{ id: string }>`SELECT id FROM service_item WHERE code = ${code}`.execute(t.database.db)).rows[0]!.id;
type Draft = Record<string, unknown> & { id: string; revision: number; version: number; dirty: boolean; status: string };
const editable = (d: Draft) => {
  const { id: _i, code: _c, type: _t, tier: _ti, handlingKind: _h, parentId: _p, parent: _pa, department: _d, status: _s, version: _v, dirty: _di, publishedAt: _pu, updatedAt: _u, ...rest } = d;
  return rest;
};
const guide = async (code: string) => (await app.inject({ method: 'GET', url: `/api/v1/services/items/${code}` })).json();

describe('department administrators', () => {
  it('list only their department’s items and the departments they may use', async () => {
    const items = (await as('market', 'GET', '/manage/items')).json().items as Array<{ department: { name: string } }>;
    expect(items.length).toBeGreaterThan(5);
    expect(new Set(items.map((i) => i.department.name))).toEqual(new Set(['区市场监管局']));
    expect((await as('market', 'GET', '/manage/scope')).json()).toEqual({ departments: [{ id: org['区市场监管局'], name: '区市场监管局' }], canPublish: [org['区市场监管局']] });
    expect((await as('market', 'GET', `/manage/items?q=${encodeURIComponent('注销')}`)).json().items.map((i: { name: string }) => i.name)).toEqual(['食品经营许可（注销）', '个体工商户注销登记']);
    expect((await as('clerk', 'GET', '/manage/items')).statusCode).toBe(403);
  });

  it('edit a draft (the portal keeps the published version), publish version 2 with a snapshot, and see the history', async () => {
    const id = await itemId('010000100000');
    const draft = (await as('market', 'GET', `/manage/items/${id}`)).json() as Draft;
    expect(draft).toMatchObject({ status: 'published', version: 1, dirty: false, name: '食品经营许可' });
    const saved = await as('editor', 'PUT', `/manage/items/${id}`, { ...editable(draft), promisedDays: 3, steps: (draft.steps as object[]).map((step, i) => ({ ...step, days: i < 3 ? 1 : 0 })) });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ promisedDays: 3, revision: draft.revision + 1, dirty: true, version: 1 });
    expect((await guide('010000100000')).promisedDays).toBe(5);
    // the editor may not publish; the department's publisher may
    expect((await as('editor', 'POST', `/manage/items/${id}/publish`, { note: '压缩承诺时限' })).statusCode).toBe(403);
    const published = await as('market', 'POST', `/manage/items/${id}/publish`, { note: '承诺时限由 5 个工作日压缩为 3 个工作日' });
    expect(published.json()).toMatchObject({ version: 2 });
    expect(await guide('010000100000')).toMatchObject({ promisedDays: 3, version: 2 });
    expect((await as('market', 'POST', `/manage/items/${id}/publish`, { note: '再发一次' })).json().code).toBe('SERVICES_NOTHING_TO_PUBLISH');
    const versions = (await as('market', 'GET', `/manage/items/${id}/versions`)).json().items;
    expect(versions.map((v: { version: number; publishedBy: string }) => [v.version, v.publishedBy])).toEqual([[2, 'market'], [1, '系统初始化']]);
    const v1 = (await as('market', 'GET', `/manage/items/${id}/versions/1`)).json();
    expect(v1.guide).toMatchObject({ promisedDays: 5, version: 1 });
    const audit = await sql<{ action: string }>`SELECT action FROM audit_pending WHERE object_id = ${id} UNION ALL SELECT action FROM audit_log WHERE object_id = ${id}`.execute(t.database.db);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['services.item.publish', 'services.item.update']);
  });

  it('refuses another department’s item (audited), a stale revision, and bad input with the fields at fault', async () => {
    const id = await itemId('010000400000'); // 建筑工程施工许可证核发, 区住房城乡建委
    const draft = (await as('builder', 'GET', `/manage/items/${id}`)).json() as Draft;
    expect((await as('market', 'GET', `/manage/items/${id}`)).json().code).toBe('OUT_OF_SCOPE');
    const refused = await as('market', 'PUT', `/manage/items/${id}`, editable(draft));
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'OUT_OF_SCOPE']);
    const denied = await sql<{ result: string }>`SELECT result FROM audit_pending WHERE object_id = ${id} AND action = 'services.item.update' UNION ALL SELECT result FROM audit_log WHERE object_id = ${id} AND action = 'services.item.update'`.execute(t.database.db);
    expect(denied.rows.map((r) => r.result)).toEqual(['denied']);
    expect((await as('market', 'POST', `/manage/items/${id}/publish`, { note: '越权发布' })).json().code).toBe('OUT_OF_SCOPE');
    // moving an item to one's own department is refused as well
    const own = (await as('market', 'GET', `/manage/items/${await itemId('010000300000')}`)).json() as Draft;
    expect((await as('market', 'PUT', `/manage/items/${own.id}`, { ...editable(own), competentOrgId: org['区住房城乡建委'] })).json().code).toBe('OUT_OF_SCOPE');

    const schema = await as('builder', 'PUT', `/manage/items/${id}`, { ...editable(draft), level: 'province', promisedDays: -1, name: '' });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['/body/level', '/body/promisedDays', '/body/name']));
    const rules = await as('builder', 'PUT', `/manage/items/${id}`, { ...editable(draft), promisedDays: 30, visits: 1, lifeEvents: ['go-to-moon'], feeFen: 500, feeBasis: '' });
    expect([rules.statusCode, rules.json().code]).toEqual([422, 'SERVICES_INVALID_ITEM']);
    expect(rules.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['/body/feeBasis', '/body/lifeEvents/0', '/body/promisedDays', '/body/visits']);
    expect(rules.json().errors.find((e: { field: string }) => e.field === '/body/promisedDays').message.zh).toBe('承诺时限不能超过法定时限');
    expect((await as('builder', 'PUT', `/manage/items/${id}`, { ...editable(draft), revision: draft.revision + 5 })).json().code).toBe('SERVICES_STALE_REVISION');
  });

  it('create a sub-item and a handling item with assigned codes; publish only under a published parent; withdraw', async () => {
    const parentId = await itemId('010000300000'); // 特种设备使用登记
    const base = editable((await as('market', 'GET', `/manage/items/${parentId}`)).json() as Draft);
    const { revision: _r, ...fields } = base;
    const sub = await as('market', 'POST', '/manage/items', { ...fields, type: 'licensing', parentId, name: '电梯使用登记' });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ code: '010000300100', tier: 'sub', status: 'draft', version: 0 });
    const subId = sub.json().id as string;
    const kind = await as('market', 'POST', '/manage/items', { ...fields, type: 'licensing', parentId: subId, handlingKind: 'cancel', name: '电梯使用登记（注销）', code: '010000300102' });
    expect(kind.json().errors[0]).toMatchObject({ field: '/body/code' });
    const cancel = await as('market', 'POST', '/manage/items', { ...fields, type: 'licensing', parentId: subId, handlingKind: 'cancel', name: '电梯使用登记（注销）' });
    expect(cancel.json()).toMatchObject({ code: '010000300104', tier: 'handling', handlingKind: 'cancel' });
    expect((await as('market', 'POST', `/manage/items/${cancel.json().id}/publish`, { note: '新增' })).json().code).toBe('SERVICES_PARENT_NOT_PUBLISHED');
    expect((await guide('010000300100')).code).toBe('SERVICES_ITEM_NOT_FOUND');
    await as('market', 'POST', `/manage/items/${subId}/publish`, { note: '新增子项' });
    await as('market', 'POST', `/manage/items/${cancel.json().id}/publish`, { note: '新增办理项' });
    expect((await guide('010000300000')).children.map((c: { code: string }) => c.code)).toEqual(['010000300100']);
    expect((await guide('010000300100')).children.map((c: { code: string }) => c.code)).toEqual(['010000300104']);
    expect((await as('market', 'POST', `/manage/items/${subId}/withdraw`, { reason: '合并' })).json().code).toBe('SERVICES_HAS_PUBLISHED_CHILDREN');
    expect((await as('market', 'POST', `/manage/items/${cancel.json().id}/withdraw`, { reason: '合并' })).json()).toEqual({ status: 'withdrawn' });
    expect((await guide('010000300104')).code).toBe('SERVICES_ITEM_NOT_FOUND');
    const other = await as('market', 'POST', '/manage/items', { ...fields, type: 'licensing', name: '跨部门新增', competentOrgId: org['区交通局'] });
    expect(other.json().code).toBe('OUT_OF_SCOPE');
  });

  it('attach a sample (样表) to a material: published with the item, downloadable by anyone', async () => {
    const upload = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { 'x-test-actor': 'market', 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('个体工商户登记申请书样表.pdf') }, payload: minimalPdf() });
    expect(upload.statusCode, upload.body).toBe(201);
    const id = await itemId('010000200000');
    const draft = (await as('market', 'GET', `/manage/items/${id}`)).json() as Draft & { materials: Array<Record<string, unknown>> };
    const withSample = (fileId: string) => ({ ...editable(draft), materials: draft.materials.map((m, i) => (i === 0 ? { ...m, sampleFileId: fileId } : m)) });
    const missing = await as('market', 'PUT', `/manage/items/${id}`, withSample('01900000-0000-7000-8000-000000000000'));
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/materials/0/sampleFileId']);
    expect((await as('market', 'PUT', `/manage/items/${id}`, withSample(upload.json().id))).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/services/items/010000200000/materials/1/sample' })).json().code).toBe('SERVICES_SAMPLE_NOT_FOUND'); // not yet published
    await as('market', 'POST', `/manage/items/${id}/publish`, { note: '增加申请书样表' });
    const sample = await app.inject({ method: 'GET', url: '/api/v1/services/items/010000200000/materials/1/sample' });
    expect([sample.statusCode, sample.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(sample.rawPayload.equals(minimalPdf())).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/v1/services/items/010000200000/materials/2/sample' })).statusCode).toBe(404);
  });
});
