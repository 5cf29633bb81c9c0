import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../../kernel/files/test-samples';
import { open311TestApp, type Open311TestApp } from './test-app';
import { asText, readXml, spark } from './test-xml';

let h: Open311TestApp;
let key: string;
const centre = { lat: '29.3556', long: '105.9275' };

beforeAll(async () => {
  h = await open311TestApp();
  key = await h.apiKey(['cases:open311.submit']);
});
afterAll(async () => h.close());

const get = (path: string) => h.app.inject({ method: 'GET', url: `/open311/v2/${path}` });
const valid = (extra: Record<string, string | string[]> = {}) => ({ api_key: key, service_code: 'E0102', description: '人民广场东侧暴露垃圾', ...centre, ...extra });
const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM city_case`.execute(h.t.database.db)).rows[0]!.n;
const caseRow = async (caseNo: string) =>
  (await sql<{ id: string; instance_id: string; source: string; urgent: boolean; description: string; reporter_contact: string | null; media_url: string | null; open311_api_key: string | null }>`
    SELECT id, instance_id, source, urgent, description, reporter_contact, media_url, open311_api_key FROM city_case WHERE case_no = ${caseNo}`.execute(h.t.database.db)).rows[0]!;
const submit = async (extra: Record<string, string | string[]> = {}) => {
  const res = await h.post(valid(extra));
  expect(res.statusCode, res.body).toBe(200);
  return res.json()[0].service_request_id as string;
};
const act = (who: string, instanceId: string, action: string, body: object = {}) => h.as(who, 'POST', `/api/v1/workflow/instances/${instanceId}/actions/${action}`, body);

describe('POST requests: the API key', () => {
  it('is required: 403 in the Open311 error format, in JSON and in XML', async () => {
    const json = await h.post({ service_code: 'E0102', description: '无密钥', ...centre });
    expect([json.statusCode, json.headers['content-type']]).toEqual([403, 'application/json; charset=utf-8']);
    expect(json.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key is required') }]);
    const xml = await h.post({ service_code: 'E0102', description: '无密钥', ...centre }, 'xml');
    expect([xml.statusCode, xml.headers['content-type']]).toEqual([403, 'text/xml; charset=utf-8']);
    expect(spark(readXml(xml.body))).toEqual([{ code: '403', description: expect.any(String) }]);
  });

  it('must be a live key holding cases:open311.submit', async () => {
    const n = await count();
    expect((await h.post(valid({ api_key: 'syk_not-a-key' }))).json()[0].description).toContain('Invalid api_key');
    const readOnly = await h.apiKey(['cases:read']);
    const denied = await h.post(valid({ api_key: readOnly }));
    expect([denied.statusCode, denied.json()[0].description]).toEqual([403, expect.stringContaining('cases:open311.submit')]);
    expect(await count()).toBe(n);
  });

  it('is read from the form only: a JSON body is refused in the Open311 format', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: valid() });
    expect([res.statusCode, res.json()[0].description]).toEqual([400, expect.stringContaining('x-www-form-urlencoded')]);
  });
});

describe('POST requests: the report', () => {
  it('refuses an unknown or missing service_code (404, 400)', async () => {
    const unknown = await h.post(valid({ service_code: 'E9999' }));
    expect([unknown.statusCode, unknown.json()[0].description]).toEqual([404, expect.stringContaining('E9999')]);
    expect((await h.post(valid({ service_code: '' }))).statusCode).toBe(400);
  });

  it('refuses a description longer than 4,000 characters', async () => {
    const n = await count();
    const res = await h.post(valid({ description: '垃'.repeat(5000) }));
    expect([res.statusCode, res.json()[0].description]).toEqual([400, expect.stringContaining('4000')]);
    expect((await h.post(valid({ description: '垃'.repeat(4000) }))).statusCode).toBe(200);
    expect(await count()).toBe(n + 1);
  });

  it('needs lat and long: an address alone or address_id cannot be placed; outside the district is refused', async () => {
    const n = await count();
    const addressOnly = await h.post({ api_key: key, service_code: 'E0102', address_string: '永川区人民广场' });
    expect([addressOnly.statusCode, addressOnly.json()[0].description]).toEqual([400, expect.stringContaining('location required')]);
    const byId = await h.post({ api_key: key, service_code: 'E0102', address_id: '545483' });
    expect(byId.json()[0].description).toContain('address_id is not supported');
    expect((await h.post(valid({ long: '' }))).json()[0].description).toContain('lat and long');
    expect((await h.post(valid({ lat: 'north' }))).statusCode).toBe(400);
    const outside = await h.post(valid({ lat: '29.56', long: '106.55' })); // 渝中区
    expect([outside.statusCode, outside.json()[0].description]).toEqual([400, expect.stringContaining('outside Yongchuan District')]);
    expect(await count()).toBe(n);
  });

  it('creates a real case: source open311, the key’s account, encrypted contact, media, in the operator’s inbox', async () => {
    const res = await h.post(
      valid({
        address_string: '人民广场东侧',
        first_name: '小明',
        last_name: '王',
        phone: '13812345678',
        email: 'wang@example.cn',
        account_id: 'app-user-7',
        device_id: 'dev-1',
        media_url: 'https://img.example.cn/p/1.jpg',
        jurisdiction_id: '500118',
      }),
      'xml',
    );
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/xml; charset=utf-8']);
    const [created] = spark(readXml(res.body)) as Array<Record<string, string>>;
    expect(created).toEqual({ service_request_id: expect.stringMatching(/^CG\d{13}$/), service_notice: expect.stringContaining('区城市管理局'), account_id: 'app-user-7' });
    const row = await caseRow(created!.service_request_id!);
    expect(row).toMatchObject({ source: 'open311', urgent: false, media_url: 'https://img.example.cn/p/1.jpg', open311_api_key: expect.any(String) });
    expect(row.reporter_contact).not.toBeNull();
    expect(row.reporter_contact).not.toContain('13812345678');
    const inbox = (await h.as('operator', 'GET', '/api/v1/inbox?module=cases')).json().items as Array<{ instanceId: string }>;
    expect(inbox.some((i) => i.instanceId === row.instance_id)).toBe(true);
    const detail = (await h.as('operator', 'GET', `/api/v1/cases/${row.id}`)).json();
    expect([detail.source, detail.address]).toEqual(['open311', '人民广场东侧']);
  });

  it('attribute[urgent]=true makes the case urgent; the component number is kept; unknown attributes are refused', async () => {
    expect((await caseRow(await submit({ 'attribute[urgent]': 'true' }))).urgent).toBe(true);
    expect((await caseRow(await submit({ 'attribute[urgent]': 'false' }))).urgent).toBe(false);
    const manhole = await caseRow(await submit({ service_code: 'C0101', description: '井盖缺失', 'attribute[component_id]': 'YC-SJ-0042', 'attribute[urgent][]': 'true' }));
    expect([manhole.urgent, manhole.description]).toEqual([true, '井盖缺失\n部件编号：YC-SJ-0042']);
    expect((await h.post(valid({ 'attribute[urgent][]': ['true', 'false'] }))).json()[0].description).toContain('single value');
    expect((await h.post(valid({ 'attribute[urgent]': 'maybe' }))).statusCode).toBe(400);
    expect((await h.post(valid({ 'attribute[component_id]': 'X' }))).json()[0].description).toContain('has no attribute component_id');
  });

  it('refuses a media_url that is not http(s) and another jurisdiction', async () => {
    expect((await h.post(valid({ media_url: 'javascript:alert(1)' }))).statusCode).toBe(400);
    const other = await h.post(valid({ jurisdiction_id: '110000' }));
    expect([other.statusCode, other.json()[0].code]).toEqual([404, 404]);
  });
});

describe('a request follows its case through the workflow', () => {
  it('accept → file → dispatch → feedback with a photo → pass → close: closed with status notes', async () => {
    const caseNo = await submit({ description: '广场东侧垃圾堆放 <b>&</b>' });
    const { instance_id: instanceId } = await caseRow(caseNo);
    const one = async () => {
      const [xml, json] = await Promise.all([get(`requests/${caseNo}.xml`), get(`requests/${caseNo}.json`)]);
      expect(spark(readXml(xml.body))).toEqual(asText(json.json()));
      expect(json.json()).toHaveLength(1);
      return json.json()[0];
    };
    const fresh = await one();
    expect(fresh).toMatchObject({
      service_request_id: caseNo,
      status: 'open',
      status_notes: null,
      service_code: 'E0102',
      description: '广场东侧垃圾堆放 <b>&</b>',
      agency_responsible: '永川区数字化城市管理监督指挥中心',
      zipcode: '402160',
      lat: 29.3556,
      long: 105.9275,
      address_id: null,
    });
    expect(fresh.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(fresh.expected_datetime).toMatch(/\+08:00$/); // the operator's acceptance limit

    expect((await act('operator', instanceId, 'accept')).json().state).toBe('to_file');
    expect((await act('shiftlead', instanceId, 'file')).json().state).toBe('to_dispatch');
    expect((await act('dispatcher', instanceId, 'dispatch', { fields: { department: h.org['区城市管理局'] } })).json().state).toBe('handling');
    const handling = await one();
    expect([handling.status, handling.agency_responsible]).toEqual(['open', '区城市管理局']);
    const step = (await h.as('handler', 'GET', `/api/v1/workflow/instances/${instanceId}`)).json().step;
    expect(handling.expected_datetime).toBe(new Date(new Date(step.dueAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00');

    const photo = (await h.app.inject({ method: 'POST', url: '/api/v1/files', headers: { 'x-test-actor': 'handler', 'content-type': 'image/png', 'x-file-name': encodeURIComponent('处置后.png') }, payload: tinyPng })).json().id as string;
    expect((await act('handler', instanceId, 'feedback', { comment: '已清运，联系人 13900001111', attachments: [photo] })).json().state).toBe('checking');
    expect((await act('inspector', instanceId, 'pass', { comment: '现场已清理干净' })).json().state).toBe('to_close');
    expect((await one()).status).toBe('open');
    expect((await act('operator', instanceId, 'close')).json().state).toBe('closed');

    const closed = await one();
    expect(closed).toMatchObject({ status: 'closed', status_notes: '现场已清理干净', agency_responsible: '区城市管理局', expected_datetime: null });
    expect(closed.updated_datetime >= closed.requested_datetime).toBe(true);
    const closedList = (await get('requests.json?status=closed')).json() as Array<{ service_request_id: string }>;
    expect(closedList.map((r) => r.service_request_id)).toContain(caseNo);
  });

  it('status notes and descriptions never carry phone or identity numbers', async () => {
    const caseNo = await submit({ description: '请联系 13812345678 处理' });
    const { instance_id: instanceId } = await caseRow(caseNo);
    await act('operator', instanceId, 'reject', { comment: '重复上报，已电话告知 13812345678' });
    const [r] = (await get(`requests/${caseNo}.json`)).json();
    expect([r.status, r.status_notes, r.description]).toEqual(['closed', '重复上报，已电话告知 138****5678', '请联系 138****5678 处理']);
  });

  it('a report taken by the hotline is listed without its description (the reporter did not publish it)', async () => {
    const citizen = (await h.as('operator', 'POST', '/api/v1/cases', { classCode: 'E0102', description: '我家门口有垃圾', lng: 105.93, lat: 29.35, source: 'hotline' })).json();
    const [r] = (await get(`requests/${citizen.caseNo}.json`)).json();
    expect([r.service_request_id, r.description]).toEqual([citizen.caseNo, null]);
  });
});

describe('GET requests', () => {
  it('filters by status and service_code, newest first; service_request_id overrides the rest', async () => {
    const open = await submit({ service_code: 'E0401', description: '游商占道' });
    const other = await submit({ service_code: 'C0106', description: '路灯不亮' });
    const { instance_id } = await caseRow(other);
    await act('operator', instance_id, 'reject', { comment: '路灯白天不亮属正常' });
    const ids = async (query: string) => ((await get(`requests.json?${query}`)).json() as Array<{ service_request_id: string; status: string; service_code: string }>);
    const openOnes = await ids('status=open');
    expect(openOnes.every((r) => r.status === 'open')).toBe(true);
    expect(openOnes.map((r) => r.service_request_id)).toContain(open);
    expect(openOnes.map((r) => r.service_request_id)).not.toContain(other);
    const all = await ids('status=open,closed');
    expect(all.map((r) => r.service_request_id)).toEqual(expect.arrayContaining([open, other]));
    expect(all.map((r) => r.service_request_id).indexOf(other)).toBeLessThan(all.map((r) => r.service_request_id).indexOf(open)); // newest first
    expect((await ids('service_code=E0401')).every((r) => r.service_code === 'E0401')).toBe(true);
    expect((await ids('service_code=E0401,C0106&status=closed')).map((r) => r.service_request_id)).toEqual([other]);
    expect((await ids(`service_request_id=${open},${other}&status=closed&service_code=E0102`)).map((r) => r.service_request_id)).toEqual([other, open]);
  });

  it('searches at most 90 days at a time and reads W3C dates', async () => {
    const span = await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:00Z');
    expect([span.statusCode, span.json()[0].description]).toEqual([400, expect.stringContaining('90 days')]);
    expect((await get('requests.xml?start_date=2026-05-01T00:00:00Z&end_date=2026-04-01T00:00:00Z')).statusCode).toBe(400);
    expect((await get('requests.json?start_date=yesterday')).statusCode).toBe(400);
    expect((await get('requests.json?status=pending')).statusCode).toBe(400);
    expect((await get('requests.json?start_date=2020-01-01T00:00:00%2B08:00&end_date=2020-03-01T00:00:00%2B08:00')).json()).toEqual([]);
    const now = Date.now();
    const around = (await get(`requests.json?start_date=${new Date(now - 3_600_000).toISOString()}&end_date=${new Date(now + 60_000).toISOString()}`)).json();
    expect(around.length).toBeGreaterThan(0);
    const xml = readXml((await get('requests.xml?status=open')).body);
    expect(xml.name).toBe('service_requests');
    expect(xml.children.every((c) => c.name === 'request')).toBe(true);
  });

  it('cases of a class withdrawn from the public are no longer shown', async () => {
    const caseNo = await submit({ service_code: 'E0505', description: '道路积水' });
    expect((await get(`requests/${caseNo}.json`)).statusCode).toBe(200);
    await sql`UPDATE case_class SET public = false WHERE code = 'E0505'`.execute(h.t.database.db);
    expect((await get(`requests/${caseNo}.json`)).statusCode).toBe(404);
    expect(((await get('requests.json?service_code=E0505')).json() as unknown[]).length).toBe(0);
    expect((await h.post(valid({ service_code: 'E0505' }))).statusCode).toBe(404);
    await sql`UPDATE case_class SET public = true WHERE code = 'E0505'`.execute(h.t.database.db);
  });

  it('an unknown request is 404; a token that is a case id answers with its request id', async () => {
    expect((await get('requests/CG0000000000000.json')).statusCode).toBe(404);
    const caseNo = await submit();
    const { id } = await caseRow(caseNo);
    expect((await get(`tokens/${id}.json`)).json()).toEqual([{ service_request_id: caseNo, token: id }]);
    expect((await get(`tokens/${caseNo}.xml`)).statusCode).toBe(200);
    expect((await get('tokens/nothing.json')).statusCode).toBe(404);
  });
});
