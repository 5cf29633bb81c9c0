/** CSV import: per-row report, duplicates, broken quoting, all-or-nothing, valid-only, size limit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode, demoIdNumber } from './seed-data';
import { registryTestApp } from './test-app';

let r: Awaited<ReturnType<typeof registryTestApp>>;
beforeAll(async () => {
  r = await registryTestApp();
});
afterAll(() => r.close());

const gen = (seed: number) => () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
const count = async (table: string) => Number((await r.t.database.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
const header = '姓名,身份证号,户籍地址,联系电话,状态';

describe('importing natural persons', () => {
  const g = gen(77);
  const ids = Array.from({ length: 6 }, () => demoIdNumber(g));
  const good = ids.map((id, i) => `导入${i},${id},重庆市永川区胜利路街道汇龙社区汇龙大道${i}号,1390000000${i},正常`);

  it('rejects the whole file when one row is bad, and lists every rejected row', async () => {
    const before = await count('registry_person');
    const existing = (await r.t.database.pool.query('SELECT id_number_enc FROM registry_person LIMIT 1')).rows.length;
    expect(existing).toBe(1);
    const seeded = (await r.as('clerk', 'POST', `/api/v1/registry/persons/records/${(await r.as('clerk', 'GET', '/api/v1/registry/persons/records?pageSize=1')).json().items[0].id}/reveal`, { reason: '导入测试取样' })).json().fields.idNumber as string;
    const badCheck = `${ids[5]!.slice(0, 17)}${ids[5]![17] === '0' ? '1' : '0'}`;
    const body = [header, good[0], good[1], `坏校验,${badCheck},,,正常`, `重复,${ids[0]},,,正常`, `库中已有,${seeded},,,正常`, `引号,"${ids[2]},,,正常`, good[3], `列数,${ids[4]}`, `状态,${ids[4]},,,失踪`].join('\n');
    const res = await r.csv('police', 'persons', body);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ committed: false, imported: 0, rows: 9, rejectedCount: 6 });
    expect(report.rejected.map((x: { line: number; code: string }) => [x.line, x.code])).toEqual([
      [4, 'check-digit'],
      [5, 'duplicate-in-file'],
      [6, 'duplicate-in-register'],
      [7, 'quoting'],
      [9, 'columns'],
      [10, 'status'],
    ]);
    expect(report.rejected[1].zh).toContain('第 2 行');
    expect(await count('registry_person')).toBe(before);
    expect(await count("registry_version WHERE kind = 'import'")).toBe(0);
  });

  it('imports only the valid rows when the caller asks for it, with a version and an audit record', async () => {
    const before = await count('registry_person');
    const body = [header, good[0], `重复,${ids[0]},,,正常`, `坏,${ids[1]!.slice(0, 17)}Y,,,正常`, good[2]].join('\r\n');
    const report = (await r.csv('police', 'persons', body, 'valid-only')).json();
    expect(report).toMatchObject({ committed: true, imported: 2, rejectedCount: 2 });
    expect(await count('registry_person')).toBe(before + 2);
    const found = (await r.as('clerk', 'GET', `/api/v1/registry/persons/records?idNumber=${ids[2]}`)).json().items[0];
    expect(found.fields).toMatchObject({ name: '导**', sex: expect.any(String), status: 'normal' });
    const history = (await r.as('clerk', 'GET', `/api/v1/registry/persons/records/${found.id}/history`)).json().items;
    expect(history).toMatchObject([{ version: 1, kind: 'import', sourceOrg: '区公安局' }]);
    expect((await r.audits('registry.import')).at(-1)!.details).toMatchObject({ mode: 'valid-only', imported: 2, rejected: 2 });
  });

  it('commits a clean file in one go', async () => {
    const report = (await r.csv('police', 'persons', [header, good[3], good[4], good[5]].join('\n'))).json();
    expect(report).toMatchObject({ committed: true, imported: 3, rejectedCount: 0 });
  });

  it('refuses a missing header column, other departments, places, and a 50 MB file', async () => {
    expect((await r.csv('police', 'persons', '姓名,电话\n张三,1')).json().code).toBe('REGISTRY_IMPORT_HEADER');
    expect((await r.csv('reviewer', 'persons', `${header}\n${good[0]}`)).json().code).toBe('REGISTRY_NOT_OWNER');
    expect((await r.csv('police', 'places', 'a\nb')).json().code).toBe('REGISTRY_NOT_IMPORTABLE');
    const before = await count('registry_person');
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    const res = await r.app.inject({ method: 'POST', url: '/api/v1/registry/persons/import', headers: { 'x-test-actor': 'police', 'content-type': 'text/csv' }, payload: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('REGISTRY_IMPORT_TOO_LARGE');
    expect(await count('registry_person')).toBe(before);
  });
});

describe('a large file', () => {
  it('streams a body over the framework default limit; the report counts every rejected row and lists the first 1000', async () => {
    const body = [header, ...Array.from({ length: 60_000 }, (_, i) => `无效${i},12345,重庆市永川区中山路街道红河社区红河大道1号,,正常`)].join('\n');
    expect(Buffer.byteLength(body)).toBeGreaterThan(4 * 1024 * 1024);
    const report = (await r.csv('police', 'persons', body, 'valid-only')).json();
    expect(report).toMatchObject({ committed: true, rows: 60_000, imported: 0, rejectedCount: 60_000 });
    expect(report.rejected).toHaveLength(1000);
    expect(report.rejected[999]).toMatchObject({ line: 1001, code: 'length' });
  });
});

describe('importing legal persons', () => {
  it('reports duplicate credit codes and a bad check character; all or nothing', async () => {
    const g = gen(91);
    const a = demoCreditCode(g);
    const b = demoCreditCode(g);
    const bad = `${b.slice(0, 17)}${b[17] === '0' ? '1' : '0'}`;
    const h = '名称,统一社会信用代码,法定代表人,注册地址,状态,行业代码,成立日期';
    const before = await count('registry_legal');
    const report = (await r.csv('reviewer', 'legal-persons', [h, `甲公司,${a},张三,永川区,存续,C1531,2020-01-02`, `乙公司,${a},李四,永川区,存续,,`, `丙公司,${bad},王五,永川区,存续,,`].join('\n'))).json();
    expect(report.rejected.map((x: { line: number; code: string }) => [x.line, x.code])).toEqual([[3, 'duplicate-in-file'], [4, 'check-character']]);
    expect(await count('registry_legal')).toBe(before);
    const ok = (await r.csv('reviewer', 'legal-persons', [h, `甲公司,${a},张三,永川区,存续,C1531,2020-01-02`].join('\n'))).json();
    expect(ok).toMatchObject({ committed: true, imported: 1 });
    const row = (await r.as('clerk', 'GET', `/api/v1/registry/legal-persons/records?creditCode=${a}`)).json().items[0];
    expect(row.fields).toMatchObject({ entityType: '91', industryCode: 'C1531', establishedOn: '2020-01-02', sourceOrg: '区市场监管局' });
  });
});
