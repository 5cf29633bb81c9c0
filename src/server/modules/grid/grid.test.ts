import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp, testKernel } from '../../../../test/helpers/app';
import { chainAudit } from '../../../../test/helpers/audit';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import type { Actor } from '../../kernel/access';
import { ownTables } from '../../kernel/db/database';
import type { Org } from '../org';
import { migrate } from '../../kernel/db/migrate';
import { migrationSources } from '../../platform';
import { modules } from '..';
import { orgModule } from '../org';
import { gridModule } from './index';
import { GridService } from './locator';
import type { GridTables } from './tables';

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

const staff = buildActor({ permissions: [] });
const manager = buildActor({ permissions: ['grid:manage'] });
type Ring = Array<[number, number]>;
type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown[] } };
const db = () => ownTables<GridTables>(t.database);

async function get(url: string, as: Actor | null = staff) {
  actor = as;
  return app.inject({ method: 'GET', url });
}
async function post(url: string, payload: object, as: Actor | null = manager) {
  actor = as;
  return app.inject({ method: 'POST', url, payload });
}
const locate = (lng: number, lat: number, as: Actor | null = staff) => get(`/api/v1/grid/locate?lng=${lng}&lat=${lat}`, as);
const ringOf = async (code: string): Promise<Ring> => ((await get(`/api/v1/grid/unit-grids/${code}`)).json() as { geometry: { coordinates: Ring[] } }).geometry.coordinates[0]!;
const square = (lng: number, lat: number, size = 0.001): Ring => [
  [lng, lat],
  [lng + size, lat],
  [lng + size, lat + size],
  [lng, lat + size],
  [lng, lat],
];
const feature = (code: string, ring: unknown[], extra: Partial<Feature> = {}): Feature => ({
  type: 'Feature',
  properties: { code, name: `测试网格${code.slice(-3)}` },
  geometry: { type: 'Polygon', coordinates: [ring] },
  ...extra,
});
const collection = (features: Feature[]) => ({ type: 'FeatureCollection', features });
const unitCount = async () => Number((await db().selectFrom('grid_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/** A point inside the district but in no unit grid: the middle of a town (towns have no demo unit grids). */
async function pointInTown(): Promise<[number, number]> {
  const service = new GridService(db());
  const town = await db().selectFrom('grid_area').selectAll().where('code', '=', '500118101').executeTakeFirstOrThrow();
  for (let k = 1; k < 400; k += 1) {
    const lng = town.min_lng! + ((town.max_lng! - town.min_lng!) * (k % 20)) / 20;
    const lat = town.min_lat! + ((town.max_lat! - town.min_lat!) * Math.floor(k / 20)) / 20;
    if ((await service.insideDistrict(lng, lat)) && !(await service.locate(lng, lat))) return [lng, lat];
  }
  throw new Error('no point found in the town');
}

describe('demo geography (generated, not survey data)', () => {
  it('has the district, its 7 streets and 16 towns as polygons, communities inside them, and thousands of unit grids', async () => {
    const res = await get('/api/v1/grid/areas?level=street', null);
    expect(res.statusCode).toBe(200);
    const streets = res.json() as { type: string; features: Array<{ properties: { code: string; name: string; kind: string; demo: boolean; orgId: string }; geometry: { type: string } | null }> };
    expect(streets.type).toBe('FeatureCollection');
    expect(streets.features.filter((f) => f.properties.kind === 'street').map((f) => f.properties.name)).toEqual(['中山路街道', '胜利路街道', '南大街街道', '茶山竹海街道', '大安街道', '陈食街道', '卫星湖街道']);
    expect(streets.features.filter((f) => f.properties.kind === 'town')).toHaveLength(16);
    for (const f of streets.features) {
      expect(f.properties.demo).toBe(true);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry?.type);
    }
    const orgs = ((await get('/api/v1/orgs', null)).json() as { items: Org[] }).items;
    expect(streets.features[0]!.properties.orgId).toBe(orgs.find((o) => o.code === '500118001')!.id);
    const communities = (await get('/api/v1/grid/areas?level=community', null)).json() as { features: unknown[] };
    expect(communities.features.length).toBe(orgs.filter((o) => o.kind === 'community' || o.kind === 'village').length);
    const district = (await get('/api/v1/grid/areas?level=district', null)).json() as { features: Array<{ properties: { code: string } }> };
    expect(district.features.map((f) => f.properties.code)).toEqual(['500118']);
    expect(await unitCount()).toBeGreaterThan(3000);
  });

  it('tiles each urban community with ≈ 100 m grids numbered west → east, then north → south', async () => {
    const res = await get('/api/v1/grid/unit-grids?community=500118001001');
    const grids = (res.json() as { features: Array<{ properties: { code: string; demo: boolean }; geometry: { coordinates: Ring[] } }>; truncated: boolean });
    expect(grids.truncated).toBe(false);
    expect(grids.features.length).toBeGreaterThan(50);
    const first = grids.features[0]!.geometry.coordinates[0]!;
    const widthM = (first[1]![0] - first[0]![0]) * 97_107;
    const heightM = (first[2]![1] - first[1]![1]) * 110_842;
    expect(widthM * heightM).toBeGreaterThan(9_000);
    expect(widthM * heightM).toBeLessThan(11_000);
    // reading order: a later grid is further south, or in the same row further east
    for (let k = 1; k < grids.features.length; k += 1) {
      const [a, b] = [grids.features[k - 1]!.geometry.coordinates[0]![0]!, grids.features[k]!.geometry.coordinates[0]![0]!];
      expect(b[1] < a[1] || (b[1] === a[1] && b[0] > a[0])).toBe(true);
    }
    expect(grids.features.every((f) => f.properties.demo)).toBe(true);
  });

  it('seeding again changes nothing', async () => {
    const before = await unitCount();
    const version = await db().selectFrom('grid_version').select('version').executeTakeFirstOrThrow();
    await gridModule.seed!(await testKernel(t.database), { demo: true });
    expect(await unitCount()).toBe(before);
    expect(await db().selectFrom('grid_version').select('version').executeTakeFirstOrThrow()).toEqual(version);
  });
});

describe('locate', () => {
  it('finds the demo grid around a point, with its community, street, street organisation and responsibility grid', async () => {
    const ring = await ringOf('500118001001001');
    const res = await locate((ring[0]![0] + ring[2]![0]) / 2, (ring[0]![1] + ring[2]![1]) / 2);
    expect(res.statusCode).toBe(200);
    const orgs = ((await get('/api/v1/orgs', null)).json() as { items: Org[] }).items;
    const responsibility = ((await get('/api/v1/grid/responsibility-grids?community=500118001001')).json() as { items: Array<{ id: string; name: string }> }).items;
    expect(responsibility.map((r) => r.name)).toEqual(['红河社区责任网格']);
    expect(res.json()).toEqual({
      unitGridCode: '500118001001001',
      unitGridName: '红河社区001号网格',
      communityCode: '500118001001',
      communityName: '红河社区',
      streetCode: '500118001',
      streetName: '中山路街道',
      streetOrgId: orgs.find((o) => o.name === '中山路街道')!.id,
      responsibilityGridId: responsibility[0]!.id,
    });
  });

  it('puts a point on an edge shared by two grids into the lower code, and one on the outer edge into its grid', async () => {
    const grids = ((await get('/api/v1/grid/unit-grids?community=500118002001')).json() as { features: Array<{ properties: { code: string }; geometry: { coordinates: Ring[] } }> }).features;
    // two neighbours in one row: the second's west edge is the first's east edge
    const pair = grids.findIndex((g, k) => k > 0 && grids[k - 1]!.geometry.coordinates[0]![1]![0] === g.geometry.coordinates[0]![0]![0] && grids[k - 1]!.geometry.coordinates[0]![0]![1] === g.geometry.coordinates[0]![0]![1]);
    const [west, east] = [grids[pair - 1]!, grids[pair]!];
    const edge = east.geometry.coordinates[0]![0]!;
    const onEdge = await locate(edge[0], edge[1] + 0.0004);
    expect(onEdge.json().unitGridCode).toBe(west.properties.code);
    expect(west.properties.code < east.properties.code).toBe(true);
    // the north-west corner of the community's first grid lies on the community's outline
    const corner = grids[0]!.geometry.coordinates[0]![3]!;
    expect((await locate(corner[0], corner[1])).json().unitGridCode).toBe(grids[0]!.properties.code);
  });

  it('tells a point outside the district from one inside it but in no unit grid (404, distinct codes)', async () => {
    const beijing = await locate(116.397, 39.909);
    expect(beijing.statusCode).toBe(404);
    expect(beijing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(beijing.json()).toMatchObject({ code: 'GRID_OUTSIDE_DISTRICT', message: { zh: expect.stringContaining('永川区'), en: expect.any(String) }, errors: [{ field: '/querystring/lng' }] });
    const [lng, lat] = await pointInTown();
    expect((await locate(lng, lat)).json()).toMatchObject({ code: 'GRID_NO_UNIT_GRID' });
  });

  it('validates the coordinates and requires sign-in', async () => {
    const bad = await get('/api/v1/grid/locate?lng=200&lat=29.3');
    expect([bad.statusCode, bad.json().code, bad.json().errors[0].field]).toEqual([400, 'VALIDATION_FAILED', '/querystring/lng']);
    expect((await locate(105.93, 29.35, null)).statusCode).toBe(401);
  });
});

describe('unit grid queries', () => {
  it('lists by bbox with a cap, reads one, and refuses missing or malformed filters', async () => {
    const capped = (await get('/api/v1/grid/unit-grids?bbox=105.90,29.33,105.96,29.37&limit=10')).json() as { features: unknown[]; truncated: boolean };
    expect(capped.features).toHaveLength(10);
    expect(capped.truncated).toBe(true);
    expect((await get('/api/v1/grid/unit-grids')).json()).toMatchObject({ code: 'GRID_FILTER_REQUIRED', errors: [{ field: '/querystring/community' }] });
    const badBox = await get('/api/v1/grid/unit-grids?bbox=105.9,29.4,105.8,29.3');
    expect([badBox.statusCode, badBox.json().code, badBox.json().errors[0].field]).toEqual([400, 'GRID_BAD_BBOX', '/querystring/bbox']);
    expect((await get('/api/v1/grid/unit-grids?bbox=a,b,c')).json().code).toBe('GRID_BAD_BBOX');
    expect((await get('/api/v1/grid/unit-grids?community=500118001099')).json()).toMatchObject({ code: 'GRID_COMMUNITY_NOT_FOUND' });
    expect((await get('/api/v1/grid/unit-grids/500118001001999')).json()).toMatchObject({ code: 'GRID_UNIT_NOT_FOUND' });
    expect((await get('/api/v1/grid/unit-grids/5001180010019')).statusCode).toBe(400);
    expect((await get('/api/v1/grid/unit-grids?community=500118001001', null)).statusCode).toBe(401);
  });
});

describe('import', () => {
  // 青峰镇 青峰社区 (a town community without demo grids)
  const base = '500118101001';

  it('imports a valid collection, and a lookup finds the new grid at once', async () => {
    const [lng, lat] = await pointInTown();
    const before = await unitCount();
    const res = await post('/api/v1/grid/unit-grids/import', collection([feature(`${base}001`, square(lng - 0.0005, lat - 0.0005)), feature(`${base}002`, square(lng + 0.0005, lat - 0.0005))]));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ imported: 2, created: 2, updated: 0, communities: [base] });
    expect(await unitCount()).toBe(before + 2);
    expect((await locate(lng, lat)).json()).toMatchObject({ unitGridCode: `${base}001`, communityName: '青峰社区', streetName: '青峰镇', responsibilityGridId: null });
    const one = (await get(`/api/v1/grid/unit-grids/${base}001`)).json();
    expect(one.properties).toMatchObject({ code: `${base}001`, communityCode: base, demo: false });
    await chainAudit(t);
    const audit = await sql<{ details: { created: number } }>`SELECT details FROM audit_log WHERE action = 'grid.import'`.execute(t.database.db);
    expect(audit.rows.map((r) => r.details.created)).toEqual([2]);
  });

  it('refuses the whole collection when any feature is wrong, listing every fault with its field', async () => {
    const before = await unitCount();
    const ok = square(105.7, 29.2);
    const res = await post(
      '/api/v1/grid/unit-grids/import',
      collection([
        feature(`${base}010`, ok), // valid, but must not be imported alone
        feature(`${base}011`, ok.slice(0, 4)), // ring not closed
        feature(`${base}012`, square(100, 60)), // outside China
        feature(`${base}010`, ok), // duplicate code
        feature(`${base}013`, ok, { geometry: { type: 'MultiPolygon', coordinates: [[ok]] } }),
        feature('500118101099001', ok), // no such community
        feature(`${base}014`, [[105.7, 29.2], [105.7, 29.2], [105.7, 29.2], [105.7, 29.2]]), // no area
        { ...feature(`${base}015`, ok), properties: { code: `${base}015`, name: '<b>网格</b>' } },
      ]),
    );
    expect(res.statusCode).toBe(422);
    const problem = res.json() as { code: string; message: { zh: string; en: string }; errors: Array<{ field: string; code: string; message: { zh: string; en: string } }> };
    expect(problem.code).toBe('GRID_IMPORT_REFUSED');
    expect(problem.message.en).toContain('nothing was imported');
    expect(problem.errors.map((e) => [e.field, e.code])).toEqual([
      ['/body/features/1/geometry/coordinates/0', 'closed'],
      ['/body/features/2/geometry/coordinates/0/0', 'range'],
      ['/body/features/3/properties/code', 'unique'],
      ['/body/features/4/geometry/type', 'type'],
      ['/body/features/5/properties/code', 'community'],
      ['/body/features/6/geometry/coordinates/0', 'area'],
      ['/body/features/7/properties/name', 'pattern'],
    ]);
    for (const e of problem.errors) expect(e.message.zh.length).toBeGreaterThan(0);
    expect(await unitCount()).toBe(before);
    expect((await get(`/api/v1/grid/unit-grids/${base}010`)).statusCode).toBe(404);
  });

  it('holds to the 15-digit code rule: district 6 + street 3 + community 3 + sequence 001–999', async () => {
    const ok = square(105.7, 29.2);
    const codes = ['50011810100101', '5001181010010101', '500118101001000', '50011810100A001', '500118101001 01'];
    const res = await post('/api/v1/grid/unit-grids/import', collection(codes.map((c) => feature(c, ok))));
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual(codes.map((_, i) => expect.objectContaining({ field: `/body/features/${i}/properties/code`, code: 'pattern' })));
    const wrongShape = await post('/api/v1/grid/unit-grids/import', { type: 'FeatureCollection', features: [{ ...feature(`${base}020`, ok), properties: { code: 500118101001020, name: 'x' } }] });
    expect([wrongShape.statusCode, wrongShape.json().errors[0].field]).toEqual([400, '/body/features/0/properties/code']);
  });

  it('round-trips: an export imported again changes nothing but the demo mark', async () => {
    const community = '500118002001';
    const first = await get(`/api/v1/grid/unit-grids/export?community=${community}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-disposition']).toContain(`unit-grids-${community}.geojson`);
    const exported = first.json() as { type: string; features: Feature[] };
    expect(exported.features[0]!.properties).toEqual({ code: `${community}001`, name: expect.any(String), orgId: null });
    const res = await post('/api/v1/grid/unit-grids/import', exported);
    expect(res.json()).toMatchObject({ imported: exported.features.length, created: 0, updated: exported.features.length });
    expect((await get(`/api/v1/grid/unit-grids/export?community=${community}`)).json()).toEqual(exported);
    expect((await get(`/api/v1/grid/unit-grids/${community}001`)).json().properties.demo).toBe(false);
  });

  it('a second server copy sees an import after its version check, or at once after reload()', async () => {
    const eager = new GridService(db(), { checkEveryMs: 0 });
    const lazy = new GridService(db(), { checkEveryMs: 3_600_000 });
    const [lng, lat] = await pointInTown();
    expect(await eager.locate(lng, lat)).toBeNull();
    expect(await lazy.locate(lng, lat)).toBeNull();
    const res = await post('/api/v1/grid/unit-grids/import', collection([feature(`${base}030`, square(lng - 0.0002, lat - 0.0002, 0.0004))]));
    expect(res.statusCode).toBe(200);
    expect((await eager.locate(lng, lat))?.unitGridCode).toBe(`${base}030`);
    expect(await lazy.locate(lng, lat)).toBeNull(); // still within its check interval
    await lazy.reload();
    expect((await lazy.locate(lng, lat))?.unitGridCode).toBe(`${base}030`);
    expect((await lazy.current()).version).toBe(res.json().version);
  });

  it('needs sign-in, the grid:manage permission, and scope over the communities', async () => {
    const body = collection([feature(`${base}040`, square(105.7, 29.2))]);
    expect((await post('/api/v1/grid/unit-grids/import', body, null)).statusCode).toBe(401);
    const forbidden = await post('/api/v1/grid/unit-grids/import', body, staff);
    expect([forbidden.statusCode, forbidden.json().code]).toEqual([403, 'FORBIDDEN']);
    const orgs = ((await get('/api/v1/orgs', null)).json() as { items: Org[] }).items;
    const otherStreet = orgs.find((o) => o.code === '500118001')!;
    const streetManager = buildActor({ permissions: ['grid:manage'], scope: 'subtree', anchorOrgId: otherStreet.id });
    const outOfScope = await post('/api/v1/grid/unit-grids/import', body, streetManager);
    expect([outOfScope.statusCode, outOfScope.json().code]).toEqual([403, 'OUT_OF_SCOPE']);
    expect((await get(`/api/v1/grid/unit-grids/${base}040`)).statusCode).toBe(404);
  });
});

describe('responsibility grids', () => {
  it('lists one demo responsibility grid per urban community', async () => {
    const res = await get('/api/v1/grid/responsibility-grids');
    const items = (res.json() as { items: Array<{ name: string; demo: boolean; inspectorId: string | null; unitGridCodes: string[] }> }).items;
    expect(items.length).toBe(24);
    expect(items.every((i) => i.demo && i.unitGridCodes.length > 50)).toBe(true);
  });

  it('creates and changes one, keeping each unit grid in one responsibility grid only', async () => {
    const taken = await post('/api/v1/grid/responsibility-grids', { name: '抢占网格', unitGridCodes: ['500118001001001'] });
    expect([taken.statusCode, taken.json().code, taken.json().errors[0].field]).toEqual([409, 'GRID_UNITS_TAKEN', '/body/unitGridCodes/0']);
    const unknown = await post('/api/v1/grid/responsibility-grids', { name: '空网格', unitGridCodes: ['500118101001998'] });
    expect([unknown.statusCode, unknown.json().code]).toEqual([422, 'GRID_UNITS_UNKNOWN']);
    const [lng, lat] = await pointInTown();
    const imported = await post('/api/v1/grid/unit-grids/import', collection([feature('500118101001050', square(lng - 0.0002, lat - 0.0002, 0.0004))]));
    expect(imported.statusCode).toBe(200);
    const created = await post('/api/v1/grid/responsibility-grids', { name: '青峰社区责任网格', unitGridCodes: ['500118101001050'] });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ name: '青峰社区责任网格', inspectorId: null, unitGridCodes: ['500118101001050'], demo: false });
    expect((await locate(lng, lat)).json().responsibilityGridId).toBe(id);
    const dup = await post('/api/v1/grid/responsibility-grids', { name: '青峰社区责任网格', unitGridCodes: [] });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'GRID_RESPONSIBILITY_NAME_TAKEN']);

    actor = manager;
    const noSuchInspector = await app.inject({ method: 'PATCH', url: `/api/v1/grid/responsibility-grids/${id}`, payload: { inspectorId: '01a21645-0000-7000-8000-000000000000' } });
    expect([noSuchInspector.statusCode, noSuchInspector.json().code, noSuchInspector.json().errors[0].field]).toEqual([422, 'GRID_INSPECTOR_NOT_FOUND', '/body/inspectorId']);
    const inspector = await sql<{ id: string }>`SELECT id FROM account WHERE username = 'inspector'`.execute(t.database.db);
    const changed = await app.inject({ method: 'PATCH', url: `/api/v1/grid/responsibility-grids/${id}`, payload: { inspectorId: inspector.rows[0]!.id, unitGridCodes: [] } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ inspectorId: inspector.rows[0]!.id, unitGridCodes: [] });
    expect((await locate(lng, lat)).json().responsibilityGridId).toBeNull();
  });

  it('needs grid:manage to change (403) and sign-in to read (401)', async () => {
    const forbidden = await post('/api/v1/grid/responsibility-grids', { name: '无权网格', unitGridCodes: [] }, staff);
    expect([forbidden.statusCode, forbidden.json().code]).toEqual([403, 'FORBIDDEN']);
    expect((await get('/api/v1/grid/responsibility-grids', null)).statusCode).toBe(401);
    actor = staff;
    const list = ((await get('/api/v1/grid/responsibility-grids')).json() as { items: Array<{ id: string }> }).items;
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/grid/responsibility-grids/${list[0]!.id}`, payload: { name: '改名' } });
    expect(patch.statusCode).toBe(403);
  });
});

describe('without demo data (production)', () => {
  it('mirrors the organisation tree as areas without geometry; lookups find nothing and claim no outline', async () => {
    const empty = await freshDatabase({ empty: true });
    try {
      const kernel = await testKernel(empty.database);
      await migrate(empty.database.db, migrationSources(modules), kernel.log);
      await orgModule.seed!(kernel, { demo: false });
      await gridModule.seed!(kernel, { demo: false });
      const gdb = ownTables<GridTables>(empty.database);
      const areas = await gdb.selectFrom('grid_area').select(['code', 'level', 'geometry', 'demo']).execute();
      expect(areas.filter((a) => a.level === 'street')).toHaveLength(23);
      expect(areas.every((a) => a.geometry === null && !a.demo)).toBe(true);
      expect(await gdb.selectFrom('grid_unit').select('code').execute()).toEqual([]);
      const index = await new GridService(gdb).current();
      expect([index.hasOutline, index.unitGridCount, index.locate(105.93, 29.35), index.insideDistrict(105.93, 29.35)]).toEqual([false, 0, null, false]);
    } finally {
      await empty.drop();
    }
  });
});
