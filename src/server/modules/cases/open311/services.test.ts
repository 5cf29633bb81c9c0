import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open311TestApp, type Open311TestApp } from './test-app';
import { asText, readXml, spark } from './test-xml';

let h: Open311TestApp;
beforeAll(async () => {
  h = await open311TestApp();
});
afterAll(async () => h.close());

const get = (path: string) => h.app.inject({ method: 'GET', url: `/open311/v2/${path}` });

/** GETs a resource in both formats, checks their content types, and that the XML maps to the JSON (Spark). */
async function both(path: string, root: string) {
  const [xml, json] = await Promise.all([get(path.replace('{fmt}', 'xml')), get(path.replace('{fmt}', 'json'))]);
  expect([xml.statusCode, xml.headers['content-type']]).toEqual([200, 'text/xml; charset=utf-8']);
  expect([json.statusCode, json.headers['content-type']]).toEqual([200, 'application/json; charset=utf-8']);
  const doc = readXml(xml.body);
  expect(doc.name).toBe(root);
  expect(spark(doc)).toEqual(asText(json.json()));
  return json.json();
}

describe('discovery and services', () => {
  it('discovery names the GeoReport v2 endpoint, its formats and a changeset in Beijing time', async () => {
    const d = await both('discovery.{fmt}', 'discovery');
    expect(d.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(d.key_service).toContain('cases:open311.submit');
    expect(d.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:80/open311/v2', changeset: d.changeset, type: 'test', formats: ['text/xml', 'application/json'] },
    ]);
  });

  it('lists the active public case classes as services, grouped by major class', async () => {
    const services = (await both('services.{fmt}', 'services')) as Array<Record<string, unknown>>;
    const { n } = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM case_class WHERE active AND public`.execute(h.t.database.db)).rows[0]!;
    expect(services).toHaveLength(n);
    expect(services.find((s) => s.service_code === 'E0102')).toEqual({
      service_code: 'E0102',
      service_name: expect.any(String),
      description: expect.any(String),
      metadata: true,
      type: 'realtime',
      keywords: expect.stringMatching(/^[^,]+(, [^,]+)*$/),
      group: '市容环境',
    });
    const manhole = services.find((s) => s.service_code === 'C0101')!;
    expect([manhole.service_name, manhole.group, manhole.description]).toEqual(['上水井盖', '公用设施', '井盖缺失、破损、移位或松动']);
  });

  it('a class withdrawn from the public is neither listed nor defined, and moves the changeset', async () => {
    const before = (await get('discovery.json')).json().changeset;
    await sql`UPDATE case_class SET public = false, updated_at = now() + interval '1 minute' WHERE code = 'E0501'`.execute(h.t.database.db);
    expect(((await get('services.json')).json() as Array<{ service_code: string }>).some((s) => s.service_code === 'E0501')).toBe(false);
    expect((await get('services/E0501.json')).statusCode).toBe(404);
    expect((await get('discovery.json')).json().changeset).not.toBe(before);
  });

  it('defines urgency for every service and a component number for components', async () => {
    const component = await both('services/C0101.{fmt}', 'service_definition');
    expect(component.service_code).toBe('C0101');
    expect(component.attributes).toEqual([
      expect.objectContaining({ variable: true, code: 'urgent', datatype: 'singlevaluelist', required: false, order: 1, values: [{ key: 'true', name: '是' }, { key: 'false', name: '否' }] }),
      expect.objectContaining({ variable: true, code: 'component_id', datatype: 'string', required: false, order: 2, description: expect.stringContaining('部件编号') }),
    ]);
    const event = await both('services/E0102.{fmt}', 'service_definition');
    expect(event.attributes.map((a: { code: string }) => a.code)).toEqual(['urgent']);
  });
});

describe('errors in the Open311 format', () => {
  it('an unknown service is 404 in the format asked for, never problem+json', async () => {
    const json = await get('services/E9999.json');
    expect([json.statusCode, json.headers['content-type']]).toEqual([404, 'application/json; charset=utf-8']);
    expect(json.json()).toEqual([{ code: 404, description: expect.stringContaining('E9999') }]);
    const xml = await get('services/E9999.xml');
    expect([xml.statusCode, xml.headers['content-type']]).toEqual([404, 'text/xml; charset=utf-8']);
    expect(spark(readXml(xml.body))).toEqual([{ code: '404', description: expect.stringContaining('service_code not found') }]);
  });

  it('jurisdiction_id may be 500118 or absent; any other is 404', async () => {
    expect((await get('services.json?jurisdiction_id=500118')).statusCode).toBe(200);
    expect((await get('services.json?jurisdiction_id=')).statusCode).toBe(200);
    const other = await get('services.xml?jurisdiction_id=110000');
    expect(other.statusCode).toBe(404);
    expect(spark(readXml(other.body))).toEqual([{ code: '404', description: expect.stringContaining('jurisdiction_id not found: 110000') }]);
    expect((await get('services/C0101.json?jurisdiction_id=110000')).statusCode).toBe(404);
    expect((await get('requests.json?jurisdiction_id=110000')).statusCode).toBe(404);
  });

  it('an unknown format, an unknown resource and a malformed query answer in the Open311 format', async () => {
    const html = await get('services.html');
    expect([html.statusCode, html.headers['content-type']]).toEqual([404, 'text/xml; charset=utf-8']);
    const missing = await get('nothing/here.json');
    expect([missing.statusCode, missing.headers['content-type']]).toEqual([404, 'application/json; charset=utf-8']);
    expect(missing.json()[0].code).toBe(404);
    const invalid = await get(`requests.json?start_date=${'9'.repeat(50)}`);
    expect([invalid.statusCode, invalid.headers['content-type']]).toEqual([400, 'application/json; charset=utf-8']);
    expect(invalid.json()).toEqual([{ code: 400, description: expect.stringContaining('start_date') }]);
  });

  it('keeps the platform’s own API answering problem+json', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
