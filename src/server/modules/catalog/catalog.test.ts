import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import type { Actor } from '../../kernel/access';

let t: TestDatabase;
let app: FastifyInstance;
const actors = new Map<string, Actor>();
const org: Record<string, string> = {};
const staffPerms = ['catalog:read', 'catalog:maintain', 'catalog:approve'];

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  const accounts = new Map((await sql<{ id: string; username: string }>`SELECT id, username FROM account`.execute(t.database.db)).rows.map((a) => [a.username, a.id]));
  const staff = (name: string, orgName: string, permissions: string[], username: string) =>
    actors.set(name, buildActor({ accountId: accounts.get(username)!, displayName: name, orgId: org[orgName]!, permissions, scope: 'own', anchorOrgId: org[orgName]! }));
  staff('market', '区市场监管局', staffPerms, 'reviewer');
  staff('city', '区城市管理局', staffPerms, 'cgreviewer');
  staff('authority', '区大数据发展局', staffPerms, 'sysadmin');
  staff('handler', '区住房城乡建委', ['catalog:read'], 'jwhandler');
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const as = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload ? { payload } : {}) });

const draft = (over: Record<string, unknown> = {}) => ({
  name: '食品经营许可证发证信息',
  catalogKind: 'department',
  classCode: '308002',
  providerOrgId: org['区市场监管局'],
  abstract: '食品经营许可证的发证、变更和注销信息。',
  format: 'database',
  items: [{ name: '许可证编号', type: 'string', length: 30 }, { name: '经营者名称', type: 'string', length: 200 }, { name: '发证日期', type: 'date' }],
  shareType: 'unconditional',
  shareCondition: '',
  shareBasis: '',
  shareMethods: ['api'],
  openType: 'unconditional',
  openCondition: '',
  updateCycle: 'weekly',
  classification: 'public',
  relatedCodes: [],
  ...over,
});

const fieldsOf = (res: { json(): { errors?: Array<{ field: string }> } }) => (res.json().errors ?? []).map((e) => e.field).sort();

describe('the catalogue rules', () => {
  it('refuse a conditional share without its condition and legal basis, and a non-public open resource', async () => {
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM catalog_resource`.execute(t.database.db)).rows[0]!.n;
    const res = await as('market', 'POST', '/api/v1/catalog/resources', draft({ shareType: 'conditional', classification: 'internal' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CATALOG_INVALID');
    expect(fieldsOf(res)).toEqual(['/body/openType', '/body/shareBasis', '/body/shareCondition']);
    const none = await as('market', 'POST', '/api/v1/catalog/resources', draft({ shareType: 'none', shareMethods: ['api'], openType: 'none' }));
    expect(fieldsOf(none)).toEqual(['/body/shareBasis', '/body/shareMethods']);
    const open = await as('market', 'POST', '/api/v1/catalog/resources', draft({ openType: 'conditional' }));
    expect(fieldsOf(open)).toEqual(['/body/openCondition']);
    // bad input changes nothing
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM catalog_resource`.execute(t.database.db)).rows[0]!.n).toBe(before);
  });

  it('keep base resources unconditional and class codes within their kind', async () => {
    const res = await as('market', 'POST', '/api/v1/catalog/resources', draft({ catalogKind: 'base', shareType: 'conditional', shareCondition: '仅限', shareBasis: '某条例' }));
    expect(fieldsOf(res)).toEqual(['/body/classCode', '/body/shareType']);
  });

  it('let departments catalogue only their own resources', async () => {
    const res = await as('city', 'POST', '/api/v1/catalog/resources', draft());
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('OUT_OF_SCOPE');
    expect((await as('handler', 'POST', '/api/v1/catalog/resources', draft())).statusCode).toBe(403);
  });

  it('refuse a secret resource on an extranet deployment, at the API and in the database', async () => {
    const res = await as('market', 'POST', '/api/v1/catalog/resources', draft({ classification: 'secret', openType: 'none' }));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SECRET_ON_EXTRANET');
    const row = await sql<{ id: string }>`SELECT id FROM catalog_resource LIMIT 1`.execute(t.database.db);
    await expect(sql`UPDATE catalog_resource SET classification = 'secret', open_type = 'none' WHERE id = ${row.rows[0]!.id}`.execute(t.database.db)).rejects.toThrow(/extranet/);
  });
});

describe('publishing', () => {
  it('goes through the data authority: draft → review → published; others see only what was approved', async () => {
    const created = await as('market', 'POST', '/api/v1/catalog/resources', draft());
    expect(created.statusCode).toBe(201);
    const r = created.json();
    expect(r.code).toMatch(/^308002\/500118B24-00001$/);
    expect(r.status).toBe('draft');
    // not yet visible to other departments
    expect((await as('handler', 'GET', `/api/v1/catalog/resources/${r.id}`)).statusCode).toBe(404);
    const submitted = await as('market', 'POST', `/api/v1/catalog/resources/${r.id}/submit`);
    expect(submitted.statusCode).toBe(200);
    const { instanceId } = submitted.json();
    expect((await as('market', 'PUT', `/api/v1/catalog/resources/${r.id}`, { ...draft(), revision: 1 })).json().code).toBe('CATALOG_NOT_EDITABLE');
    // a reviewer of another department holds catalog:approve, but not at the data authority
    expect((await as('city', 'POST', `/api/v1/workflow/instances/${instanceId}/actions/approve`, {})).statusCode).toBe(403);
    const inbox = (await as('authority', 'GET', '/api/v1/inbox')).json().items as Array<{ instanceId: string }>;
    expect(inbox.some((i) => i.instanceId === instanceId)).toBe(true);
    const rejected = await as('authority', 'POST', `/api/v1/workflow/instances/${instanceId}/actions/reject`, { comment: '信息项缺少许可项目' });
    expect(rejected.statusCode).toBe(200);
    expect((await as('market', 'GET', `/api/v1/catalog/resources/${r.id}`)).json().status).toBe('returned');
    // the department edits and submits again; the authority approves
    const edited = await as('market', 'PUT', `/api/v1/catalog/resources/${r.id}`, { ...draft({ items: [...draft().items, { name: '许可项目', type: 'string', length: 100 }] }), revision: 1 });
    expect(edited.statusCode).toBe(200);
    const again = (await as('market', 'POST', `/api/v1/catalog/resources/${r.id}/submit`)).json();
    expect((await as('authority', 'POST', `/api/v1/workflow/instances/${again.instanceId}/actions/approve`, {})).statusCode).toBe(200);
    const seen = (await as('handler', 'GET', `/api/v1/catalog/resources/${r.id}`)).json();
    expect(seen).toMatchObject({ status: 'published', isPublished: true, items: expect.arrayContaining([expect.objectContaining({ name: '许可项目' })]) });
    expect(seen.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // a change after publication stays with the department until approved again
    await as('market', 'PUT', `/api/v1/catalog/resources/${r.id}`, { ...draft({ name: '食品经营许可信息（修订）' }), revision: 2 });
    expect((await as('handler', 'GET', `/api/v1/catalog/resources/${r.id}`)).json().name).toBe('食品经营许可证发证信息');
    expect((await as('market', 'GET', `/api/v1/catalog/resources/${r.id}`)).json()).toMatchObject({ name: '食品经营许可信息（修订）', status: 'draft' });
    const audit = await sql<{ action: string }>`SELECT action FROM audit_pending WHERE object_id = ${r.id} UNION ALL SELECT action FROM audit_log WHERE object_id = ${r.id}`.execute(t.database.db);
    expect(audit.rows.map((a) => a.action)).toEqual(expect.arrayContaining(['catalog.resource.create', 'catalog.resource.update']));
  });

  it('seeds the three base registers as published, unconditionally shared resources', async () => {
    const items = (await as('handler', 'GET', '/api/v1/catalog/resources?kind=base')).json().items as Array<{ name: string; shareType: string; status: string }>;
    expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['自然人基础信息', '法人基础信息', '地理空间基础信息（标准地址）']));
    expect(new Set(items.map((i) => i.shareType))).toEqual(new Set(['unconditional']));
    const all = (await as('handler', 'GET', '/api/v1/catalog/resources')).json().items as unknown[];
    expect(all.length).toBeGreaterThanOrEqual(25);
  });
});

describe('open datasets from the catalogue', () => {
  it('open only published resources whose open type allows it, and show at once in package_search', async () => {
    const mine = (await as('market', 'GET', '/api/v1/catalog/resources?mine=true')).json().items as Array<{ id: string; name: string }>;
    const penalties = mine.find((r) => r.name === '行政处罚决定信息（双公示）')!;
    const legal = mine.find((r) => r.name === '法人基础信息')!;
    const body = { name: 'yongchuan-penalties-2026', title: '2026 年行政处罚决定', notes: '示例', licenseId: 'cc-by', tags: ['双公示'], groups: ['economy'] };
    const refused = await as('market', 'POST', '/api/v1/opendata/datasets', { ...body, resourceId: legal.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('CATALOG_NOT_OPEN');
    expect((await as('city', 'POST', '/api/v1/opendata/datasets', { ...body, resourceId: penalties.id })).statusCode).toBe(403);
    const before = (await app.inject({ method: 'GET', url: '/api/3/action/package_search?fq=organization:500118b24' })).json().result.count as number;
    const created = await as('market', 'POST', '/api/v1/opendata/datasets', { ...body, resourceId: penalties.id });
    expect(created.statusCode).toBe(201);
    const after = (await app.inject({ method: 'GET', url: '/api/3/action/package_search?fq=organization:500118b24&sort=metadata_modified%20desc' })).json().result;
    expect(after.count).toBe(before + 1);
    expect(after.results[0].name).toBe('yongchuan-penalties-2026');
    expect((await as('market', 'POST', '/api/v1/opendata/datasets', { ...body, resourceId: penalties.id })).json().code).toBe('CATALOG_DATASET_NAME_TAKEN');
  });

  it('take a department’s uploaded file or live table as their resources', async () => {
    const upload = async (text: string, name: string) =>
      (await app.inject({ method: 'POST', url: '/api/v1/files', headers: { 'x-test-actor': 'market', 'content-type': 'text/plain', 'x-file-name': encodeURIComponent(name) }, payload: Buffer.from(text) })).json().id as string;
    const csv = await upload('决定书文号,罚没金额\r\n永市监处罚〔2026〕201号,500\r\n', 'penalties.csv');
    const url = '/api/v1/opendata/datasets/yongchuan-penalties-2026/resources';
    expect((await as('market', 'POST', url, { name: '处罚决定（CSV）', format: 'CSV', fileId: csv })).statusCode).toBe(201);
    const notGeo = await as('market', 'POST', url, { name: '错误的 GeoJSON', format: 'GeoJSON', fileId: await upload('{"type":"Point"}', 'x.geojson') });
    expect(notGeo.statusCode).toBe(422);
    expect(notGeo.json().errors[0].field).toBe('/body/fileId');
    const table = await as('market', 'POST', url, { name: '处罚决定（实时表）', fields: [{ id: '文号', type: 'text' }, { id: '金额', type: 'int' }], rows: [{ 文号: 'A1', 金额: 100 }, { 文号: 'A2', 金额: 300 }] });
    expect(table.statusCode).toBe(201);
    expect((await as('city', 'POST', url, { name: 'x', fields: [{ id: 'a', type: 'text' }], rows: [] })).statusCode).toBe(403);
    const pkg = (await app.inject({ method: 'GET', url: '/api/3/action/package_show?id=yongchuan-penalties-2026' })).json().result;
    expect(pkg.resources.map((r: { format: string; datastore_active: boolean }) => [r.format, r.datastore_active])).toEqual([['CSV', false], ['CSV', true]]);
    const rows = (await app.inject({ method: 'GET', url: `/api/3/action/datastore_search?resource_id=${table.json().id}&sort=${encodeURIComponent('金额 desc')}` })).json().result.records;
    expect(rows.map((r: { 文号: string }) => r.文号)).toEqual(['A2', 'A1']);
  });
});

describe('on an intranet deployment', () => {
  it('secret resources can be catalogued', async () => {
    const intranet = await buildTestApp(t.database, { config: { zone: 'intranet' }, resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
    await sql`UPDATE platform_setting SET zone = 'intranet'`.execute(t.database.db);
    try {
      const res = await intranet.inject({ method: 'POST', url: '/api/v1/catalog/resources', headers: { 'x-test-actor': 'market' }, payload: draft({ name: '涉密执法信息', classification: 'secret', openType: 'none' }) });
      expect(res.statusCode).toBe(201);
    } finally {
      await sql`UPDATE platform_setting SET zone = 'extranet'`.execute(t.database.db);
      await intranet.close();
    }
  });
});
