import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { score } from './evaluation';

let t: TestDatabase;
let app: FastifyInstance;
const reader = buildActor({ permissions: ['cases:read', 'cases:evaluation.manage'] });
const as = (method: 'GET' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: { 'x-test-actor': 'r' }, ...(payload ? { payload } : {}) });

/** A small deterministic generator, so that the month is the same every run. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

interface Gen {
  id: string;
  street: string;
  source: 'inspector' | 'citizen';
  reporter: string;
  status: string;
  filed: boolean;
  inMonth: boolean;
  dept: string | null;
  handling: Array<{ late: boolean; open: boolean; feedback: boolean }>;
  rework: number;
  checkLate: boolean | null;
  checker: string | null;
}

const streets = ['500118001', '500118002', '500118003'];
const inspectors = ['00000000-0000-7000-8000-0000000000a1', '00000000-0000-7000-8000-0000000000a2'];
let depts: string[] = [];
const cases: Gen[] = [];

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { resolveActor: async () => reader });
  const orgs = (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>;
  depts = ['区城市管理局', '区住房城乡建委'].map((n) => orgs.find((o) => o.name === n)!.id);
  const rnd = prng(20261001);
  const day = (d: number, h: number) => new Date(Date.UTC(2026, 9, d, h - 8, 0, 0)); // Shanghai local time in October 2026
  for (let i = 0; i < 400; i++) {
    const inMonth = i % 10 !== 0; // one in ten falls in September
    const reportedAt = inMonth ? day(1 + Math.floor(rnd() * 30), 9 + Math.floor(rnd() * 8)) : new Date(Date.UTC(2026, 8, 20, 2));
    const invalid = rnd() < 0.1;
    const filed = !invalid && rnd() < 0.95;
    const dept = filed ? depts[Math.floor(rnd() * 2)]! : null;
    const handling: Gen['handling'] = [];
    let rework = 0;
    let status = invalid ? 'invalid' : filed ? 'handling' : 'not_filed';
    let checkLate: boolean | null = null;
    let checker: string | null = null;
    if (dept) {
      const first = { late: rnd() < 0.2, open: rnd() < 0.1, feedback: false };
      first.feedback = !first.open;
      handling.push(first);
      if (first.feedback && rnd() < 0.15) {
        rework = 1;
        const again = { late: rnd() < 0.3, open: false, feedback: true };
        handling.push(again);
      }
      if (handling.at(-1)!.feedback) {
        checkLate = rnd() < 0.1;
        checker = inspectors[Math.floor(rnd() * 2)]!;
        status = rnd() < 0.9 ? 'closed' : 'to_close';
      }
    }
    const source = rnd() < 0.8 ? 'inspector' : 'citizen';
    const g: Gen = { id: uuidv7(), street: streets[Math.floor(rnd() * 3)]!, source, reporter: source === 'inspector' ? inspectors[i % 2]! : uuidv7(), status, filed, inMonth, dept, handling, rework, checkLate, checker };
    cases.push(g);
    await sql`INSERT INTO city_case (id, case_no, class_code, source, description, lng, lat, street_code, reporter_id, status, department_org_id, rework_count, instance_id, reported_at, filed_at)
      VALUES (${g.id}, ${'CG' + String(i).padStart(13, '0')}, 'E0102', ${source}, '测试', 105.93, 29.35, ${g.street}, ${g.reporter}, ${status}, ${dept}, ${rework}, ${uuidv7()}, ${reportedAt}, ${filed ? reportedAt : null})`.execute(t.database.db);
    let at = reportedAt.getTime() + 3_600_000;
    for (const h of handling) {
      const due = new Date(at + 4 * 3_600_000);
      const left = h.open ? null : new Date(h.late ? due.getTime() + 3_600_000 : due.getTime() - 3_600_000);
      // an open stage is past due (the month is over), so it counts as overdue
      await sql`INSERT INTO case_stage VALUES (${uuidv7()}, ${g.id}, 'handling', ${dept}, ${new Date(at)}, ${due}, ${left}, ${h.feedback ? 'feedback' : null}, NULL)`.execute(t.database.db);
      at += 6 * 3_600_000;
    }
    if (checker) {
      const due = new Date(at + 4 * 3_600_000);
      await sql`INSERT INTO case_stage VALUES (${uuidv7()}, ${g.id}, 'checking', ${depts[0]}, ${new Date(at)}, ${due}, ${new Date(checkLate ? due.getTime() + 60_000 : due.getTime() - 60_000)}, 'pass', ${checker})`.execute(t.database.db);
    }
  }
  // what the transition hook keeps on each case: some stage left after its due time
  await sql`UPDATE city_case c SET late = EXISTS (SELECT 1 FROM case_stage s WHERE s.case_id = c.id AND s.left_at > s.due_at)`.execute(t.database.db);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const october = 'from=2026-10-01&to=2026-11-01';
const onTime = (g: Gen) => !g.handling.some((h) => h.late && !h.open) && g.checkLate !== true;

describe('综合评价 of a seeded month, against values computed here', () => {
  it('regions: reported, valid, filed, closed on time and the inspector-found share', async () => {
    const body = (await as('GET', `/api/v1/cases/evaluation?target=region&${october}`)).json();
    for (const street of streets) {
      const mine = cases.filter((g) => g.inMonth && g.street === street);
      const filed = mine.filter((g) => g.filed).length;
      const closedOnTime = mine.filter((g) => g.status === 'closed' && onTime(g)).length;
      const item = body.items.find((i: { key: string }) => i.key === street);
      expect(item.counts).toEqual({
        reported: mine.length,
        valid: mine.filter((g) => g.status !== 'invalid').length,
        filed,
        closed: mine.filter((g) => g.status === 'closed').length,
        closedOnTime,
        inspectorFound: mine.filter((g) => g.source === 'inspector').length,
      });
      expect(item.rates.closedOnTimeRate).toBeCloseTo(closedOnTime / filed, 10);
    }
    expect(body.items.map((i: { name: string }) => i.name).sort()).toEqual(['中山路街道', '南大街街道', '胜利路街道']);
  });

  it('departments: due, handled, on time, overdue, rework; score and rank follow the weights', async () => {
    const body = (await as('GET', `/api/v1/cases/evaluation?target=department&${october}`)).json();
    // stages entered in October: every seeded stage starts an hour after its report, so within the report's month
    for (const dept of depts) {
      const mine = cases.filter((g) => g.dept === dept && g.inMonth);
      const handled = mine.filter((g) => g.handling.some((h) => h.feedback));
      const handledOnTime = mine.filter((g) => g.handling.some((h) => h.feedback && !h.late)).length;
      const overdue = mine.reduce((n, g) => n + g.handling.filter((h) => h.late || h.open).length, 0);
      const reworked = handled.filter((g) => g.rework > 0).length;
      const item = body.items.find((i: { key: string }) => i.key === dept);
      expect(item.counts).toMatchObject({ due: mine.length, handled: handled.length, handledOnTime, overdue, reworked });
      expect(item.score).toBe(score(item.rates, body.weights));
    }
    expect(body.items[0].score).toBeGreaterThanOrEqual(body.items[1].score);
    expect(body.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2]);
  });

  it('inspectors: valid reports and checks on time', async () => {
    const body = (await as('GET', `/api/v1/cases/evaluation?target=inspector&${october}`)).json();
    for (const who of inspectors) {
      const reports = cases.filter((g) => g.inMonth && g.source === 'inspector' && g.reporter === who);
      const checks = cases.filter((g) => g.inMonth && g.checker === who);
      const item = body.items.find((i: { key: string }) => i.key === who);
      expect(item.counts).toMatchObject({ reports: reports.length, valid: reports.filter((g) => g.status !== 'invalid').length, checks: checks.length, checkedOnTime: checks.filter((g) => !g.checkLate).length });
    }
  });

  it('exports CSV with a BOM and Chinese headers; weights can be changed and change the score', async () => {
    const csv = await as('GET', `/api/v1/cases/evaluation?target=department&${october}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF排名,名称,综合得分,应处置数')).toBe(true);
    expect(csv.body.split('\r\n').filter((l) => l).length).toBe(3);
    expect((await as('PUT', '/api/v1/cases/evaluation/weights/department', { handledOnTimeRate: 100 })).statusCode).toBe(200);
    const body = (await as('GET', `/api/v1/cases/evaluation?target=department&${october}`)).json();
    for (const item of body.items) expect(item.score).toBeCloseTo(item.rates.handledOnTimeRate * 100, 2);
  });
});
