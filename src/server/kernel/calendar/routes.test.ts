import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import type { Actor } from '../access';

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

const get = (url: string) => app.inject({ method: 'GET', url });

describe('the working calendar over HTTP', () => {
  it('shows the 2026 National Day holiday and the make-up Saturday', async () => {
    const res = await get('/api/v1/calendar/days?from=2026-09-30&to=2026-10-10');
    const days = res.json().items as Array<{ date: string; workday: boolean; provisional: boolean }>;
    expect(days.find((d) => d.date === '2026-10-01')!.workday).toBe(false);
    expect(days.find((d) => d.date === '2026-10-10')!.workday).toBe(true);
    expect(days.every((d) => !d.provisional)).toBe(true);
  });

  it('computes a 20-working-day limit across National Day, and marks 2027 deadlines provisional', async () => {
    const res = (await get('/api/v1/calendar/deadline?from=2026-09-25&workingDays=20')).json();
    // received on 9-25 (中秋, not counted): 9-28..30 (3), 10-8, 10-9, Sat 10-10 make-up (6),
    // 10-12..16 (11), 10-19..23 (16), 10-26..29 (20); National Day 10-1..7 and weekends are skipped
    expect(res).toMatchObject({ due: '2026-10-29', provisional: false });
    expect(res.dueAt).toBe('2026-10-29T16:00:00.000Z');
    expect((await get('/api/v1/calendar/deadline?from=2026-12-28&workingDays=10')).json().provisional).toBe(true);
  });

  it('an administrator closes a day (e.g. a flood), which moves deadlines, and can undo it; both audited', async () => {
    actor = null;
    expect((await app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-10-12', payload: { kind: 'holiday', reason: '洪灾停工' } })).statusCode).toBe(401);
    actor = buildActor({ permissions: ['calendar:manage'] });
    const set = await app.inject({ method: 'PUT', url: '/api/v1/calendar/overrides/2026-10-12', payload: { kind: 'holiday', reason: '洪灾停工' } });
    expect(set.json()).toMatchObject({ date: '2026-10-12', workday: false, source: 'override', name: '洪灾停工' });
    expect((await get('/api/v1/calendar/deadline?from=2026-09-25&workingDays=20')).json().due).toBe('2026-10-30');
    await app.inject({ method: 'DELETE', url: '/api/v1/calendar/overrides/2026-10-12' });
    expect((await get('/api/v1/calendar/deadline?from=2026-09-25&workingDays=20')).json().due).toBe('2026-10-29');
  });

  it('refuses impossible dates and ranges with a 400 naming the field', async () => {
    const feb30 = await get('/api/v1/calendar/days?from=2026-02-30&to=2026-03-02');
    expect([feb30.statusCode, feb30.json().code, feb30.json().errors[0].field]).toEqual([400, 'INVALID_DATE', '/querystring/from']);
    expect((await get('/api/v1/calendar/days?from=2026-01-01&to=2028-01-01')).json().code).toBe('INVALID_RANGE');
    expect((await get('/api/v1/calendar/days?from=2026-1-1&to=2026-01-02')).statusCode).toBe(400);
  });

  it('office hours per organisation are inherited by the subtree and validated', async () => {
    const orgs = (await get('/api/v1/orgs')).json().items as Array<{ id: string; name: string; parentId: string | null }>;
    const town = orgs.find((o) => o.name === '朱沱镇')!;
    const village = orgs.find((o) => o.parentId === town.id)!;
    expect((await get(`/api/v1/calendar/office-hours/${village.id}`)).json().periods).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }]);
    actor = buildActor({ permissions: ['calendar:manage'] });
    const summer = [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '18:00' }];
    expect((await app.inject({ method: 'PUT', url: `/api/v1/calendar/office-hours/${town.id}`, payload: { periods: summer } })).statusCode).toBe(200);
    expect((await get(`/api/v1/calendar/office-hours/${village.id}`)).json()).toMatchObject({ periods: summer, inheritedFrom: town.id });
    const bad = await app.inject({ method: 'PUT', url: `/api/v1/calendar/office-hours/${town.id}`, payload: { periods: [{ start: '14:00', end: '09:00' }] } });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'INVALID_OFFICE_HOURS']);
  });
});
