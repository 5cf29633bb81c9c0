import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../../test/helpers/db';
import { signIn, type TestSession } from '../../../../../test/helpers/session';

let t: TestDatabase;
let app: FastifyInstance;
let citizen: TestSession;

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database);
  citizen = await signIn(app, 'citizen', 'Yongchuan@2026');
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const get = async (action: string, query = '', headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: `/api/3/action/${action}${query ? `?${query}` : ''}`, headers });
const post = async (action: string, payload: object) => app.inject({ method: 'POST', url: `/api/action/${action}`, payload });
const result = async (action: string, query = '') => {
  const res = await get(action, query);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(body).toMatchObject({ success: true, help: expect.stringContaining(`/api/3/action/help_show?name=${action}`) });
  return body.result;
};
const q = (o: Record<string, string | number>) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString();

describe('CKAN Action API: reading', () => {
  it('status_show and package_list in the envelope, at both prefixes', async () => {
    expect(await result('status_show')).toMatchObject({ ckan_version: expect.stringMatching(/^2\.10/), site_url: expect.any(String), extensions: expect.arrayContaining(['datastore']) });
    const names = (await result('package_list')) as string[];
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(names).toContain('yongchuan-public-toilets');
    expect([...names].sort()).toEqual(names);
    const alias = await post('package_list', {});
    expect(alias.json()).toMatchObject({ success: true, result: names });
  });

  it('package_show by name or id with the dict a CKAN client reads', async () => {
    const pkg = await result('package_show', 'id=yongchuan-public-toilets');
    expect(pkg).toMatchObject({
      name: 'yongchuan-public-toilets', title: '永川区公共厕所分布', type: 'dataset', state: 'active', private: false,
      license_id: 'cc-by', license_title: expect.stringContaining('Attribution'), num_resources: 1, num_tags: 3,
      organization: { name: '500118b14', title: '区城市管理局', is_organization: true, type: 'organization' },
      tags: expect.arrayContaining([expect.objectContaining({ name: '公共厕所', id: expect.any(String) })]),
      groups: [expect.objectContaining({ name: 'urban', title: '城建住房' })],
      resources: [expect.objectContaining({ format: 'GeoJSON', url: expect.stringMatching(/\/api\/v1\/opendata\/resources\/[0-9a-f-]{36}\/download$/), package_id: pkg.id, position: 0 })],
    });
    expect(pkg.owner_org).toBe(pkg.organization.id);
    expect(pkg.metadata_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    expect((await result('package_show', `id=${pkg.id}`)).name).toBe('yongchuan-public-toilets');
  });

  it('package_search: q, fq on organization, tags, groups and res_format, sort, pagination, facets', async () => {
    const all = await result('package_search', q({ rows: 100 }));
    expect(all.count).toBe(all.results.length);
    expect(all.count).toBeGreaterThanOrEqual(15);
    const transport = await result('package_search', q({ fq: 'groups:transport', sort: 'name asc', 'facet.field': '["res_format","organization","tags"]' }));
    expect(transport.results.map((p: { name: string }) => p.name)).toEqual(['yongchuan-bus-routes', 'yongchuan-charging-stations', 'yongchuan-parking-lots']);
    expect(transport.facets.res_format).toEqual({ CSV: 2, GeoJSON: 1 });
    expect(transport.search_facets.organization.items).toEqual(expect.arrayContaining([{ name: '500118b15', display_name: '区交通局', count: 2 }]));
    expect(transport.facets.tags['出行']).toBe(2);
    expect(transport.sort).toBe('name asc');
    const maps = await result('package_search', q({ fq: 'tags:地图 +res_format:GeoJSON', sort: 'name desc' }));
    expect(maps.results.map((p: { name: string }) => p.name)).toEqual(['yongchuan-public-toilets', 'yongchuan-emergency-shelters', 'yongchuan-charging-stations']);
    expect((await result('package_search', q({ fq: 'organization:500118b24' }))).count).toBe(2);
    expect((await result('package_search', q({ q: '公交' }))).results[0].name).toBe('yongchuan-bus-routes');
    expect((await result('package_search', q({ q: '不存在的词语' }))).count).toBe(0);
    // pagination: the pages are disjoint and together the whole ordered list
    const p1 = await result('package_search', q({ rows: 5, start: 0, sort: 'name asc' }));
    const p2 = await result('package_search', q({ rows: 5, start: 5, sort: 'name asc' }));
    const ordered = (await result('package_search', q({ rows: 10, sort: 'name asc' }))).results.map((p: { name: string }) => p.name);
    expect([...p1.results, ...p2.results].map((p: { name: string }) => p.name)).toEqual(ordered);
    expect(p1.count).toBe(all.count);
    const limited = await result('package_search', q({ 'facet.field': '["tags"]', 'facet.limit': 2, rows: 0 }));
    expect(Object.keys(limited.facets.tags)).toHaveLength(2);
    expect(limited.results).toEqual([]);
    const byPost = await post('package_search', { fq: 'groups:transport', rows: 1, 'facet.field': ['groups'] });
    expect(byPost.json().result).toMatchObject({ count: 3, facets: { groups: { transport: 3 } } });
    expect(byPost.json().result.results).toHaveLength(1);
  });

  it('organization_list, organization_show, group_list and tag_list', async () => {
    const orgs = (await result('organization_list')) as string[];
    expect(orgs).toContain('500118b14');
    const full = await result('organization_list', 'all_fields=true');
    expect(full.find((o: { name: string }) => o.name === '500118b15')).toMatchObject({ title: '区交通局', package_count: 2, is_organization: true });
    expect(await result('organization_show', 'id=500118b15')).toMatchObject({ title: '区交通局', package_count: 2 });
    expect(await result('group_list')).toEqual(expect.arrayContaining(['transport', 'health', 'urban']));
    expect((await result('group_list', 'all_fields=true')).find((g: { name: string }) => g.name === 'transport')).toMatchObject({ title: '交通出行', package_count: 3 });
    expect(await result('tag_list')).toEqual(expect.arrayContaining(['公交', '地图']));
  });

  it('resource_show and datastore_search: filters, q, fields, sort, limit, offset, total', async () => {
    const bus = await result('package_show', 'id=yongchuan-bus-routes');
    const id = bus.resources[0].id;
    expect(await result('resource_show', `id=${id}`)).toMatchObject({ id, datastore_active: true, format: 'CSV', package_id: bus.id });
    const first = await result('datastore_search', q({ resource_id: id, limit: 5 }));
    expect(first).toMatchObject({ resource_id: id, total: 18, limit: 5, records_format: 'objects', _links: { start: expect.stringContaining(`resource_id=${id}`), next: expect.stringContaining('offset=5') } });
    expect(first.fields[0]).toEqual({ id: '_id', type: 'int' });
    expect(first.fields.map((f: { id: string }) => f.id)).toContain('票价');
    expect(first.records).toHaveLength(5);
    const one = await result('datastore_search', q({ resource_id: id, filters: JSON.stringify({ 线路: '7路' }) }));
    expect(one.total).toBe(1);
    expect(one.records[0]).toMatchObject({ 线路: '7路' });
    const some = await result('datastore_search', q({ resource_id: id, filters: JSON.stringify({ 线路: ['1路', '2路', '3路'] }), fields: '线路,票价', sort: '线路 desc' }));
    expect(some.records).toEqual([expect.objectContaining({ 线路: '3路' }), expect.objectContaining({ 线路: '2路' }), expect.objectContaining({ 线路: '1路' })]);
    expect(Object.keys(some.records[0]).sort()).toEqual(['票价', '线路'].sort());
    const fares = (await result('datastore_search', q({ resource_id: id, sort: '线路长度 desc', limit: 100 }))).records.map((r: { 线路长度: number }) => r.线路长度);
    expect(fares).toEqual([...fares].sort((a, b) => b - a));
    const text = await result('datastore_search', q({ resource_id: id, q: '火车站' }));
    expect(text.total).toBeGreaterThan(0);
    expect(text.records.every((r: Record<string, unknown>) => Object.values(r).some((v) => String(v).includes('火车站')))).toBe(true);
    const page = await result('datastore_search', q({ resource_id: id, limit: 5, offset: 15, include_total: 'false' }));
    expect(page.records.map((r: { _id: number }) => r._id)).toEqual([16, 17, 18]);
    expect(page.total).toBeUndefined();
  });
});

describe('CKAN Action API: errors as CKAN gives them', () => {
  it('404 Not Found Error for unknown ids', async () => {
    for (const [action, query] of [['package_show', 'id=no-such-dataset'], ['package_show', 'id=0190aaaa-0000-7000-8000-000000000000'], ['resource_show', 'id=nope'], ['organization_show', 'id=nope'], ['datastore_search', 'resource_id=0190aaaa-0000-7000-8000-000000000000']]) {
      const res = await get(action!, query);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ success: false, error: { __type: 'Not Found Error', message: expect.any(String) } });
    }
    expect((await get('package_show', 'id=no-such-dataset')).json().error).toEqual({ __type: 'Not Found Error', message: 'Not found' });
  });

  it('409 Validation Error with messages per field for bad parameters', async () => {
    const cases: Array<[string, string, string]> = [
      ['package_search', 'rows=many', 'rows'],
      ['package_search', 'start=-3', 'start'],
      ['package_search', 'sort=colour%20desc', 'sort'],
      ['package_search', 'facet.field=tags', 'facet.field'],
      ['package_search', 'fq=colour:red', 'fq'],
      ['package_show', '', 'id'],
      ['datastore_search', 'resource_id=', 'resource_id'],
    ];
    for (const [action, query, field] of cases) {
      const res = await get(action, query);
      expect(res.statusCode, `${action}?${query}`).toBe(409);
      const body = res.json();
      expect(body.success).toBe(false);
      expect(body.error.__type).toBe('Validation Error');
      expect(body.error[field]).toEqual([expect.any(String)]);
    }
    const bus = await result('package_show', 'id=yongchuan-bus-routes');
    const bad = await get('datastore_search', q({ resource_id: bus.resources[0].id, filters: JSON.stringify({ colour: 'red' }) }));
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error).toEqual({ __type: 'Validation Error', filters: ['field "colour" not in table'] });
    expect((await get('datastore_search', q({ resource_id: bus.resources[0].id, filters: '{oops' }))).json().error.filters).toBeDefined();
    expect((await get('no_such_action')).statusCode).toBe(400);
  });

  it('403 Authorization Error for conditional data without the agreement; the agreement opens it', async () => {
    const pkg = await result('package_show', 'id=yongchuan-enterprise-registrations');
    const id = pkg.resources[0].id;
    const anonymous = await get('datastore_search', `resource_id=${id}`);
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.json()).toMatchObject({ success: false, error: { __type: 'Authorization Error', message: expect.any(String) } });
    // a CKAN client sends its API key in Authorization
    const key = (await citizen.request('POST', '/api/v1/auth/api-keys', { name: 'ckanapi', permissions: [] })).json().key as string;
    expect((await get('datastore_search', `resource_id=${id}`, { authorization: key })).statusCode).toBe(403);
    expect((await citizen.request('GET', `/api/v1/opendata/resources/${id}/preview`)).statusCode).toBe(403);
    const accepted = await citizen.request('POST', '/api/v1/opendata/datasets/yongchuan-enterprise-registrations/agreement');
    expect(accepted.statusCode).toBe(200);
    const ok = await get('datastore_search', `resource_id=${id}&limit=3`, { authorization: key });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().result.total).toBe(20);
    expect((await citizen.request('GET', `/api/v1/opendata/resources/${id}/preview`)).json().rows).toHaveLength(20);
    const recorded = await sql<{ n: number }>`SELECT count(*)::int AS n FROM open_agreement`.execute(t.database.db);
    expect(recorded.rows[0]!.n).toBe(1);
    // an unconditional dataset needs none
    expect((await citizen.request('POST', '/api/v1/opendata/datasets/yongchuan-bus-routes/agreement')).statusCode).toBe(409);
  });
});

describe('portal: preview, download and usage counts', () => {
  it('previews and downloads a GeoJSON file and a live table as CSV, counting views and downloads', async () => {
    const page = (await app.inject({ method: 'GET', url: '/api/v1/opendata/datasets/yongchuan-public-toilets' })).json();
    expect(page).toMatchObject({ openType: 'unconditional', access: { mayRead: true }, usage: { views: 1, downloads: 0 } });
    const rid = page.dataset.resources[0].id;
    const preview = (await app.inject({ method: 'GET', url: `/api/v1/opendata/resources/${rid}/preview` })).json();
    expect(preview.rows).toHaveLength(20);
    expect(preview.total).toBe(24);
    expect(preview.fields.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['名称', '地址', 'geometry']));
    const file = await app.inject({ method: 'GET', url: `/api/v1/opendata/resources/${rid}/download` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(file.headers['content-disposition']).toMatch(/attachment/);
    expect(JSON.parse(file.body).features).toHaveLength(24);
    const bus = (await app.inject({ method: 'GET', url: '/api/v1/opendata/datasets/yongchuan-bus-routes' })).json();
    const csv = await app.inject({ method: 'GET', url: `/api/v1/opendata/resources/${bus.dataset.resources[0].id}/download` });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('线路,起点站,终点站,首班时间,末班时间,票价,线路长度');
    expect(lines).toHaveLength(19);
    const again = (await app.inject({ method: 'GET', url: '/api/v1/opendata/datasets/yongchuan-public-toilets' })).json();
    expect(again.usage).toEqual({ views: 2, downloads: 1 });
    expect((await app.inject({ method: 'GET', url: '/api/v1/opendata/datasets/no-such' })).statusCode).toBe(404);
  });
});

describe('DCAT', () => {
  it('serves the catalogue as JSON-LD with the DCAT-AP mandatory properties', async () => {
    const res = await app.inject({ method: 'GET', url: '/catalog.jsonld' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    const doc = res.json() as { '@context': Record<string, string>; '@graph': Array<Record<string, unknown>> };
    expect(doc['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    const ofType = (type: string) => doc['@graph'].filter((n) => n['@type'] === type);
    const [catalog] = ofType('dcat:Catalog');
    expect(catalog).toMatchObject({ 'dct:title': expect.anything(), 'dct:description': expect.anything(), 'dct:publisher': { '@id': expect.any(String) } });
    const datasets = ofType('dcat:Dataset');
    expect(datasets.length).toBeGreaterThanOrEqual(15);
    expect((catalog!['dcat:dataset'] as unknown[]).length).toBe(datasets.length);
    for (const d of datasets) {
      expect(d['dct:title']).toBeDefined();
      expect(d['dct:description']).toBeDefined();
      expect(d['dcat:distribution']).toBeDefined();
    }
    const ids = new Set(doc['@graph'].map((n) => n['@id']));
    const dists = ofType('dcat:Distribution');
    for (const dist of dists) expect((dist['dcat:accessURL'] as { '@id': string })['@id']).toMatch(/^http/);
    // every publisher named is described in the graph
    for (const d of datasets) expect(ids.has((d['dct:publisher'] as { '@id': string })['@id'])).toBe(true);
  });

  it('serves Turtle that declares its prefixes and types', async () => {
    const res = await app.inject({ method: 'GET', url: '/catalog.ttl' });
    expect(res.headers['content-type']).toMatch(/^text\/turtle/);
    expect(res.body).toContain('@prefix dcat: <http://www.w3.org/ns/dcat#> .');
    expect(res.body).toMatch(/a dcat:Catalog/);
    expect(res.body.match(/a dcat:Dataset/g)!.length).toBeGreaterThanOrEqual(15);
    expect(res.body).toMatch(/dcat:accessURL <http[^>]+>/);
    // each statement block ends with " ." and no literal breaks out of its quotes
    for (const block of res.body.split('\n\n').slice(1)) expect(block.trim().endsWith(' .')).toBe(true);
  });
});
