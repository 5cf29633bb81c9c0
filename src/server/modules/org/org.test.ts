import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import type { Actor } from '../../kernel/access';
import type { Org } from './schemas';

let t: TestDatabase;
let app: FastifyInstance;
let actor: Actor | null = null;

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { resolveActor: async () => actor });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const manager = buildActor({ permissions: ['org:manage'] });
const clerk = buildActor({ permissions: [] });

async function orgs(): Promise<Org[]> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/orgs' });
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: Org[] }).items;
}
const byName = (list: Org[], name: string) => list.find((o) => o.name === name)!;

describe('the Yongchuan organisation tree', () => {
  it('has the district, its 7 streets, 16 towns, departments and grassroots units, in tree order', async () => {
    const list = await orgs();
    expect(list[0]).toMatchObject({ code: '500118', name: '重庆市永川区', kind: 'district', parentId: null, depth: 0 });
    const streets = list.filter((o) => o.kind === 'street').map((o) => o.name);
    expect(streets).toEqual(['中山路街道', '胜利路街道', '南大街街道', '茶山竹海街道', '大安街道', '陈食街道', '卫星湖街道']);
    const towns = list.filter((o) => o.kind === 'town');
    expect(towns).toHaveLength(16);
    expect(towns.map((o) => o.name)).toContain('朱沱镇');
    expect(list.filter((o) => o.kind === 'department').length).toBeGreaterThanOrEqual(25);
    expect(list.map((o) => o.name)).toEqual(expect.arrayContaining(['区大数据发展局', '区行政服务中心', '区城市管理局']));
    // every street and town has villages or communities right after it
    for (const unit of [...towns, ...list.filter((o) => o.kind === 'street')]) {
      const next = list[list.indexOf(unit) + 1]!;
      expect(next.parentId).toBe(unit.id);
      expect(['community', 'village']).toContain(next.kind);
    }
  });

  it('reads one organisation, and answers 404 problem for an unknown id', async () => {
    const town = byName(await orgs(), '松溉镇');
    const res = await app.inject({ method: 'GET', url: `/api/v1/orgs/${town.id}` });
    expect(res.json()).toEqual(town);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/orgs/01a21645-0000-7000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ORG_NOT_FOUND' });
  });
});

describe('changing the tree', () => {
  it('requires sign-in (401) and the org:manage permission (403), and then changes nothing', async () => {
    const before = await orgs();
    const root = before[0]!;
    const body = { parentId: root.id, code: '500118B99', name: '区测试局', kind: 'department' };
    actor = null;
    expect((await app.inject({ method: 'POST', url: '/api/v1/orgs', payload: body })).statusCode).toBe(401);
    actor = clerk;
    const forbidden = await app.inject({ method: 'POST', url: '/api/v1/orgs', payload: body });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await orgs()).toEqual(before);
  });

  it('creates an organisation under a parent', async () => {
    actor = manager;
    const street = byName(await orgs(), '胜利路街道');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { parentId: street.id, code: '500118002004', name: '  凤凰社区 ', kind: 'community' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '凤凰社区', parentId: street.id, depth: 2, kind: 'community' });
  });

  it('refuses a duplicate code, a duplicate sibling name and a kind that does not fit the parent', async () => {
    actor = manager;
    const list = await orgs();
    const town = byName(list, '来苏镇');
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/orgs', payload });
    const dupCode = await post({ parentId: town.id, code: '500118001', name: '新社区', kind: 'community' });
    expect([dupCode.statusCode, dupCode.json().code]).toEqual([409, 'ORG_CODE_TAKEN']);
    const dupName = await post({ parentId: town.id, code: '500118109099', name: '来苏社区', kind: 'community' });
    expect([dupName.statusCode, dupName.json().code]).toEqual([409, 'ORG_NAME_TAKEN']);
    const wrongKind = await post({ parentId: town.id, code: '500118109098', name: '来苏镇财政所', kind: 'department' });
    expect([wrongKind.statusCode, wrongKind.json().code]).toEqual([422, 'ORG_KIND_NOT_ALLOWED']);
    expect(wrongKind.json().allowed).toEqual(['community', 'village']);
    const script = await post({ parentId: town.id, code: '500118109097', name: '<script>alert(1)</script>', kind: 'village' });
    expect(script.statusCode).toBe(400);
    expect(await orgs()).toHaveLength(list.length);
  });

  it('renames and reorders', async () => {
    actor = manager;
    const village = byName(await orgs(), '汉东村');
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/orgs/${village.id}`, payload: { name: '汉东新村', sortOrder: 5 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: village.id, name: '汉东新村', sortOrder: 5 });
    expect(Date.parse(res.json().updatedAt)).toBeGreaterThanOrEqual(Date.parse(village.updatedAt));
  });

  it('moves a subtree, carrying its descendants, and refuses cycles and moving the root', async () => {
    actor = manager;
    let list = await orgs();
    const dept = byName(list, '区城市管理局');
    const inner = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { parentId: dept.id, code: '500118B1401', name: '数字城管监督指挥中心', kind: 'department' },
    });
    expect(inner.statusCode).toBe(201);
    const child = inner.json() as Org;
    const grand = (
      await app.inject({ method: 'POST', url: '/api/v1/orgs', payload: { parentId: child.id, code: '500118B140101', name: '受理科', kind: 'department' } })
    ).json() as Org;
    expect(grand.depth).toBe(3);

    // move 受理科 directly under the district department 区住房城乡建委
    const target = byName(list, '区住房城乡建委');
    const moved = await app.inject({ method: 'POST', url: `/api/v1/orgs/${child.id}/move`, payload: { parentId: target.id } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: target.id, depth: 2 });
    list = await orgs();
    const grandAfter = list.find((o) => o.id === grand.id)!;
    expect(grandAfter).toMatchObject({ parentId: child.id, depth: 3 });
    // tree order: the moved subtree now follows its new parent
    const ids = list.map((o) => o.id);
    expect(ids.indexOf(child.id)).toBeGreaterThan(ids.indexOf(target.id));
    expect(ids.indexOf(grand.id)).toBe(ids.indexOf(child.id) + 1);

    const cycle = await app.inject({ method: 'POST', url: `/api/v1/orgs/${child.id}/move`, payload: { parentId: grand.id } });
    expect([cycle.statusCode, cycle.json().code]).toEqual([409, 'ORG_MOVE_CYCLE']);
    const self = await app.inject({ method: 'POST', url: `/api/v1/orgs/${child.id}/move`, payload: { parentId: child.id } });
    expect(self.json().code).toBe('ORG_MOVE_CYCLE');
    const root = list[0]!;
    const rootMove = await app.inject({ method: 'POST', url: `/api/v1/orgs/${root.id}/move`, payload: { parentId: dept.id } });
    expect([rootMove.statusCode, rootMove.json().code]).toEqual([409, 'ORG_ROOT_IMMUTABLE']);
    const village = byName(list, '石梁村');
    const wrong = await app.inject({ method: 'POST', url: `/api/v1/orgs/${village.id}/move`, payload: { parentId: dept.id } });
    expect([wrong.statusCode, wrong.json().code]).toEqual([422, 'ORG_KIND_NOT_ALLOWED']);
  });

  it('two concurrent moves of crossing subtrees cannot create a cycle', async () => {
    actor = manager;
    const list = await orgs();
    const a = byName(list, '区商务委');
    const b = byName(list, '区统计局');
    const [r1, r2] = await Promise.all([
      app.inject({ method: 'POST', url: `/api/v1/orgs/${a.id}/move`, payload: { parentId: b.id } }),
      app.inject({ method: 'POST', url: `/api/v1/orgs/${b.id}/move`, payload: { parentId: a.id } }),
    ]);
    const statuses = [r1.statusCode, r2.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
  });
});
