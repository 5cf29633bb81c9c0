import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testKernel } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { signIn, signInAdmin, type TestSession } from '../../../../test/helpers/session';
import { demoPassword } from '../../kernel/identity';
import { minimalPdf } from '../../kernel/files/test-samples';

let t: TestDatabase;
let app: FastifyInstance;
const s: Record<string, TestSession> = {};
const org: Record<string, string> = {};

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database);
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  for (const who of ['citizen', 'clerk', 'handler', 'jwhandler', 'reviewer', 'leader', 'operator']) s[who] = await signIn(app, who, demoPassword);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const letter = (body: object = {}) => ({ kind: 'complaint', title: '小区夜间施工噪音扰民', content: '永川区中山路某工地每晚 23 点后仍在施工，噪音很大，影响休息，请相关部门处理。', publicWish: true, ...body });
const write = (body: object = {}) => s.citizen!.request('POST', '/api/v1/interaction/letters', letter(body));
const act = (who: string, instanceId: string, action: string, body: object = {}) => s[who]!.request('POST', `/api/v1/workflow/instances/${instanceId}/actions/${action}`, body);
const panel = async (who: string, instanceId: string) => (await s[who]!.request('GET', `/api/v1/workflow/instances/${instanceId}`)).json();
const detail = async (who: string, id: string) => (await s[who]!.request('GET', `/api/v1/interaction/tickets/${id}`)).json();
const count = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ticket`.execute(t.database.db)).rows[0]!.n);
const publicList = async (q = '') => (await app.inject({ method: 'GET', url: `/api/v1/interaction/public${q}` })).json().items as Array<Record<string, unknown>>;

/** 受理 → 派单 → 签收: the ticket arrives at the department's handlers. */
async function toHandling(instanceId: string, department = '区城市管理局') {
  expect((await act('clerk', instanceId, 'accept')).statusCode).toBe(200);
  expect((await act('clerk', instanceId, 'dispatch', { fields: { department: org[department] } })).json()).toEqual({ state: 'to_sign', status: 'running' });
  expect((await act(department === '区城市管理局' ? 'handler' : 'jwhandler', instanceId, 'sign')).json().state).toBe('handling');
}

describe('bad input changes nothing', () => {
  it('refuses missing or blank content, an unknown kind, an anonymous letter without a phone, a bad phone, a staff writer, a stranger’s file', async () => {
    const before = await count();
    const { content: _omit, ...noContent } = letter();
    expect((await s.citizen!.request('POST', '/api/v1/interaction/letters', noContent)).statusCode).toBe(400);
    const blank = await write({ content: '   ' });
    expect([blank.statusCode, blank.json().code, blank.json().errors[0].field]).toEqual([422, 'INTERACTION_BLANK', '/body/content']);
    const kind = await write({ kind: 'petition' });
    expect([kind.statusCode, kind.json().code, kind.json().message.zh]).toEqual([422, 'INTERACTION_UNKNOWN_KIND', '诉求类型不存在或已停用：petition']);
    const anon = await app.inject({ method: 'POST', url: '/api/v1/interaction/letters/anonymous', payload: letter() });
    expect([anon.statusCode, anon.json().code, anon.json().errors[0].field]).toEqual([422, 'INTERACTION_PHONE_REQUIRED', '/body/phone']);
    const badPhone = await app.inject({ method: 'POST', url: '/api/v1/interaction/letters/anonymous', payload: letter({ phone: '12345' }) });
    expect(badPhone.json().code).toBe('INTERACTION_BAD_PHONE');
    expect((await s.clerk!.request('POST', '/api/v1/interaction/letters', letter())).json().code).toBe('INTERACTION_STAFF_REGISTER');
    const upload = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: s.handler!.cookie, 'x-csrf-token': s.handler!.csrf, 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' }, payload: minimalPdf() });
    expect((await write({ attachments: [upload.json().id] })).json().code).toBe('INTERACTION_BAD_ATTACHMENT');
    expect((await write({ department: '00000000-0000-7000-8000-000000000099' })).json().code).toBe('INTERACTION_UNKNOWN_DEPARTMENT');
    expect(await count()).toBe(before);
  });
});

describe('a complaint from the portal, end to end', () => {
  it('受理 → 派单 → 签收 → 答复 → 回访满意 → 办结 → 公开; the writer sees the reply, the public sees it masked', async () => {
    const file = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: s.citizen!.cookie, 'x-csrf-token': s.citizen!.csrf, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('现场说明.pdf') }, payload: minimalPdf() });
    const w = await write({ attachments: [file.json().id], phone: '13800238123' });
    expect(w.statusCode).toBe(201);
    const { id, ticketNo, instanceId, limitDays } = w.json();
    expect(ticketNo).toMatch(/^XJ\d{8}\d{5}$/);
    expect(limitDays).toBe(10);
    expect((await s.clerk!.request('GET', '/api/v1/inbox?module=interaction')).json().items.some((i: { instanceId: string }) => i.instanceId === instanceId)).toBe(true);
    // the centre accepts, not a department
    expect((await act('handler', instanceId, 'accept')).statusCode).toBe(403);
    expect((await act('clerk', instanceId, 'sign')).json().code).toBe('WF_INVALID_ACTION');
    await toHandling(instanceId);
    expect((await detail('clerk', id)).department).toBe('区城市管理局');
    expect((await act('jwhandler', instanceId, 'reply', { fields: { reply: '已处理' } })).statusCode).toBe(403);
    const short = await act('handler', instanceId, 'reply', { fields: { reply: '好' } });
    expect([short.statusCode, short.json().code]).toEqual([422, 'INTERACTION_BAD_REPLY']);
    expect((await panel('handler', instanceId)).state).toBe('handling');
    const reply = '经核查，该工地已办理夜间施工许可至 22 点，已责令其 22 点后停止施工，并将加强巡查。';
    expect((await act('handler', instanceId, 'reply', { fields: { reply } })).json().state).toBe('to_visit');
    const mine = (await s.citizen!.request('GET', '/api/v1/interaction/letters/mine')).json().items.find((i: { id: string }) => i.id === id);
    expect(mine).toMatchObject({ status: 'to_visit', reply, department: '区城市管理局' });
    const notes = (await s.citizen!.request('GET', '/api/v1/notifications')).json().items as Array<{ title: { zh: string } }>;
    expect(notes.some((n) => n.title.zh === `您的诉求 ${ticketNo} 已有答复`)).toBe(true);
    // not yet closed: publication waits
    expect((await s.clerk!.request('POST', `/api/v1/interaction/tickets/${id}/publication`, { approve: true })).json().code).toBe('INTERACTION_CANNOT_PUBLISH');
    expect((await act('clerk', instanceId, 'satisfied', { comment: '电话回访，群众满意' })).json()).toEqual({ state: 'closed', status: 'ended' });
    const d = await detail('citizen', id);
    expect(d).toMatchObject({ status: 'closed', satisfaction: 'satisfied', writerName: '张永川', writerPhone: '138****8123', files: [{ name: '现场说明.pdf', phase: 'letter' }] });
    expect(d.closedAt).not.toBeNull();
    expect(await publicList()).not.toContainEqual(expect.objectContaining({ ticketNo }));
    expect((await s.handler!.request('POST', `/api/v1/interaction/tickets/${id}/publication`, { approve: true })).statusCode).toBe(403);
    expect((await s.clerk!.request('POST', `/api/v1/interaction/tickets/${id}/publication`, { approve: true })).json()).toEqual({ publication: 'approved' });
    expect((await s.clerk!.request('POST', `/api/v1/interaction/tickets/${id}/publication`, { approve: false })).statusCode).toBe(409);
    const pub = (await publicList('?q=' + encodeURIComponent('夜间施工'))).find((i) => i.ticketNo === ticketNo)!;
    expect(pub).toMatchObject({ writer: '张**', reply, repliedBy: '区城市管理局', kindName: { zh: '投诉', en: 'Complaint' } });
    expect(JSON.stringify(pub)).not.toMatch(/138|张永川/);
    const audit = await sql<{ action: string }>`SELECT action FROM audit_pending WHERE object_id = ${id} UNION ALL SELECT action FROM audit_log WHERE object_id = ${id}`.execute(t.database.db);
    expect(audit.rows.map((r) => r.action)).toContain('interaction.publish');
  });
});

describe('回访不满意: redo at the same department', () => {
  it('goes back to the department that replied, counts the redo, and closes after the second reply', async () => {
    const { id, instanceId } = (await write({ kind: 'consultation', title: '公租房申请条件咨询' })).json();
    await toHandling(instanceId, '区住房城乡建委');
    await act('jwhandler', instanceId, 'reply', { fields: { reply: '请携带身份证、户口簿到区住房城乡建委窗口申请。' } });
    expect((await act('clerk', instanceId, 'unsatisfied')).json().code).toBe('WF_COMMENT_REQUIRED');
    expect((await act('clerk', instanceId, 'unsatisfied', { comment: '群众表示未说明收入条件' })).json().state).toBe('handling');
    expect(await detail('clerk', id)).toMatchObject({ status: 'handling', satisfaction: 'unsatisfied', redoCount: 1, department: '区住房城乡建委' });
    // a department's list holds the tickets dispatched to it, not the others'
    const listOf = async (who: string) => ((await s[who]!.request('GET', '/api/v1/interaction/tickets')).json().items as Array<{ id: string }>).map((i) => i.id);
    expect(await listOf('jwhandler')).toContain(id);
    expect(await listOf('handler')).not.toContain(id);
    // the redo is the same department's: another department's handler cannot reply
    expect((await act('handler', instanceId, 'reply', { fields: { reply: '城管局答复内容' } })).statusCode).toBe(403);
    await act('jwhandler', instanceId, 'reply', { fields: { reply: '收入条件：家庭人均月收入低于上年度城镇居民人均可支配收入的 60%。' } });
    expect((await act('clerk', instanceId, 'satisfied')).json().state).toBe('closed');
    expect(await detail('citizen', id)).toMatchObject({ satisfaction: 'satisfied', redoCount: 1, reply: expect.stringContaining('收入条件') });
  });
});

describe('延期, 退回 and 催办', () => {
  it('an extension approved by a leader moves the handling due time', async () => {
    const { id, instanceId } = (await write({ title: '延期测试：道路积水' })).json();
    await toHandling(instanceId);
    const before = await detail('handler', id);
    const stepId = (await panel('handler', instanceId)).step.id;
    const req = await s.handler!.request('POST', `/api/v1/workflow/steps/${stepId}/extension`, { workingDays: 5, reason: '需协调排水公司' });
    expect(req.statusCode).toBe(201);
    expect((await act('leader', req.json().approvalInstanceId, 'approve', { comment: '同意' })).json().state).toBe('approved');
    const after = await detail('handler', id);
    expect(new Date(after.dueAt).getTime()).toBeGreaterThan(new Date(before.dueAt).getTime() + 4 * 86_400_000);
  });

  it('a department returns a ticket to the centre with reasons; the centre dispatches it elsewhere; 催办 notifies the holder and is recorded', async () => {
    const { id, instanceId } = (await write({ title: '退回测试：物业收费' })).json();
    await act('clerk', instanceId, 'accept');
    await act('clerk', instanceId, 'dispatch', { fields: { department: org['区城市管理局'] } });
    expect((await act('handler', instanceId, 'send_back')).json().code).toBe('WF_COMMENT_REQUIRED');
    expect((await act('handler', instanceId, 'send_back', { comment: '物业收费不属于城管职责' })).json().state).toBe('to_dispatch');
    expect(await detail('clerk', id)).toMatchObject({ status: 'to_dispatch', returnCount: 1, department: null });
    expect((await s.clerk!.request('POST', `/api/v1/interaction/tickets/${id}/chase`, { comment: '请尽快办理' })).json().code).toBe('INTERACTION_CANNOT_CHASE');
    await act('clerk', instanceId, 'dispatch', { fields: { department: org['区住房城乡建委'] } });
    expect((await s.handler!.request('POST', `/api/v1/interaction/tickets/${id}/chase`, { comment: '请尽快办理' })).statusCode).toBe(403);
    const chase = await s.clerk!.request('POST', `/api/v1/interaction/tickets/${id}/chase`, { comment: '请今日内签收' });
    expect(chase.json()).toEqual({ notified: 1 });
    const notes = (await s.jwhandler!.request('GET', '/api/v1/notifications')).json().items as Array<{ body: { zh: string } }>;
    expect(notes.some((n) => n.body.zh.includes('请今日内签收'))).toBe(true);
    expect((await detail('clerk', id)).chases).toEqual([expect.objectContaining({ by: '李窗口', comment: '请今日内签收', state: 'to_sign', notified: 1 })]);
  });

  it('不予受理 ends the ticket with reasons and tells the writer', async () => {
    const { id, instanceId } = (await write({ title: '起诉某公司', kind: 'suggestion' })).json();
    expect((await act('clerk', instanceId, 'reject', { comment: '涉诉事项，请通过司法途径解决' })).json()).toEqual({ state: 'rejected', status: 'ended' });
    expect((await detail('citizen', id)).status).toBe('rejected');
  });
});

describe('who may read, anonymous letters, calls and numbers', () => {
  it('the public list holds only tickets whose writer agreed and the centre approved', async () => {
    const closed = async (body: object) => {
      const w = (await write(body)).json();
      await toHandling(w.instanceId);
      await act('handler', w.instanceId, 'reply', { fields: { reply: '已安排人员现场处理完毕。' } });
      await act('clerk', w.instanceId, 'satisfied');
      return w;
    };
    const noWish = await closed({ title: '不愿公开的来信', publicWish: false });
    expect((await s.clerk!.request('POST', `/api/v1/interaction/tickets/${noWish.id}/publication`, { approve: true })).json().code).toBe('INTERACTION_CANNOT_PUBLISH');
    const refused = await closed({ title: '审核不公开的来信' });
    expect((await s.clerk!.request('POST', `/api/v1/interaction/tickets/${refused.id}/publication`, { approve: false })).json()).toEqual({ publication: 'refused' });
    const titles = (await publicList()).map((i) => i.title);
    expect(titles).not.toContain('不愿公开的来信');
    expect(titles).not.toContain('审核不公开的来信');
  });

  it('an anonymous letter needs no account; its writer looks it up by number and phone; strangers cannot read tickets', async () => {
    const w = await app.inject({ method: 'POST', url: '/api/v1/interaction/letters/anonymous', payload: letter({ title: '匿名反映：菜市场占道', phone: '139 0000 1111' }) });
    expect(w.statusCode).toBe(201);
    const { id, ticketNo } = w.json();
    const found = await app.inject({ method: 'GET', url: `/api/v1/interaction/lookup?ticketNo=${ticketNo}&phone=13900001111` });
    expect(found.json()).toMatchObject({ ticketNo, status: 'registered', reply: null });
    expect((await app.inject({ method: 'GET', url: `/api/v1/interaction/lookup?ticketNo=${ticketNo}&phone=13900001112` })).statusCode).toBe(404);
    expect((await s.citizen!.request('GET', `/api/v1/interaction/tickets/${id}`)).statusCode).toBe(404);
    expect((await s.operator!.request('GET', '/api/v1/interaction/tickets')).statusCode).toBe(403);
    expect((await detail('clerk', id))).toMatchObject({ anonymous: true, writerPhone: '139****1111' });
  });

  it('the centre registers a call for a caller (phone and name required); leaders read the list', async () => {
    const noPhone = await s.clerk!.request('POST', '/api/v1/interaction/tickets/hotline', { ...letter(), name: '李女士' });
    expect(noPhone.statusCode).toBe(400);
    const w = await s.clerk!.request('POST', '/api/v1/interaction/tickets/hotline', { ...letter({ kind: 'consultation', title: '来电咨询：社保转移' }), name: '李女士', phone: '13700001234' });
    expect(w.statusCode).toBe(201);
    const items = (await s.leader!.request('GET', '/api/v1/interaction/tickets?kind=consultation')).json().items as Array<{ ticketNo: string; channel: string; status: string }>;
    expect(items.find((i) => i.ticketNo === w.json().ticketNo)).toMatchObject({ channel: 'hotline', status: 'registered' });
    expect((await s.citizen!.request('POST', '/api/v1/interaction/tickets/hotline', { ...letter(), name: 'x', phone: '13700001234' })).statusCode).toBe(403);
  });

  it('ticket numbers written at the same moment are distinct and follow the day’s sequence', async () => {
    const many = await Promise.all(Array.from({ length: 6 }, (_, i) => write({ title: `并发来信 ${i}` })));
    const numbers = many.map((r) => r.json().ticketNo as string);
    expect(new Set(numbers).size).toBe(6);
    const seq = numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
    expect(seq.at(-1)! - seq[0]!).toBe(5);
  });

  it('the writer withdraws a letter nobody has acted on; the ticket follows once the event is delivered', async () => {
    const { id, instanceId } = (await write({ title: '撤回测试：写错了' })).json();
    expect((await s.citizen!.request('POST', `/api/v1/workflow/instances/${instanceId}/withdraw`)).statusCode).toBe(200);
    // the outbox delivers the engine's event to the module's subscriber (a job), as a running server does
    const kernel = await testKernel(t.database);
    while ((await kernel.jobs.runOnce()) > 0);
    expect((await detail('citizen', id)).status).toBe('withdrawn');
  });

  it('the administrator changes a kind’s limit for new tickets; others may not', async () => {
    expect((await s.clerk!.request('PATCH', '/api/v1/interaction/kinds/consultation', { limitDays: 2 })).statusCode).toBe(403);
    const kinds = (await app.inject({ method: 'GET', url: '/api/v1/interaction/kinds' })).json().items as Array<{ code: string; limitDays: number }>;
    expect(kinds.map((k) => [k.code, k.limitDays])).toEqual([['mayor', 15], ['department', 15], ['consultation', 3], ['complaint', 10], ['suggestion', 15]]);
    const { session: admin } = await signInAdmin(app, 'sysadmin', demoPassword);
    expect((await admin.request('PATCH', '/api/v1/interaction/kinds/consultation', { limitDays: 0 })).statusCode).toBe(400);
    expect((await admin.request('PATCH', '/api/v1/interaction/kinds/petition', { limitDays: 2 })).json().code).toBe('INTERACTION_UNKNOWN_KIND');
    expect((await admin.request('PATCH', '/api/v1/interaction/kinds/consultation', { limitDays: 2 })).json()).toMatchObject({ code: 'consultation', limitDays: 2 });
    expect((await write({ kind: 'consultation', title: '新时限下的咨询' })).json().limitDays).toBe(2);
    expect((await admin.request('PATCH', '/api/v1/interaction/kinds/suggestion', { active: false })).json().active).toBe(false);
    expect((await write({ kind: 'suggestion' })).json().code).toBe('INTERACTION_UNKNOWN_KIND');
  });
});
