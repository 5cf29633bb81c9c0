import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import type { Actor } from '../access';
import { WorkCalendar } from '../calendar';
import { DEFAULT_OFFICE_HOURS } from '../calendar/office-hours';
import { colourOf, dueFrom, extendByPause } from './deadlines';
import { chainAudit } from '../../../../test/helpers/audit';

let t: TestDatabase;
let app: FastifyInstance;
const actors = new Map<string, Actor>();

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  const orgs = (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>;
  const city = orgs.find((o) => o.name === '区城市管理局')!.id;
  const market = orgs.find((o) => o.name === '区市场监管局')!.id;
  const id = (n: number) => `00000000-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`;
  actors.set('applicant', buildActor({ accountId: id(1), displayName: '赵巡查', orgId: city }));
  actors.set('section', buildActor({ accountId: id(2), displayName: '钱科长', orgId: city, permissions: ['requests:approve.section'], scope: 'own', anchorOrgId: city }));
  actors.set('section2', buildActor({ accountId: id(5), displayName: '周科员', orgId: city, permissions: ['requests:approve.section'], scope: 'own', anchorOrgId: city }));
  actors.set('otherSection', buildActor({ accountId: id(3), displayName: '王审核', orgId: market, permissions: ['requests:approve.section'], scope: 'own', anchorOrgId: market }));
  actors.set('leader', buildActor({ accountId: id(4), displayName: '孙区长', orgId: city, permissions: ['requests:approve.leader', 'workflow:suspend'] }));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const as = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload ? { payload } : {}) });
const inboxOf = async (who: string) => (await as(who, 'GET', '/api/v1/inbox')).json() as { items: Array<{ instanceId: string; colour: string; businessNo: string; state: string; stepId: string }>; counts: Record<string, number> };
const file = async (title: string) => (await as('applicant', 'POST', '/api/v1/requests', { title, reason: '防汛物资采购' })).json() as { instanceId: string; businessNo: string };

describe('the workflow engine with the demo internal request', () => {
  it('files a request with a business number, and it waits in the right inboxes only', async () => {
    const r = await file('购置防汛沙袋');
    expect(r.businessNo).toMatch(/^NB\d{8}\d{5}$/);
    const mine = (await inboxOf('section')).items.find((i) => i.instanceId === r.instanceId);
    expect(mine).toMatchObject({ businessNo: r.businessNo, state: 'submitted', colour: 'green' });
    expect((await inboxOf('otherSection')).items.some((i) => i.instanceId === r.instanceId)).toBe(false);
    expect((await inboxOf('leader')).items.some((i) => i.instanceId === r.instanceId)).toBe(false);
  });

  it('counts everything waiting per colour, not only the page shown', async () => {
    const all = await inboxOf('section');
    const page = (await as('section', 'GET', '/api/v1/inbox?limit=1')).json() as { items: unknown[]; counts: Record<string, number> };
    expect(page.items).toHaveLength(1);
    expect(page.counts).toEqual(all.counts);
    expect(page.counts.green).toBeGreaterThanOrEqual(1);
    const red = (await as('section', 'GET', '/api/v1/inbox?colour=red')).json() as { items: unknown[] };
    expect(red.items).toEqual([]);
  });

  it('refuses an action that is not allowed in the state with 409 naming the state and the allowed actions', async () => {
    const r = await file('申请一');
    const res = await as('section', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/approve_leader`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'WF_INVALID_ACTION', allowed: ['approve_section', 'reject', 'return'] });
    expect(res.json().message.zh).toContain('待科室审核');
  });

  it('refuses a reviewer of another department (scope) and a missing comment', async () => {
    const r = await file('申请二');
    expect((await as('otherSection', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/approve_section`, {})).json().code).toBe('WF_NOT_ASSIGNEE');
    const noComment = await as('section', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/return`, {});
    expect([noComment.statusCode, noComment.json().code]).toEqual([400, 'WF_COMMENT_REQUIRED']);
  });

  it('runs return (clock paused) → resubmit → section → leader → approved, with history, audit and events', async () => {
    const r = await file('申请三');
    await as('section', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/return`, { comment: '请补充预算明细' });
    const paused = (await inboxOf('applicant')).items.find((i) => i.instanceId === r.instanceId)!;
    expect(paused.colour).toBe('paused');
    const panel = (await as('applicant', 'GET', `/api/v1/workflow/instances/${r.instanceId}`)).json();
    expect(panel).toMatchObject({ state: 'returned', paused: true, actions: [{ key: 'resubmit' }] });
    await as('applicant', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/resubmit`, { comment: '已补充' });
    await as('section', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/approve_section`, {});
    expect((await inboxOf('leader')).items.some((i) => i.instanceId === r.instanceId)).toBe(true);
    const done = await as('leader', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/approve_leader`, { comment: '同意' });
    expect(done.json()).toEqual({ state: 'approved', status: 'ended' });
    const view = (await as('applicant', 'GET', `/api/v1/workflow/instances/${r.instanceId}`)).json();
    expect(view.history.map((h: { action: string }) => h.action)).toEqual(['start', 'return', 'resubmit', 'approve_section', 'approve_leader']);
    expect(view.history[1]).toMatchObject({ actorName: '钱科长', comment: '请补充预算明细', toLabel: { zh: '退回修改' } });
    expect(view.step).toBeNull();
    await chainAudit(t);
    const audit = await sql<{ action: string }>`SELECT action FROM audit_log WHERE object_id = ${r.instanceId} ORDER BY seq`.execute(t.database.db);
    expect(audit.rows.map((a) => a.action)).toEqual(['workflow.start', 'workflow.return', 'workflow.resubmit', 'workflow.approve_section', 'workflow.approve_leader']);
    const events = await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox_event WHERE payload->>'instanceId' = ${r.instanceId}`.execute(t.database.db);
    expect(events.rows[0]!.n).toBe(5);
    // nobody outside the process can open its panel
    expect((await as('otherSection', 'GET', `/api/v1/workflow/instances/${r.instanceId}`)).statusCode).toBe(404);
  });

  it('the initiator withdraws while nobody has acted, and not afterwards', async () => {
    const a = await file('申请四');
    expect((await as('applicant', 'POST', `/api/v1/workflow/instances/${a.instanceId}/withdraw`)).statusCode).toBe(200);
    expect((await inboxOf('section')).items.some((i) => i.instanceId === a.instanceId)).toBe(false);
    const b = await file('申请五');
    await as('section', 'POST', `/api/v1/workflow/instances/${b.instanceId}/actions/approve_section`, {});
    expect((await as('applicant', 'POST', `/api/v1/workflow/instances/${b.instanceId}/withdraw`)).json().code).toBe('WF_CANNOT_WITHDRAW');
  });

  it('claiming (签收) makes a role step one person’s: it leaves colleagues’ inboxes', async () => {
    const r = await file('申请六');
    const step = (await inboxOf('section2')).items.find((i) => i.instanceId === r.instanceId)!;
    expect((await as('section', 'POST', `/api/v1/workflow/steps/${step.stepId}/claim`)).statusCode).toBe(200);
    expect((await inboxOf('section2')).items.some((i) => i.instanceId === r.instanceId)).toBe(false);
    expect((await inboxOf('section')).items.find((i) => i.instanceId === r.instanceId)).toBeDefined();
    expect((await as('section2', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/approve_section`, {})).json().code).toBe('WF_NOT_ASSIGNEE');
  });
});

describe('挂起 / 恢复: suspending a process', () => {
  it('a leader suspends (no actions, shown paused, deadline moved on resume) and resumes; others may not', async () => {
    const r = await file('申请八');
    const stepDue = async () => (await sql<{ due_at: Date }>`SELECT due_at FROM wf_step WHERE instance_id = ${r.instanceId} AND left_at IS NULL`.execute(t.database.db)).rows[0]!.due_at;
    const before = await stepDue();
    expect((await as('section', 'POST', `/api/v1/workflow/instances/${r.instanceId}/suspend`, { reason: '等待上级意见' })).statusCode).toBe(403);
    expect((await as('leader', 'POST', `/api/v1/workflow/instances/${r.instanceId}/suspend`, { reason: '等待上级意见' })).statusCode).toBe(200);
    expect((await inboxOf('section')).items.find((i) => i.instanceId === r.instanceId)!.colour).toBe('paused');
    expect((await as('section', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/approve_section`, {})).json().code).toBe('WF_SUSPENDED');
    // suspended across working time: pretend it started 3 working hours ago
    await sql`UPDATE wf_instance SET suspended_at = suspended_at - interval '3 hours', paused_since = paused_since - interval '3 hours' WHERE id = ${r.instanceId}`.execute(t.database.db);
    expect((await as('leader', 'POST', `/api/v1/workflow/instances/${r.instanceId}/resume`)).statusCode).toBe(200);
    expect((await stepDue()).getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect((await as('leader', 'POST', `/api/v1/workflow/instances/${r.instanceId}/resume`)).json().code).toBe('WF_NOT_SUSPENDED');
    expect((await as('section', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/approve_section`, {})).statusCode).toBe(200);
    const view = (await as('applicant', 'GET', `/api/v1/workflow/instances/${r.instanceId}`)).json();
    expect(view.history.map((h: { action: string }) => h.action)).toEqual(['start', 'suspend', 'resume', 'approve_section']);
  });
});

describe('转办: handing a step over', () => {
  it('goes to a colleague who may work on it, is recorded, and is refused for someone who may not', async () => {
    const accounts = await sql<{ id: string; username: string }>`SELECT id, username FROM account WHERE username IN ('cgreviewer', 'leader')`.execute(t.database.db);
    const colleague = accounts.rows.find((a) => a.username === 'cgreviewer')!;
    const leader = accounts.rows.find((a) => a.username === 'leader')!;
    const city = actors.get('section')!.orgId!;
    actors.set('colleague', buildActor({ accountId: colleague.id, displayName: '周科长', orgId: city, permissions: ['requests:approve.section'], scope: 'own', anchorOrgId: city }));
    const r = await file('申请七');
    const step = (await inboxOf('section')).items.find((i) => i.instanceId === r.instanceId)!;
    const refused = await as('section', 'POST', `/api/v1/workflow/steps/${step.stepId}/handover`, { accountId: leader.id, comment: '请领导处理' });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'WF_CANNOT_HAND_OVER']);
    const ok = await as('section', 'POST', `/api/v1/workflow/steps/${step.stepId}/handover`, { accountId: colleague.id, comment: '本人出差' });
    expect(ok.statusCode).toBe(200);
    expect((await inboxOf('colleague')).items.find((i) => i.instanceId === r.instanceId)).toBeDefined();
    expect((await inboxOf('section2')).items.some((i) => i.instanceId === r.instanceId)).toBe(false);
    expect((await as('section', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/approve_section`, {})).json().code).toBe('WF_NOT_ASSIGNEE');
    const view = (await as('colleague', 'GET', `/api/v1/workflow/instances/${r.instanceId}`)).json();
    expect(view.history.map((h: { action: string }) => h.action)).toEqual(['start', 'handover']);
    expect((await as('colleague', 'POST', `/api/v1/workflow/instances/${r.instanceId}/actions/approve_section`, {})).statusCode).toBe(200);
  });
});

describe('deadlines on the Chinese calendar', () => {
  const calendar = new WorkCalendar();
  it('a 2-working-day step entered on 2026-09-30 is due at the end of 2026-10-09 (National Day skipped)', () => {
    expect(dueFrom(calendar, new Date('2026-09-30T02:00:00Z'), { workingDays: 2 }, DEFAULT_OFFICE_HOURS).toISOString()).toBe('2026-10-09T16:00:00.000Z');
  });
  it('a 4-working-hour step entered Friday 2026-10-09 16:30 ends on the make-up Saturday 2026-10-10', () => {
    // Friday 16:30–17:30 is 1 h; Saturday 10-10 is a make-up workday: 09:00–12:00 gives the other 3 h
    expect(dueFrom(calendar, new Date('2026-10-09T08:30:00Z'), { workingHours: 4 }, DEFAULT_OFFICE_HOURS).toISOString()).toBe('2026-10-10T04:00:00.000Z');
  });
  it('paused working time moves the due time; colours follow the clock', () => {
    const due = new Date('2026-10-20T16:00:00Z');
    const extended = extendByPause(calendar, due, new Date('2026-10-12T01:00:00Z'), new Date('2026-10-12T09:30:00Z'), DEFAULT_OFFICE_HOURS);
    expect(extended.getTime()).toBeGreaterThan(due.getTime());
    const entered = new Date('2026-11-02T00:00:00Z');
    const dueAt = new Date('2026-11-06T00:00:00Z');
    expect(colourOf(entered, dueAt, false, new Date('2026-11-03T00:00:00Z'))).toBe('green');
    expect(colourOf(entered, dueAt, false, new Date('2026-11-05T12:00:00Z'))).toBe('yellow');
    expect(colourOf(entered, dueAt, false, new Date('2026-11-06T00:00:01Z'))).toBe('red');
    expect(colourOf(entered, dueAt, true, new Date('2026-11-07T00:00:00Z'))).toBe('paused');
  });
});
