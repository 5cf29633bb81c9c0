import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { flatten, seedCatalogue } from './seed/index';

let t: TestDatabase;
let app: FastifyInstance;
const org: Record<string, string> = {};

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database);
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

interface Hit {
  code: string;
  name: string;
  level: string;
  department: { name: string };
  score: number;
  matched: string;
  tier: string;
}
const search = async (query: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/services/items?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: Hit[] };
};
const q = (text: string, extra = '') => search(`q=${encodeURIComponent(text)}${extra}`);

describe('the demo catalogue', () => {
  it('has about 30 items across at least 8 departments and the three levels, with sub-items and handling items', async () => {
    const all = await search('pageSize=50&page=1');
    const rest = await search('pageSize=50&page=2');
    const items = [...all.items, ...rest.items];
    expect(all.total).toBe(flatten(seedCatalogue).length);
    expect(items.filter((i) => i.tier !== 'handling').length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((i) => i.department.name)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(items.map((i) => i.level))).toEqual(new Set(['district', 'town', 'village']));
    expect(new Set(items.map((i) => i.tier))).toEqual(new Set(['main', 'sub', 'handling']));
  });
});

describe('search', () => {
  it('finds a part of a Chinese word: 施工 → 建筑工程施工许可证核发, ranked first', async () => {
    const r = await q('施工');
    expect(r.items[0]).toMatchObject({ name: '建筑工程施工许可证核发', matched: 'name', tier: 'main' });
    expect(r.items.map((i) => i.name)).toContain('建筑工程施工许可证核发（变更）');
  });

  it('finds 食品经营许可 from 餐 through its keywords and the life event 我要开餐馆, ahead of items tagged only with the event', async () => {
    const r = await q('餐');
    expect(r.items[0]).toMatchObject({ name: '食品经营许可', matched: 'keywords' });
    expect(r.items.map((i) => i.name)).toContain('户外广告设置许可');
  });

  it('ranks exact name > name prefix > name contains > keywords > conditions', async () => {
    const exact = (await q('出生登记')).items;
    expect(exact[0]).toMatchObject({ name: '出生登记', matched: 'name' });
    expect(exact[0]!.score).toBeGreaterThanOrEqual(100);
    const names = (await q('最低生活保障')).items;
    expect(names[0]!.name).toBe('最低生活保障审批');
    expect(names.map((i) => i.score)).toEqual([...names.map((i) => i.score)].sort((a, b) => b - a));
    const tiers = (await q('低保')).items; // only in keywords
    expect(tiers[0]!.matched).toBe('keywords');
    const prefix = (await q('食品')).items.map((i) => [i.name, i.score] as const);
    const contains = prefix.find(([n]) => n === '对食品经营者的监督检查')!;
    expect(prefix[0]![1]).toBeGreaterThanOrEqual(80);
    expect(contains[1]).toBeGreaterThanOrEqual(60);
    expect(contains[1]).toBeLessThan(80);
    const other = (await q('二十周岁')).items; // in the conditions of 内地居民结婚登记 only
    expect(other.map((i) => [i.name, i.matched])).toEqual([['内地居民结婚登记', 'other']]);
  });

  it('needs every term, finds codes, ignores full-width and case, and near-matches longer terms', async () => {
    expect((await q('食品 注销')).items.map((i) => i.name)).toEqual(['食品经营许可（注销）']);
    expect((await q('010000400000')).items[0]!.name).toBe('建筑工程施工许可证核发');
    expect((await q('施工许可证')).items[0]!.name).toBe('建筑工程施工许可证核发');
    expect((await q('建筑施工许可')).items[0]).toMatchObject({ name: '建筑工程施工许可证核发', matched: 'fuzzy' });
    expect((await q('ＡＰＰ')).total).toBeGreaterThanOrEqual(0);
    expect((await q('量子纠缠')).total).toBe(0);
  });

  it('filters by department, level, type, life event, topic, target users and online; pages', async () => {
    const market = await search(`department=${org['区市场监管局']}&pageSize=50`);
    expect(market.total).toBeGreaterThan(5);
    expect(new Set(market.items.map((i) => i.department.name))).toEqual(new Set(['区市场监管局']));
    const village = await search('level=village');
    expect(village.items.map((i) => i.name).sort()).toEqual(['农村村民建房申请村级审查', '最低生活保障申请代办']);
    const town = await q('低保', '&level=town');
    expect(town.items.map((i) => i.name)).toEqual(['最低生活保障申请受理及初审']);
    const birth = (await search('lifeEvent=birth&pageSize=50')).items.map((i) => i.name);
    for (const name of ['出生医学证明办理', '出生登记', '生育登记', '城乡居民基本医疗保险参保登记']) expect(birth).toContain(name);
    expect((await search('type=penalty')).items.map((i) => i.name)).toEqual(['对擅自占用、挖掘城市道路的行政处罚']);
    expect((await search('topic=housing-fund')).total).toBe(3);
    expect((await search('target=legal&lifeEvent=retirement')).total).toBe(0);
    const online = await search('online=true&pageSize=50');
    expect(online.items.every((i) => (i as unknown as { online: boolean }).online)).toBe(true);
    const page2 = await search('pageSize=5&page=2');
    expect(page2.items).toHaveLength(5);
    expect(page2.items[0]!.code).toBe((await search('pageSize=10')).items[5]!.code);
  });

  it('refuses bad parameters with the field at fault', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/services/items?level=province&pageSize=500' });
    expect(r.statusCode).toBe(400);
    const fields = (r.json().errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/querystring/level', '/querystring/pageSize']));
    expect((await app.inject({ method: 'GET', url: '/api/v1/services/items?department=not-a-uuid' })).json().errors[0].field).toBe('/querystring/department');
  });
});

describe('facets', () => {
  it('counts each dimension under the query and the other filters', async () => {
    const all = (await app.inject({ method: 'GET', url: '/api/v1/services/facets' })).json();
    expect(all.levels.map((l: { code: string }) => l.code).sort()).toEqual(['district', 'town', 'village']);
    expect(all.lifeEvents.find((e: { code: string }) => e.code === 'open-restaurant')).toMatchObject({ zh: '我要开餐馆' });
    const chosen = (await app.inject({ method: 'GET', url: `/api/v1/services/facets?department=${org['区市场监管局']}` })).json();
    // choosing a department keeps the other departments' counts, and narrows the other dimensions
    expect(chosen.departments.length).toBe(all.departments.length);
    expect(chosen.total).toBeLessThan(all.total);
    expect(chosen.levels).toEqual([{ code: 'district', count: chosen.total }]);
  });
});

describe('guide and lists', () => {
  it('serves the guide with every element, its parent and its handling items', async () => {
    const g = (await app.inject({ method: 'GET', url: '/api/v1/services/items/010000100000' })).json();
    expect(g).toMatchObject({ name: '食品经营许可', statutoryDays: 20, promisedDays: 5, instant: false, visits: 0, onlineDepth: 4, version: 1, department: { name: '区市场监管局' } });
    expect(g.implementationCode).toBe('500118B241010000100000');
    expect(g.legalBasis).toContain('《中华人民共和国食品安全法》第三十五条');
    expect(g.children.map((c: { handlingKind: string }) => c.handlingKind)).toEqual(['new', 'change', 'renew', 'cancel']);
    expect(g.materials.find((m: { certName?: string }) => m.certName === '营业执照')).toBeTruthy();
    // a guide leaves out what a material lacks, and the duties of the responsibility list
    expect(g.materials[0]).toEqual({ name: '食品经营许可申请书', required: true, copies: 0, form: 'electronic', note: '网上填报或窗口领取' });
    expect(g).not.toHaveProperty('responsibility');
    const child = (await app.inject({ method: 'GET', url: '/api/v1/services/items/010000100004' })).json();
    expect(child).toMatchObject({ name: '食品经营许可（注销）', instant: true, promisedDays: 0, parent: { code: '010000100000' } });
    expect((await app.inject({ method: 'GET', url: '/api/v1/services/items/019999900000' })).json().code).toBe('SERVICES_ITEM_NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: '/api/v1/services/items/abc' })).statusCode).toBe(400);
  });

  it('generates the power list by department and type, and the responsibility list', async () => {
    const powers = (await app.inject({ method: 'GET', url: '/api/v1/services/power-list' })).json();
    const city = powers.departments.find((d: { name: string }) => d.name === '区城市管理局');
    expect(city.types.map((t: { type: string }) => t.type)).toEqual(['licensing', 'penalty']);
    const all = powers.departments.flatMap((d: { types: Array<{ items: Array<{ name: string; tier: string }> }> }) => d.types.flatMap((t) => t.items));
    expect(all.some((i: { tier: string }) => i.tier === 'handling')).toBe(false);
    expect(all.map((i: { name: string }) => i.name)).not.toContain('住房公积金提取'); // a public service, not a power
    const duties = (await app.inject({ method: 'GET', url: '/api/v1/services/responsibility-list' })).json();
    expect(duties.total).toBe(powers.total);
    const food = duties.departments.flatMap((d: { items: Array<{ name: string; responsibility: { duties: Array<{ stage: string }> } }> }) => d.items).find((i: { name: string }) => i.name === '食品经营许可');
    expect(food.responsibility.duties.map((d: { stage: string }) => d.stage)).toContain('受理责任');
  });
});
