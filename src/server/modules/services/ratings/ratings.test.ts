import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../../test/helpers/actors';
import { buildTestApp } from '../../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../../test/helpers/db';
import type { Actor } from '../../../kernel/access';

let t: TestDatabase;
let app: FastifyInstance;
const actors = new Map<string, Actor>();
const org: Record<string, string> = {};
const accounts = new Map<string, string>();
const food = '010000100000';

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  for (const a of (await sql<{ id: string; username: string }>`SELECT id, username FROM account`.execute(t.database.db)).rows) accounts.set(a.username, a.id);
  const staff = (name: string, username: string, orgName: string, permissions: string[], scope: 'own' | 'district' = 'own') =>
    actors.set(name, buildActor({ accountId: accounts.get(username)!, displayName: name, orgId: org[orgName]!, permissions, scope, anchorOrgId: org[orgName]! }));
  staff('market', 'reviewer', '区市场监管局', ['services:rating.rectify']);
  staff('builder', 'jwhandler', '区住房城乡建委', ['services:rating.rectify']);
  staff('centre', 'clerk', '区行政服务中心', ['services:rating.review'], 'district');
  staff('leader', 'leader', '区政府办公室', ['services:rating.settings'], 'district');
  actors.set('citizen', buildActor({ accountId: accounts.get('citizen')!, kind: 'citizen', displayName: '张永川' }));
  actors.set('enterprise', buildActor({ accountId: accounts.get('enterprise')!, kind: 'enterprise' }));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const as = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: who ? { 'x-test-actor': who } : {}, ...(payload ? { payload } : {}) });

let seq = 0;
/** An application of the citizen for 食品经营许可 (decided by 区市场监管局), in the given status. */
async function application(status = 'approved', applicant = 'citizen'): Promise<string> {
  const id = uuidv7();
  const item = (await sql<{ id: string; name: string; competent_org_id: string }>`SELECT id, name, competent_org_id FROM service_item WHERE code = ${food}`.execute(t.database.db)).rows[0]!;
  seq += 1;
  await sql`INSERT INTO service_application (id, business_no, item_id, item_code, item_version, item_name, deciding_org_id, channel, account_id, applicant_account_id, applicant_kind, applicant_name, applicant_id_enc, applicant_id_index, status, decided_at)
    VALUES (${id}, ${`SP20261126${String(90000 + seq)}`}, ${item.id}, ${food}, 1, ${item.name}, ${item.competent_org_id}, 'online', ${accounts.get(applicant)!}, ${accounts.get(applicant)!}, 'person', '张永川', 'x', ${`idx-${seq}`}, ${status}, now())`.execute(t.database.db);
  return id;
}

const rate = (who: string, applicationId: string, overall: number, extra: object = {}) =>
  as(who, 'POST', '/api/v1/services/ratings', { applicationId, overall, efficiency: overall, guidance: 4, convenience: 4, usability: 5, comment: '', ...extra });
const act = (who: string, instanceId: string, action: string, body: object) => as(who, 'POST', `/api/v1/workflow/instances/${instanceId}/actions/${action}`, body);
const ratingRow = async (id: string) =>
  (await sql<{ rectification_instance_id: string; rectification_state: string; excluded: boolean }>`SELECT rectification_instance_id, rectification_state, excluded FROM service_rating WHERE id = ${id}`.execute(t.database.db)).rows[0]!;
const dueOf = async (instanceId: string) => (await sql<{ due_at: Date }>`SELECT due_at FROM wf_step WHERE instance_id = ${instanceId} AND left_at IS NULL`.execute(t.database.db)).rows[0]!.due_at;

describe('一事一评', () => {
  it('only the applicant rates, only after 办结, and only once', async () => {
    const open = await application('reviewing');
    expect((await rate('citizen', open, 5)).json().code).toBe('RATING_NOT_RATEABLE');
    const done = await application('approved');
    expect((await rate('enterprise', done, 5)).statusCode).toBe(422);
    const first = await rate('citizen', done, 5, { comment: '很快' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ bad: false, rectificationNo: null });
    const again = await rate('citizen', done, 1, { comment: '改成差评' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RATING_ALREADY_RATED');
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM service_rating WHERE application_id = ${done}`.execute(t.database.db)).rows[0]!.n).toBe(1);
    const mine = (await as('citizen', 'GET', '/api/v1/services/ratings/mine')).json().items as Array<{ applicationId: string; rating: { overall: number } | null }>;
    expect(mine.find((m) => m.applicationId === done)?.rating?.overall).toBe(5);
    expect(mine.some((m) => m.applicationId === open)).toBe(false);
    expect((await rate('citizen', done, 6)).statusCode).toBe(400);
  });
});

describe('差评整改', () => {
  it('a bad review needs a reason and opens rectification for the deciding department, due in the configured working days', async () => {
    const app1 = await application();
    expect((await rate('citizen', app1, 2)).json().code).toBe('RATING_COMMENT_REQUIRED');
    const res = await rate('citizen', app1, 2, { comment: '窗口让我跑了三次' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ bad: true, rectificationNo: expect.stringMatching(/^ZG\d{13}$/) });
    const row = await ratingRow(res.json().id);
    expect(row.rectification_state).toBe('rectifying');
    const instance = (await sql<{ org_id: string; state: string }>`SELECT org_id, state FROM wf_instance WHERE id = ${row.rectification_instance_id}`.execute(t.database.db)).rows[0]!;
    expect(instance).toEqual({ org_id: org['区市场监管局'], state: 'rectifying' });
    const fiveDays = await dueOf(row.rectification_instance_id);
    // another department cannot work on it; the rating itself is out of its scope
    expect((await act('builder', row.rectification_instance_id, 'rectify', { comment: '已整改' })).statusCode).toBe(403);
    expect((await as('builder', 'GET', `/api/v1/services/ratings/${res.json().id}`)).statusCode).toBe(403);
    expect((await as('market', 'GET', `/api/v1/services/ratings/${res.json().id}`)).json()).toMatchObject({ rater: '张永川', comment: '窗口让我跑了三次', overall: 2 });

    // the local limit is configurable: 10 working days end later than 5
    expect((await as('leader', 'PUT', '/api/v1/services/ratings/settings', { rectifyDays: 10 })).statusCode).toBe(200);
    const later = await rate('citizen', await application(), 1, { comment: '不满意' });
    const tenDays = await dueOf((await ratingRow(later.json().id)).rectification_instance_id);
    expect(tenDays.getTime() - fiveDays.getTime()).toBeGreaterThan(4 * 24 * 3600 * 1000);
    await as('leader', 'PUT', '/api/v1/services/ratings/settings', { rectifyDays: 5 });
  });

  it('a real-name bad review cannot be closed without a return visit; the visit is recorded', async () => {
    const res = await rate('citizen', await application(), 1, { comment: '材料被退回三次' });
    const { rectification_instance_id: wf } = await ratingRow(res.json().id);
    expect((await act('market', wf, 'rectify', { comment: '已约谈窗口人员，一次性告知材料' })).statusCode).toBe(200);
    const close = await act('market', wf, 'close', { comment: '直接办结' });
    expect(close.statusCode).toBe(409);
    expect(close.json().code).toBe('RATING_VISIT_REQUIRED');
    const badVisit = await act('market', wf, 'visit_done', { comment: '电话回访', fields: { visitMethod: 'pigeon', visitResult: 'satisfied' } });
    expect(badVisit.json().code).toBe('RATING_BAD_VISIT');
    // unsatisfied: back to rectifying, with the visit recorded
    expect((await act('market', wf, 'visit_redo', { comment: '仍不满意', fields: { visitMethod: 'phone' } })).statusCode).toBe(200);
    expect((await ratingRow(res.json().id)).rectification_state).toBe('rectifying');
    await act('market', wf, 'rectify', { comment: '已上门办理' });
    const ok = await act('market', wf, 'visit_done', { comment: '电话回访，满意', fields: { visitMethod: '电话', visitResult: '基本满意' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await ratingRow(res.json().id)).rectification_state).toBe('closed');
    const detail = (await as('market', 'GET', `/api/v1/services/ratings/${res.json().id}`)).json();
    expect(detail.visits.map((v: { method: string; result: string }) => `${v.method}:${v.result}`)).toEqual(['phone:unsatisfied', 'phone:basic']);
  });

  it('an anonymous bad review closes without a visit, and the department does not learn who wrote it', async () => {
    const res = await rate('citizen', await application(), 2, { comment: '态度不好', anonymous: true });
    const { rectification_instance_id: wf } = await ratingRow(res.json().id);
    const detail = (await as('market', 'GET', `/api/v1/services/ratings/${res.json().id}`)).json();
    expect(detail).toMatchObject({ rater: null, anonymous: true });
    const initiator = (await sql<{ initiator_id: string }>`SELECT initiator_id FROM wf_instance WHERE id = ${wf}`.execute(t.database.db)).rows[0]!.initiator_id;
    expect(initiator).not.toBe(accounts.get('citizen'));
    await act('market', wf, 'rectify', { comment: '已整改' });
    expect((await act('market', wf, 'close', { comment: '匿名差评，无法回访' })).statusCode).toBe(200);
  });

  it('an appeal goes to the service centre; upheld, the review leaves the public figures', async () => {
    const before = (await as(null, 'GET', `/api/v1/services/ratings/summary?by=item&key=${food}`)).json().items[0];
    const res = await rate('citizen', await application(), 1, { comment: '随便打的' });
    const { rectification_instance_id: wf } = await ratingRow(res.json().id);
    const counted = (await as(null, 'GET', `/api/v1/services/ratings/summary?by=item&key=${food}`)).json().items[0];
    expect(counted.total).toBe(before.total + 1);
    expect(counted.levels[0]).toBe(before.levels[0] + 1);
    expect((await act('market', wf, 'appeal', { comment: '申请人误评：当日即办结' })).statusCode).toBe(200);
    expect((await act('market', wf, 'uphold', { comment: '自己复核' })).statusCode).toBe(403);
    // dismissed once, it comes back to the department; appealed again and upheld, it is excluded
    expect((await act('centre', wf, 'dismiss', { comment: '证据不足' })).statusCode).toBe(200);
    expect((await ratingRow(res.json().id)).rectification_state).toBe('rectifying');
    await act('market', wf, 'appeal', { comment: '补充通话录音' });
    expect((await act('centre', wf, 'uphold', { comment: '核实为误评' })).statusCode).toBe(200);
    expect(await ratingRow(res.json().id)).toMatchObject({ rectification_state: 'voided', excluded: true });
    const after = (await as(null, 'GET', `/api/v1/services/ratings/summary?by=item&key=${food}`)).json().items[0];
    expect(after.total).toBe(before.total);
  });

  it('publishes counts per level and the satisfaction rate per department', async () => {
    const items = (await as(null, 'GET', '/api/v1/services/ratings/summary?by=department')).json().items as Array<{ name: string; total: number; bad: number; levels: number[]; satisfaction: number }>;
    const market = items.find((i) => i.name === '区市场监管局')!;
    expect(market.levels.reduce((a, b) => a + b, 0)).toBe(market.total);
    expect(market.bad).toBe(market.levels[0]! + market.levels[1]!);
    expect(market.satisfaction).toBeCloseTo((market.total - market.bad) / market.total, 2);
    expect((await as(null, 'GET', '/api/v1/services/ratings/summary?by=town')).statusCode).toBe(400);
  });
});
