import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import type { Actor } from '../access';
import { WorkCalendar } from '../calendar';
import { checkInput } from './checks';
import { decide } from './countersign';
import { extendDue } from './extension';
import { DEFAULT_OFFICE_HOURS } from '../calendar/office-hours';

let t: TestDatabase;
let app: FastifyInstance;
const actors = new Map<string, Actor>();
const ids: Record<string, string> = {};
let market = '';
let thirdOrg = '';

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  const orgs = (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>;
  const city = orgs.find((o) => o.name === '区城市管理局')!.id;
  market = orgs.find((o) => o.name === '区市场监管局')!.id;
  thirdOrg = orgs.find((o) => o.name.endsWith('局') && o.id !== city && o.id !== market)!.id;
  const accounts = await sql<{ id: string; username: string }>`SELECT id, username FROM account`.execute(t.database.db);
  for (const a of accounts.rows) ids[a.username] = a.id;
  const section = ['requests:approve.section'];
  actors.set('applicant', buildActor({ accountId: ids.inspector!, displayName: '赵巡查', orgId: city }));
  actors.set('section', buildActor({ accountId: ids.cgreviewer!, displayName: '周科长', orgId: city, permissions: section, scope: 'own', anchorOrgId: city }));
  actors.set('section2', buildActor({ accountId: '00000000-0000-7000-8000-000000000052', displayName: '吴科员', orgId: city, permissions: section, scope: 'own', anchorOrgId: city }));
  actors.set('market', buildActor({ accountId: ids.reviewer!, displayName: '王审核', orgId: market, permissions: section, scope: 'own', anchorOrgId: market }));
  actors.set('third', buildActor({ accountId: '00000000-0000-7000-8000-000000000053', displayName: '郑科长', orgId: thirdOrg, permissions: section, scope: 'own', anchorOrgId: thirdOrg }));
  actors.set('leader', buildActor({ accountId: ids.leader!, displayName: '孙区长', orgId: city, permissions: ['requests:approve.leader', 'workflow:extension.approve', 'workflow:assign'] }));
  actors.set('dispatcher', buildActor({ accountId: ids.dispatcher!, displayName: '钱派遣', orgId: city, permissions: ['workflow:assign'], scope: 'own', anchorOrgId: city }));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const as = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload ? { payload } : {}) });
const act = (who: string, instanceId: string, action: string, body: object = {}) => as(who, 'POST', `/api/v1/workflow/instances/${instanceId}/actions/${action}`, body);
const inboxOf = async (who: string) => (await as(who, 'GET', '/api/v1/inbox')).json() as { items: Array<{ instanceId: string; stepId: string; module: string; title: string; dueAt: string }> };
const panelOf = async (who: string, id: string) => (await as(who, 'GET', `/api/v1/workflow/instances/${id}`)).json();
const file = async (title: string) => (await as('applicant', 'POST', '/api/v1/requests', { title, reason: '协同办理测试' })).json() as { instanceId: string; businessNo: string };
const notificationsOf = async (accountId: string) =>
  (await sql<{ title_zh: string }>`SELECT title_zh FROM notification WHERE account_id = ${accountId} ORDER BY created_at`.execute(t.database.db)).rows.map((r) => r.title_zh);

describe('指派/改派 by a dispatcher', () => {
  it('gives a step to a colleague who may work on it, tells them, and refuses other cases', async () => {
    const r = await file('改派测试');
    const step = (await inboxOf('section')).items.find((i) => i.instanceId === r.instanceId)!;
    expect((await as('section', 'POST', `/api/v1/workflow/steps/${step.stepId}/assign`, { accountId: ids.cgreviewer, comment: '请办理' })).statusCode).toBe(403);
    const wrongPerson = await as('dispatcher', 'POST', `/api/v1/workflow/steps/${step.stepId}/assign`, { accountId: ids.reviewer, comment: '请办理' });
    expect([wrongPerson.statusCode, wrongPerson.json().code]).toEqual([422, 'WF_CANNOT_ASSIGN']);
    expect((await as('dispatcher', 'POST', `/api/v1/workflow/steps/${step.stepId}/assign`, { accountId: ids.cgreviewer, comment: '请周科长办理' })).statusCode).toBe(200);
    expect((await inboxOf('section2')).items.some((i) => i.instanceId === r.instanceId)).toBe(false);
    expect((await act('section2', r.instanceId, 'approve_section')).json().code).toBe('WF_NOT_ASSIGNEE');
    expect(await notificationsOf(ids.cgreviewer!)).toContain('新的待办：改派测试');
    expect((await panelOf('section', r.instanceId)).history.map((h: { action: string }) => h.action)).toEqual(['start', 'assign']);
    expect((await act('section', r.instanceId, 'approve_section')).statusCode).toBe(200);
  });
});

describe('会签: several departments countersign (all must agree)', () => {
  it('opens one step per department; the leader decides once all agreed; the applicant hears of the decision', async () => {
    const r = await file('会签测试');
    await act('section', r.instanceId, 'approve_section');
    const noOrgs = await act('leader', r.instanceId, 'consult', {});
    expect([noOrgs.statusCode, noOrgs.json().code]).toEqual([400, 'WF_FIELDS_REQUIRED']);
    const badOrgs = await act('leader', r.instanceId, 'consult', { fields: { orgs: [market, market] } });
    expect([badOrgs.statusCode, badOrgs.json().code]).toEqual([422, 'WF_BAD_COUNTERSIGN_ORGS']);
    expect((await act('leader', r.instanceId, 'consult', { fields: { orgs: [market, thirdOrg] }, comment: '请提出意见' })).json()).toEqual({ state: 'countersigning', status: 'running' });
    expect((await inboxOf('market')).items.some((i) => i.instanceId === r.instanceId)).toBe(true);
    expect((await inboxOf('third')).items.some((i) => i.instanceId === r.instanceId)).toBe(true);
    const panel = await panelOf('market', r.instanceId);
    expect(panel).toMatchObject({ state: 'countersigning', countersign: { mode: 'all' }, actions: [{ key: 'agree' }, { key: 'disagree' }] });
    expect(panel.steps).toHaveLength(2);
    expect((await act('section', r.instanceId, 'agree')).json().code).toBe('WF_NOT_ASSIGNEE');
    expect((await act('market', r.instanceId, 'agree', { comment: '无意见' })).json()).toEqual({ state: 'countersigning', status: 'running' });
    expect((await act('market', r.instanceId, 'agree')).json().code).toBe('WF_NOT_ASSIGNEE');
    expect((await act('third', r.instanceId, 'agree', { comment: '同意' })).json()).toEqual({ state: 'countersigned', status: 'running' });
    expect((await act('leader', r.instanceId, 'approve_leader', { comment: '同意' })).json()).toEqual({ state: 'approved', status: 'ended' });
    const view = await panelOf('applicant', r.instanceId);
    expect(view.history.map((h: { action: string }) => h.action)).toEqual(['start', 'approve_section', 'consult', 'agree', 'agree', 'approve_leader']);
    expect(await notificationsOf(ids.inspector!)).toContain('会签测试：批准');
  });

  it('one disagreement ends the countersign at once and closes the other department’s step', async () => {
    const r = await file('会签不同意');
    await act('section', r.instanceId, 'approve_section');
    await act('leader', r.instanceId, 'consult', { fields: { orgs: [market, thirdOrg] } });
    const noReason = await act('third', r.instanceId, 'disagree');
    expect([noReason.statusCode, noReason.json().code]).toEqual([400, 'WF_COMMENT_REQUIRED']);
    expect((await act('third', r.instanceId, 'disagree', { comment: '与我局规划冲突' })).json()).toEqual({ state: 'section_approved', status: 'running' });
    expect((await inboxOf('market')).items.some((i) => i.instanceId === r.instanceId)).toBe(false);
    const outcomes = await sql<{ outcome: string }>`SELECT outcome FROM wf_step WHERE instance_id = ${r.instanceId} AND state = 'countersigning' ORDER BY outcome`.execute(t.database.db);
    expect(outcomes.rows.map((o) => o.outcome)).toEqual(['disagree', 'void']);
  });

  it('或签 (any may agree): the first agreement decides; all must disagree to refuse', () => {
    const any = { mode: 'any' as const, permission: 'p', orgsField: 'orgs', agree: 'yes', disagree: 'no' };
    expect(decide(any, true, 2)).toBe('yes');
    expect(decide(any, false, 1)).toBeNull();
    expect(decide(any, false, 0)).toBe('no');
    const all = { ...any, mode: 'all' as const };
    expect(decide(all, true, 1)).toBeNull();
    expect(decide(all, true, 0)).toBe('yes');
    expect(decide(all, false, 3)).toBe('no');
  });
});

describe('退回: return to any earlier step', () => {
  it('sends the process back to the person who worked on that step, with the reason; not to a state never visited', async () => {
    const r = await file('退回测试');
    await act('section', r.instanceId, 'approve_section');
    const panel = await panelOf('leader', r.instanceId);
    expect(panel.actions.find((a: { key: string }) => a.key === 'return_to').targets).toEqual([{ state: 'submitted', label: { zh: '待科室审核', en: 'Awaiting section review' } }]);
    const bad = await act('leader', r.instanceId, 'return_to', { fields: { state: 'approved' }, comment: '重新审核' });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'WF_BAD_RETURN_TARGET']);
    expect((await act('leader', r.instanceId, 'return_to', { fields: { state: 'submitted' } })).json().code).toBe('WF_COMMENT_REQUIRED');
    expect((await act('leader', r.instanceId, 'return_to', { fields: { state: 'submitted' }, comment: '预算依据不足，请重新审核' })).json()).toEqual({ state: 'submitted', status: 'running' });
    // back to 周科长 who approved it, not to the whole section
    expect((await inboxOf('section2')).items.some((i) => i.instanceId === r.instanceId)).toBe(false);
    expect((await inboxOf('section')).items.some((i) => i.instanceId === r.instanceId)).toBe(true);
    expect(await notificationsOf(ids.cgreviewer!)).toContain('退回测试：退回至前序环节');
    expect((await act('section', r.instanceId, 'approve_section')).statusCode).toBe(200);
  });
});

describe('延期: an extension approved by a leader', () => {
  it('waits in the approver’s inbox; approval moves the step’s due time by working days; one pending at a time', async () => {
    const r = await file('延期测试');
    const step = (await inboxOf('section')).items.find((i) => i.instanceId === r.instanceId)!;
    expect((await as('section2', 'POST', `/api/v1/workflow/steps/${step.stepId}/extension`, { workingDays: 0, reason: '需现场核实' })).statusCode).toBe(400);
    const req = await as('section', 'POST', `/api/v1/workflow/steps/${step.stepId}/extension`, { workingDays: 3, reason: '需现场核实' });
    expect(req.statusCode).toBe(201);
    const again = await as('section2', 'POST', `/api/v1/workflow/steps/${step.stepId}/extension`, { workingDays: 1, reason: '再延' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'WF_EXTENSION_PENDING']);
    const approval = (await inboxOf('leader')).items.find((i) => i.instanceId === req.json().approvalInstanceId)!;
    expect(approval).toMatchObject({ module: 'workflow', title: '延期申请：延期测试（3 个工作日）' });
    expect((await act('leader', approval.instanceId, 'approve', { comment: '同意' })).json()).toEqual({ state: 'approved', status: 'ended' });
    const moved = (await inboxOf('section')).items.find((i) => i.instanceId === r.instanceId)!;
    expect(moved.dueAt).toBe(extendDue({ calendar: new WorkCalendar(), hours: DEFAULT_OFFICE_HOURS }, new Date(step.dueAt), 3).toISOString());
    expect((await panelOf('section', r.instanceId)).history.map((h: { action: string }) => h.action)).toEqual(['start', 'extension_requested', 'extended']);
    expect(await notificationsOf(ids.cgreviewer!)).toContain('延期申请：延期测试（3 个工作日）：同意延期');
  });

  it('a refusal needs a reason and leaves the due time as it was', async () => {
    const r = await file('延期被拒');
    const step = (await inboxOf('section')).items.find((i) => i.instanceId === r.instanceId)!;
    const req = (await as('section', 'POST', `/api/v1/workflow/steps/${step.stepId}/extension`, { workingDays: 2, reason: '材料未齐' })).json();
    expect((await act('leader', req.approvalInstanceId, 'refuse')).json().code).toBe('WF_COMMENT_REQUIRED');
    await act('leader', req.approvalInstanceId, 'refuse', { comment: '时限内可以完成' });
    expect((await inboxOf('section')).items.find((i) => i.instanceId === r.instanceId)!.dueAt).toBe(step.dueAt);
    expect((await panelOf('section', r.instanceId)).history.at(-1)).toMatchObject({ action: 'extension_refused', comment: '不同意延期：时限内可以完成' });
  });

  it('over the National Day holiday (1–7 October): 3 more working days after a due time of 2026-09-30 end on the make-up Saturday 2026-10-10', () => {
    const due = new Date('2026-09-30T16:00:00Z'); // 24:00 on 30 September, Shanghai time
    expect(extendDue({ calendar: new WorkCalendar(), hours: DEFAULT_OFFICE_HOURS }, due, 3).toISOString()).toBe('2026-10-10T16:00:00.000Z');
  });
});

describe('attachments and guards', () => {
  it('links one’s own uploads to the step, shows them in the history, and refuses someone else’s file', async () => {
    const upload = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { 'x-test-actor': 'section', 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('审核意见.pdf') }, payload: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n') });
    expect(upload.statusCode).toBe(201);
    const fileId = upload.json().id as string;
    const r = await file('附件测试');
    const notOwn = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { 'x-test-actor': 'market', 'content-type': 'application/pdf', 'x-file-name': 'x.pdf' }, payload: Buffer.from('%PDF-1.4\n2 0 obj\n<<>>\nendobj\n%%EOF\n') });
    const refused = await act('section', r.instanceId, 'approve_section', { attachments: [notOwn.json().id] });
    expect([refused.statusCode, refused.json().code]).toEqual([400, 'WF_UNKNOWN_ATTACHMENTS']);
    expect((await act('section', r.instanceId, 'approve_section', { attachments: [fileId], comment: '见附件' })).statusCode).toBe(200);
    const view = await panelOf('applicant', r.instanceId);
    expect(view.history[1].attachments).toEqual([{ id: fileId, name: '审核意见.pdf', size: expect.any(Number), mediaType: 'application/pdf' }]);
    // the applicant may read what was attached to their process; someone outside it may not
    const download = await as('applicant', 'GET', `/api/v1/workflow/instances/${r.instanceId}/attachments/${fileId}`);
    expect([download.statusCode, download.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(download.body.startsWith('%PDF-1.4')).toBe(true);
    expect((await as('third', 'GET', `/api/v1/workflow/instances/${r.instanceId}/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await as('applicant', 'GET', `/api/v1/workflow/instances/${r.instanceId}/attachments/${notOwn.json().id}`)).statusCode).toBe(404);
  });

  it('a guard of the business module refuses with its own reason, before anything changes', async () => {
    const actor = actors.get('section')!;
    const instance = { id: 'i', business_module: 'm', business_id: 'b', org_id: 'o', state: 's' } as never;
    const guard = () => ({ zh: '尚未缴纳费用', en: 'The fee is not paid yet' });
    await expect(checkInput(undefined as never, actor, instance, { guard }, {})).rejects.toMatchObject({ status: 409, code: 'WF_GUARD_REFUSED' });
    await expect(checkInput(undefined as never, actor, instance, { guard: () => null }, {})).resolves.toEqual([]);
    await expect(checkInput(undefined as never, actor, instance, { attachments: { required: true } }, {})).rejects.toMatchObject({ code: 'WF_ATTACHMENTS_REQUIRED' });
  });
});

describe('candidates for 转办 and 改派', () => {
  it('lists colleagues who hold the step’s permission in its scope, to those who work on it or may assign it', async () => {
    const r = await file('候选人测试');
    const step = (await inboxOf('section')).items.find((i) => i.instanceId === r.instanceId)!;
    const list = (await as('dispatcher', 'GET', `/api/v1/workflow/steps/${step.stepId}/candidates`)).json().items as Array<{ accountId: string; displayName: string }>;
    expect(list.map((c) => c.displayName)).toContain('周科长');
    expect(list.some((c) => c.accountId === ids.reviewer)).toBe(false);
    expect((await as('market', 'GET', `/api/v1/workflow/steps/${step.stepId}/candidates`)).statusCode).toBe(403);
  });
});
