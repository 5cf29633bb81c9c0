import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { connect, ownTables, type Database } from '../../kernel/db/database';
import { readGeneration } from '../../kernel/db/generation-cache';
import { catalogChanged, currentCatalog } from './catalog-cache';
import type { ServicesTables } from './store';

let t: TestDatabase;
let other: Database;
let a: FastifyInstance;
let b: FastifyInstance;

beforeAll(async () => {
  t = await freshDatabase();
  other = connect(t.url, 3);
  const orgs = (await sql<{ id: string; name: string }>`SELECT id, name FROM org_unit`.execute(t.database.db)).rows;
  const market = orgs.find((o) => o.name === '区市场监管局')!.id;
  const actor = buildActor({ displayName: '王审核', orgId: market, permissions: ['services:catalog.manage', 'services:catalog.publish'], scope: 'own', anchorOrgId: market });
  a = await buildTestApp(t.database, { resolveActor: async () => actor });
  b = await buildTestApp(other);
});
afterAll(async () => {
  await a.close();
  await b.close();
  await other.close();
  await t.drop();
});

const guideOn = async (app: FastifyInstance, code: string) => (await app.inject({ method: 'GET', url: `/api/v1/services/items/${code}` })).json();

describe('the catalogue in memory', () => {
  it('two server copies on one database: a publication on one is seen by the other', async () => {
    expect((await guideOn(b, '010000300000')).version).toBe(1); // b has built its index
    const id = (await sql<{ id: string }>`SELECT id FROM service_item WHERE code = '010000300000'`.execute(t.database.db)).rows[0]!.id;
    const draft = (await a.inject({ method: 'GET', url: `/api/v1/services/manage/items/${id}` })).json();
    const { id: _i, code: _c, type: _t, tier: _ti, handlingKind: _h, parentId: _p, parent: _pa, department: _d, status: _s, version: _v, dirty: _di, publishedAt: _pu, updatedAt: _u, ...fields } = draft;
    expect((await a.inject({ method: 'PUT', url: `/api/v1/services/manage/items/${id}`, payload: { ...fields, name: '特种设备使用登记（含电梯）' } })).statusCode).toBe(200);
    expect((await a.inject({ method: 'POST', url: `/api/v1/services/manage/items/${id}/publish`, payload: { note: '名称调整' } })).statusCode).toBe(200);
    expect((await guideOn(a, '010000300000')).name).toBe('特种设备使用登记（含电梯）'); // at once on the copy that published
    await expect.poll(async () => (await guideOn(b, '010000300000')).version, { timeout: 5000 }).toBe(2);
    const found = (await b.inject({ method: 'GET', url: `/api/v1/services/items?q=${encodeURIComponent('电梯')}` })).json();
    expect(found.items[0].name).toBe('特种设备使用登记（含电梯）');
  });

  // how the cache keeps right (listening, the generation read, forget) is tested in kernel/db/generation-cache.test.ts;
  // here, that migration 001's trigger moves the generation with what is published and only with it
  it('the generation moves when what is published changes, not on a draft save', async () => {
    const db = ownTables<ServicesTables>(t.database);
    const before = await readGeneration(db, 'service_catalog_state');
    await sql`UPDATE service_item SET name = name, revision = revision + 1 WHERE code = '010000100000'`.execute(db);
    expect(await readGeneration(db, 'service_catalog_state')).toBe(before);
    await sql`UPDATE service_item SET status = 'withdrawn' WHERE code = '020000100000'`.execute(db);
    expect(await readGeneration(db, 'service_catalog_state')).toBe(before + 1);
    catalogChanged(db);
    expect((await currentCatalog(db)).guide('020000100000')).toBeNull();
  });
});
