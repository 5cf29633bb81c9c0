import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import type { Actor } from '../../kernel/access';
import { minimalPdf, tinyPng } from '../../kernel/files/test-samples';
import { seedClasses } from './class-seed';
import { metresBetween } from './duplicates';

let t: TestDatabase;
let app: FastifyInstance;
const actors = new Map<string, Actor>();
const org: Record<string, string> = {};
const ids: Record<string, string> = {};
const centre = { lng: 105.9275, lat: 29.3556 };

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  for (const a of (await sql<{ id: string; username: string }>`SELECT id, username FROM account`.execute(t.database.db)).rows) ids[a.username] = a.id;
  const city = org['区城市管理局']!;
  const staff = (name: string, username: string, orgId: string, permissions: string[]) =>
    actors.set(name, buildActor({ accountId: ids[username]!, displayName: name, orgId, permissions, scope: 'own', anchorOrgId: orgId }));
  staff('inspector', 'inspector', city, ['cases:report', 'cases:verify', 'cases:check', 'cases:read']);
  staff('operator', 'operator', city, ['cases:accept', 'cases:close', 'cases:read']);
  staff('shiftlead', 'shiftlead', city, ['cases:file', 'cases:read', 'workflow:extension.approve']);
  staff('dispatcher', 'dispatcher', city, ['cases:dispatch', 'cases:read', 'workflow:assign']);
  staff('handler', 'handler', city, ['cases:handle']);
  staff('jwhandler', 'jwhandler', org['区住房城乡建委']!, ['cases:handle']);
  actors.set('leader', buildActor({ accountId: ids.leader!, displayName: '孙区长', orgId: org['区政府办公室']!, permissions: ['cases:approve.hang', 'cases:read'] }));
  actors.set('citizen', buildActor({ accountId: ids.citizen!, kind: 'citizen', displayName: '张永川' }));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const as = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: { 'x-test-actor': who }, ...(payload ? { payload } : {}) });
const upload = async (who: string, bytes: Buffer, type: string, name: string) =>
  (await app.inject({ method: 'POST', url: '/api/v1/files', headers: { 'x-test-actor': who, 'content-type': type, 'x-file-name': encodeURIComponent(name) }, payload: bytes })).json().id as string;
const report = (who: string, body: object) => as(who, 'POST', '/api/v1/cases', { classCode: 'E0102', description: '人民广场东侧暴露垃圾约 1 平方米', ...centre, address: '人民广场东侧', ...body });
const act = async (who: string, instanceId: string, action: string, body: object = {}) => as(who, 'POST', `/api/v1/workflow/instances/${instanceId}/actions/${action}`, body);
const inboxHas = async (who: string, instanceId: string) => ((await as(who, 'GET', '/api/v1/inbox?module=cases')).json().items as Array<{ instanceId: string }>).some((i) => i.instanceId === instanceId);
const detail = async (who: string, id: string) => (await as(who, 'GET', `/api/v1/cases/${id}`)).json();

describe('case classes', () => {
  it('seeds at least 40 minor classes with conditions, a unit and limits per stage', async () => {
    const items = (await app.inject({ method: 'GET', url: '/api/v1/cases/classes' })).json().items as Array<{ code: string; majorName: string; limits: { handle: object } }>;
    expect(items.length).toBe(seedClasses.length);
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(new Set(items.map((c) => c.majorName))).toEqual(new Set(['公用设施', '道路交通', '市容环境', '园林绿化', '房屋土地', '其他设施', '宣传广告', '施工管理', '街面秩序', '突发事件', '其他']));
    expect(items.find((c) => c.code === 'E0102')!.limits.handle).toEqual({ normal: { workingHours: 4 }, urgent: { workingHours: 2 } });
  });
});

describe('administrators edit a class', () => {
  it('changes limits and the unit with a new version; refuses an unknown unit, bad limits and other roles', async () => {
    actors.set('admin', buildActor({ accountId: ids.sysadmin!, displayName: '系统管理员', permissions: ['cases:classes.manage'] }));
    const patch = (who: string, body: object) => app.inject({ method: 'PATCH', url: '/api/v1/cases/classes/E0603', headers: { 'x-test-actor': who }, payload: body });
    expect((await patch('admin', { name: '不存在' })).json().code).toBe('CASE_UNKNOWN_CLASS');
    const edit = (who: string, body: object) => app.inject({ method: 'PATCH', url: '/api/v1/cases/classes/C0601', headers: { 'x-test-actor': who }, payload: body });
    expect((await edit('inspector', { public: false })).statusCode).toBe(403);
    expect((await edit('admin', { department: '区不存在局' })).json().code).toBe('CASE_UNKNOWN_DEPARTMENT');
    expect((await edit('admin', { limits: { handle: { normal: { workingDays: 0 }, urgent: { workingHours: 2 } } } })).statusCode).toBe(400);
    const ok = await edit('admin', { department: '区文化旅游委', limits: { handle: { normal: { workingDays: 2 }, urgent: { workingHours: 4 } } } });
    expect(ok.json()).toMatchObject({ department: '区文化旅游委', limits: { handle: { normal: { workingDays: 2 } } } });
    const row = await sql<{ version: number }>`SELECT version FROM case_class WHERE code = 'C0601'`.execute(t.database.db);
    expect(row.rows[0]!.version).toBe(2);
  });
});

describe('the standard case workflow end to end', () => {
  it('inspector reports → accepted → filed → dispatched → handled → check fails (rework) → handled → checked → closed → rated', async () => {
    const before = await upload('inspector', tinyPng, 'image/png', '现场.png');
    const r = await report('inspector', { photos: [before] });
    expect(r.statusCode).toBe(201);
    const { id, caseNo, instanceId } = r.json();
    expect(caseNo).toMatch(/^CG\d{13}$/);
    expect(r.json().unitGridCode).toMatch(/^500118\d{9}$/); // found in the (demo) unit grids
    expect(await inboxHas('operator', instanceId)).toBe(true);
    expect((await act('operator', instanceId, 'close')).statusCode).toBe(409); // closing a case never handled
    expect((await act('operator', instanceId, 'accept')).json().state).toBe('to_file');
    expect((await act('shiftlead', instanceId, 'file')).json().state).toBe('to_dispatch');
    const d = await detail('dispatcher', id);
    expect(d.suggestedDepartmentId).toBe(org['区城市管理局']);
    expect((await act('dispatcher', instanceId, 'dispatch', {})).json().code).toBe('WF_FIELDS_REQUIRED');
    expect((await act('dispatcher', instanceId, 'dispatch', { fields: { department: d.suggestedDepartmentId } })).json().state).toBe('handling');
    expect(await inboxHas('handler', instanceId)).toBe(true);
    expect(await inboxHas('jwhandler', instanceId)).toBe(false);
    const due = (await as('handler', 'GET', `/api/v1/workflow/instances/${instanceId}`)).json().step.dueAt;
    expect(due).not.toBeNull();
    expect((await act('handler', instanceId, 'feedback', { comment: '已清理' })).json().code).toBe('WF_ATTACHMENTS_REQUIRED');
    const after1 = await upload('handler', tinyPng, 'image/png', '处置后.png');
    expect((await act('handler', instanceId, 'feedback', { comment: '已清理', attachments: [after1] })).json().state).toBe('checking');
    expect((await act('operator', instanceId, 'pass')).json().code).toBe('WF_NOT_ASSIGNEE'); // a check by someone who is not an inspector
    expect((await act('inspector', instanceId, 'fail', { comment: '仍有残留垃圾' })).json().state).toBe('handling');
    expect(await inboxHas('handler', instanceId)).toBe(true); // rework goes back to the same department
    expect((await act('handler', instanceId, 'feedback', { comment: '已彻底清理', attachments: [after1] })).json().state).toBe('checking');
    expect((await act('inspector', instanceId, 'pass')).json().state).toBe('to_close');
    expect((await act('operator', instanceId, 'close')).json()).toEqual({ state: 'closed', status: 'ended' });
    const done = await detail('inspector', id);
    expect(done).toMatchObject({ status: 'closed', reworkCount: 1, departmentOrgId: org['区城市管理局'] });
    for (const k of ['filedAt', 'dispatchedAt', 'handledAt', 'closedAt']) expect(done[k]).not.toBeNull();
    expect(done.photos.map((p: { phase: string }) => p.phase).sort()).toEqual(['feedback', 'report']);
    const photo = await as('operator', 'GET', `/api/v1/cases/${id}/photos/${before}`);
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, 'image/png']);
    expect((await as('inspector', 'POST', `/api/v1/cases/${id}/rating`, { stars: 5 })).statusCode).toBe(200);
    expect((await as('inspector', 'POST', `/api/v1/cases/${id}/rating`, { stars: 4 })).json().code).toBe('CASE_CANNOT_RATE');
  });

  it('a citizen’s report is verified on site first; not true ends it as invalid', async () => {
    const r = (await report('citizen', { classCode: 'C0106', description: '路灯晚上不亮' })).json();
    expect((await detail('citizen', r.id)).source).toBe('citizen');
    await act('operator', r.instanceId, 'send_verify');
    expect(await inboxHas('inspector', r.instanceId)).toBe(true);
    expect((await act('inspector', r.instanceId, 'not_true', { comment: '现场路灯正常' })).json()).toEqual({ state: 'invalid', status: 'ended' });
    expect((await as('citizen', 'GET', '/api/v1/cases/mine')).json().items.find((c: { id: string }) => c.id === r.id).status).toBe('invalid');
  });

  it('核实 goes to the inspector of the case’s responsibility grid, not to every inspector', async () => {
    actors.set('inspector2', buildActor({ accountId: '00000000-0000-7000-8000-0000000000e2', displayName: '另一监督员', orgId: org['区城市管理局']!, permissions: ['cases:verify', 'cases:check', 'cases:read'], scope: 'own', anchorOrgId: org['区城市管理局']! }));
    const r = (await report('citizen', { classCode: 'E0201', description: '墙上小广告', lng: 105.9262, lat: 29.3541 })).json();
    expect(r.unitGridCode).not.toBeNull();
    await sql`UPDATE grid_responsibility SET inspector_id = ${ids.inspector} WHERE id = (SELECT responsibility_id FROM grid_responsibility_member WHERE unit_code = ${r.unitGridCode})`.execute(t.database.db);
    await act('operator', r.instanceId, 'send_verify');
    expect(await inboxHas('inspector', r.instanceId)).toBe(true);
    expect(await inboxHas('inspector2', r.instanceId)).toBe(false);
  });

  it('a wrong dispatch is returned, approved by the shift leader and dispatched again', async () => {
    const r = (await report('inspector', { classCode: 'E0304', description: '工地扬尘明显', lng: 105.9401, lat: 29.3612 })).json();
    await act('operator', r.instanceId, 'accept');
    await act('shiftlead', r.instanceId, 'file');
    await act('dispatcher', r.instanceId, 'dispatch', { fields: { department: org['区城市管理局'] } });
    // the department answers after its limit: the case is late from now on
    await sql`UPDATE wf_step SET due_at = now() - interval '1 minute' WHERE instance_id = ${r.instanceId} AND left_at IS NULL`.execute(t.database.db);
    expect((await act('handler', r.instanceId, 'return_wrong', { comment: '工地扬尘属住建委职责' })).json().state).toBe('returned');
    expect((await sql<{ late: boolean }>`SELECT late FROM city_case WHERE id = ${r.id}`.execute(t.database.db)).rows[0]!.late).toBe(true);
    expect((await act('shiftlead', r.instanceId, 'confirm_return')).json().state).toBe('to_dispatch');
    await act('dispatcher', r.instanceId, 'dispatch', { fields: { department: org['区住房城乡建委'] } });
    expect(await inboxHas('jwhandler', r.instanceId)).toBe(true);
    expect(await inboxHas('handler', r.instanceId)).toBe(false);
  });

  it('挂账: parking needs the leader’s approval, stops the clock, and the department resumes later', async () => {
    const r = (await report('inspector', { classCode: 'E0101', description: '绿化带内私搭板房', lng: 105.921, lat: 29.349 })).json();
    await act('operator', r.instanceId, 'accept');
    await act('shiftlead', r.instanceId, 'file');
    await act('dispatcher', r.instanceId, 'dispatch', { fields: { department: org['区城市管理局'] } });
    expect((await act('handler', r.instanceId, 'request_hang', { comment: '需待产权确认后拆除' })).json().state).toBe('hang_pending');
    expect((await act('leader', r.instanceId, 'approve_hang')).json().state).toBe('hung');
    expect((await detail('leader', r.id)).hung).toBe(true);
    expect((await as('handler', 'GET', `/api/v1/workflow/instances/${r.instanceId}`)).json().paused).toBe(true);
    expect((await act('handler', r.instanceId, 'unhang')).json().state).toBe('handling');
    expect((await detail('leader', r.id)).hung).toBe(false);
  });
});

describe('duplicates and bad input', () => {
  it('flags a report within 50 m of an open case of the same class; the operator merges it', async () => {
    const first = (await report('inspector', { classCode: 'E0401', description: '游商占道', lng: 105.9300, lat: 29.3500 })).json();
    const second = (await report('citizen', { classCode: 'E0401', description: '有人摆摊', lng: 105.9302, lat: 29.3501 })).json();
    expect(metresBetween(105.93, 29.35, 105.9302, 29.3501)).toBeLessThan(50);
    expect(second.possibleDuplicates).toContain(first.caseNo);
    const far = (await report('citizen', { classCode: 'E0401', description: '远处摆摊', lng: 105.9400, lat: 29.3600 })).json();
    expect(far.possibleDuplicates).not.toContain(first.caseNo);
    expect((await act('operator', second.instanceId, 'merge', { fields: { into: 'CG000' } })).json().code).toBe('CASE_BAD_MERGE_TARGET');
    expect((await act('operator', second.instanceId, 'merge', { fields: { into: first.caseNo } })).json().state).toBe('invalid');
    expect((await detail('operator', second.id)).duplicateOf).toBe(first.id);
  });

  it('refuses a point outside the district, an unknown class and a photo that is not an image, storing nothing', async () => {
    const count = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM city_case`.execute(t.database.db)).rows[0]!.n;
    const n = await count();
    const outside = await report('inspector', { lng: 106.55, lat: 29.56 }); // 渝中区
    expect([outside.statusCode, outside.json().code, outside.json().errors[0].field]).toEqual([422, 'CASE_OUTSIDE_DISTRICT', '/body/lng']);
    expect((await report('inspector', { classCode: 'E9999' })).json().code).toBe('CASE_UNKNOWN_CLASS');
    const pdf = await upload('inspector', minimalPdf(), 'application/pdf', '说明.pdf');
    expect((await report('inspector', { photos: [pdf] })).json().code).toBe('CASE_PHOTO_NOT_IMAGE');
    expect((await report('handler', {})).statusCode).toBe(403);
    expect(await count()).toBe(n);
  });

  it('the command screen’s figures count today’s reports, open cases by state and the top classes', async () => {
    const stats = (await as('operator', 'GET', '/api/v1/cases/stats')).json();
    const rows = (await sql<{ status: string; n: number }>`SELECT status, count(*)::int AS n FROM city_case GROUP BY status`.execute(t.database.db)).rows;
    const total = rows.reduce((a, r) => a + r.n, 0);
    expect(stats.today.reported).toBe(total); // every case of this test run was reported today
    for (const r of rows.filter((x) => !['closed', 'invalid', 'not_filed'].includes(x.status))) expect(stats.open[r.status]).toBe(r.n);
    expect(stats.topClasses[0].count).toBeGreaterThanOrEqual(stats.topClasses.at(-1).count);
    expect(Object.keys(stats.recent[0]).sort()).toEqual(['caseNo', 'className', 'id', 'lat', 'lng', 'reportedAt', 'status', 'urgent']);
    expect((await as('citizen', 'GET', '/api/v1/cases/stats')).statusCode).toBe(403);
  });

  it('the public map shows no description, reporter or exact location', async () => {
    const items = (await app.inject({ method: 'GET', url: '/api/v1/cases/public' })).json().items as Array<Record<string, unknown>>;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['caseNo', 'className', 'lat', 'lng', 'reportedOn', 'status']);
      expect(String(item.lng).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(3);
    }
  });
});
