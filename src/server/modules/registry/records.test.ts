/** Registers: rules, field access per role, masking, audited reveal, history, search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from './seed-data';
import { registryTestApp } from './test-app';

let r: Awaited<ReturnType<typeof registryTestApp>>;
beforeAll(async () => {
  r = await registryTestApp();
});
afterAll(() => r.close());

const idNumber = '500118199003074215';
const person = { name: '测试人', idNumber, householdAddress: '重庆市永川区中山路街道红河社区红河大道8号', phone: '13800001234', status: '正常' };

describe('natural persons', () => {
  let id: string;
  it('refuses a bad check digit, and writes from a non-owning department', async () => {
    const bad = await r.as('police', 'POST', '/api/v1/registry/persons/records', { fields: { ...person, idNumber: '500118199003074218' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'REGISTRY_INVALID_FIELD', errors: [{ field: '/body/fields/idNumber', code: 'check-digit' }] });
    expect((await r.as('reviewer', 'POST', '/api/v1/registry/persons/records', { fields: person })).json().code).toBe('REGISTRY_NOT_OWNER');
    expect((await r.as('clerk', 'POST', '/api/v1/registry/persons/records', { fields: person })).statusCode).toBe(403);
    expect((await r.as('police', 'POST', '/api/v1/registry/persons/records', { fields: { ...person, sex: 'female' } })).json().code).toBe('REGISTRY_FIELD_NOT_WRITABLE');
  });

  it('derives sex and birth date from the ID number and stores it encrypted', async () => {
    const res = await r.as('police', 'POST', '/api/v1/registry/persons/records', { fields: person });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    const row = (await r.t.database.pool.query('SELECT * FROM registry_person WHERE id = $1', [id])).rows[0];
    expect(row.sex).toBe('male');
    expect(row.id_number_enc).not.toContain('500118');
    expect(row.phone_enc).not.toContain('1380000');
    expect((await r.as('police', 'POST', '/api/v1/registry/persons/records', { fields: { ...person, name: '另一人' } })).json().code).toBe('REGISTRY_DUPLICATE');
  });

  it('shows each role only its granted fields, personal ones masked, and audits the read', async () => {
    const clerk = (await r.as('clerk', 'GET', `/api/v1/registry/persons/records/${id}`)).json();
    expect(clerk.fields).toMatchObject({ name: '测**', idNumber: '500118********4215', sex: 'male', birthDate: '1990-**-**', phone: '138****1234', status: 'normal', sourceOrg: '区公安局' });
    expect(clerk.masked).toEqual(expect.arrayContaining(['name', 'idNumber', 'phone', 'householdAddress']));
    const leader = (await r.as('leader', 'GET', `/api/v1/registry/persons/records/${id}`)).json();
    expect(Object.keys(leader.fields).sort()).toEqual(['birthDate', 'sex', 'sourceOrg', 'status']);
    const handler = (await r.as('handler', 'GET', `/api/v1/registry/persons/records/${id}`)).json();
    expect(handler.fields.idNumber).toBeUndefined();
    expect(handler.fields.phone).toBe('138****1234');
    const reads = await r.audits('registry.record.read');
    expect(reads.some((a) => a.object_id === id && a.actor_id === r.ids.clerk && (a.details.fields as string[]).includes('idNumber'))).toBe(true);
  });

  it('reveals only with personal:reveal and a reason, audited; only granted fields', async () => {
    expect((await r.as('handler', 'POST', `/api/v1/registry/persons/records/${id}/reveal`, { reason: '入户核实' })).statusCode).toBe(403);
    expect((await r.as('clerk', 'POST', `/api/v1/registry/persons/records/${id}/reveal`, {})).statusCode).toBe(400);
    const res = await r.as('clerk', 'POST', `/api/v1/registry/persons/records/${id}/reveal`, { reason: '窗口办理户籍证明' });
    expect(res.json().fields).toMatchObject({ name: '测试人', idNumber, phone: '13800001234' });
    expect(res.json().masked).toEqual([]);
    const reveals = await r.audits('personal.reveal');
    expect(reveals.find((a) => a.object_id === id)?.details).toMatchObject({ reason: '窗口办理户籍证明', fields: expect.arrayContaining(['idNumber', 'phone']) });
  });

  it('keeps a version per change with who, source department and what changed (personal by name only)', async () => {
    const stale = await r.as('police', 'PATCH', `/api/v1/registry/persons/records/${id}`, { fields: { status: '迁出' }, reason: '迁出本区', version: 9 });
    expect(stale.json().code).toBe('REGISTRY_STALE_VERSION');
    const ok = await r.as('police', 'PATCH', `/api/v1/registry/persons/records/${id}`, { fields: { status: '迁出', phone: '13900005678' }, reason: '迁出本区', version: 1 });
    expect(ok.json().version).toBe(2);
    const history = (await r.as('clerk', 'GET', `/api/v1/registry/persons/records/${id}/history`)).json().items;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ version: 2, kind: 'update', reason: '迁出本区', sourceOrg: '区公安局', actorName: 'police', changes: { status: { from: 'normal', to: 'moved_out' }, phone: { changed: true } } });
    expect(JSON.stringify(history)).not.toContain('13900005678');
    const leaderHistory = (await r.as('leader', 'GET', `/api/v1/registry/persons/records/${id}/history`)).json().items;
    expect(leaderHistory[0].changes.phone).toBeUndefined();
  });

  it('finds by ID number exactly (blind index), by name prefix, and not by a field the reader may not see', async () => {
    const byId = (await r.as('clerk', 'GET', `/api/v1/registry/persons/records?idNumber=${idNumber}`)).json();
    expect(byId.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await r.as('clerk', 'GET', `/api/v1/registry/persons/records?idNumber=${idNumber.slice(0, 17)}`)).json().total).toBe(0);
    const byName = (await r.as('clerk', 'GET', `/api/v1/registry/persons/records?name=${encodeURIComponent('测试')}`)).json();
    expect(byName.items.some((i: { id: string }) => i.id === id)).toBe(true);
    expect((await r.as('leader', 'GET', `/api/v1/registry/persons/records?idNumber=${idNumber}`)).json().total).toBe(0);
    const page = (await r.as('clerk', 'GET', '/api/v1/registry/persons/records?pageSize=10&page=2')).json();
    expect(page.items).toHaveLength(10);
    expect(page.total).toBeGreaterThanOrEqual(300);
  });
});

describe('legal persons and places', () => {
  it('derives the entity type from the credit code, refuses a bad one, searches by code', async () => {
    const bad = await r.as('reviewer', 'POST', '/api/v1/registry/legal-persons/records', { fields: { name: '重庆测试有限公司', creditCode: '91500118MA5U7K8X1A' } });
    expect(bad.json().errors[0]).toMatchObject({ field: '/body/fields/creditCode' });
    const existing = (await r.as('reviewer', 'GET', '/api/v1/registry/legal-persons/records?pageSize=1')).json().items[0];
    const found = (await r.as('clerk', 'GET', `/api/v1/registry/legal-persons/records?creditCode=${existing.fields.creditCode.toLowerCase()}`)).json();
    expect(found.items[0].id).toBe(existing.id);
    expect(['91', '92', '93']).toContain(found.items[0].fields.entityType);
    expect(found.items[0].masked).toEqual([]);
  });

  it('composes the standard address and takes the unit grid from the grid module', async () => {
    const res = await r.as('reviewer', 'POST', '/api/v1/registry/places/records', { fields: { street: '中山路街道', community: '红河社区', road: '红河大道', houseNo: '999', lng: 105.9275, lat: 29.3556 } });
    expect(res.json().code).toBe('REGISTRY_NOT_OWNER'); // places belong to 区规划自然资源局
    r.actors.set('planner', { ...r.actors.get('police')!, orgId: r.org['区规划自然资源局']!, grants: [{ permission: 'registry:maintain', scope: 'own', orgId: r.org['区规划自然资源局']! }] });
    const ok = await r.as('planner', 'POST', '/api/v1/registry/places/records', { fields: { street: '中山路街道', community: '红河社区', road: '红河大道', houseNo: '999', lng: 105.9275, lat: 29.3556 } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().fields.address).toBe('重庆市永川区中山路街道红河社区红河大道999号');
    expect('unitGridCode' in ok.json().fields).toBe(true);
  });
});

describe('field grants', () => {
  it('an administrator with registry:fields.manage changes who sees a field; audited; others may not', async () => {
    expect((await r.as('clerk', 'PUT', '/api/v1/registry/field-grants', { register: 'persons', field: 'phone', roles: [] })).statusCode).toBe(403);
    expect((await r.as('secadmin', 'PUT', '/api/v1/registry/field-grants', { register: 'persons', field: 'phone', roles: ['nobody_role'] })).json().code).toBe('REGISTRY_UNKNOWN_ROLE');
    const set = await r.as('secadmin', 'PUT', '/api/v1/registry/field-grants', { register: 'persons', field: 'phone', roles: ['dept_handler'] });
    expect(set.json()).toEqual({ register: 'persons', field: 'phone', roles: ['dept_handler'] });
    const someone = (await r.as('clerk', 'GET', '/api/v1/registry/persons/records?pageSize=1')).json().items[0];
    expect(someone.fields.phone).toBeUndefined();
    expect((await r.audits('registry.field-grant.set'))[0]!.details).toMatchObject({ after: ['dept_handler'] });
  });

  it('the demo seed has valid check digits everywhere', () => {
    const gen = (() => { let s = 1; return () => ((s = (s * 48271) % 2147483647) / 2147483647); })();
    for (let i = 0; i < 50; i += 1) expect(demoIdNumber(gen)).toMatch(/^\d{17}[\dX]$/);
  });
});
