import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { signIn, type TestSession } from '../../../../test/helpers/session';
import { minimalPdf } from '../../kernel/files/test-samples';
import { demoPassword } from '../../kernel/identity';

let t: TestDatabase;
let app: FastifyInstance;
const s: Record<string, TestSession> = {};
const org: Record<string, string> = {};

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database);
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  for (const who of ['citizen', 'enterprise', 'reviewer', 'cgreviewer', 'leader', 'clerk']) s[who] = await signIn(app, who, demoPassword);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const article = (body: object = {}) => ({ category: 'policy', title: '永川区食品安全监督抽检工作方案', docNo: '永川市监发〔2026〕8号', body: '为加强食品安全监管，区市场监管局制定本年度食品安全监督抽检工作方案，现予公布。', ...body });
const upload = async (who: string) =>
  (await app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: s[who]!.cookie, 'x-csrf-token': s[who]!.csrf, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('抽检计划.pdf') }, payload: minimalPdf() })).json().id as string;
/** PUT replaces a draft (the session helper knows the other methods only). */
const put = (who: string, url: string, payload: object) => app.inject({ method: 'PUT', url, headers: { cookie: s[who]!.cookie, 'x-csrf-token': s[who]!.csrf }, payload });
const act = (who: string, instanceId: string, action: string, body: object = {}) => s[who]!.request('POST', `/api/v1/workflow/instances/${instanceId}/actions/${action}`, body);
const publicList = async (query = '') => (await app.inject({ method: 'GET', url: `/api/v1/disclosure/articles${query}` })).json().items as Array<{ id: string; title: string; category: { code: string } }>;
const count = async (table: 'disclosure_article' | 'disclosure_request') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);

describe('articles: draft → approval by a leader → published → withdrawn', () => {
  it('refuses bad drafts and writers without the right, changing nothing', async () => {
    const before = await count('disclosure_article');
    const post = (who: string, body: object) => s[who]!.request('POST', '/api/v1/disclosure/manage/articles', body);
    expect((await post('reviewer', article({ category: 'gossip' }))).json().code).toBe('DISCLOSURE_UNKNOWN_CATEGORY');
    expect((await post('reviewer', article({ title: '  ' }))).json()).toMatchObject({ code: 'DISCLOSURE_BLANK', errors: [{ field: '/body/title' }] });
    const { body: _b, ...noBody } = article();
    expect((await post('reviewer', noBody)).statusCode).toBe(400);
    expect((await post('citizen', article())).statusCode).toBe(403);
    const theirs = await upload('cgreviewer');
    expect((await post('reviewer', article({ attachments: [theirs] }))).json().code).toBe('DISCLOSURE_BAD_ATTACHMENT');
    expect(await count('disclosure_article')).toBe(before);
  });

  it('publishes after approval; a refusal sends it back to draft with the note; search finds partial Chinese words; withdrawal needs a reason', async () => {
    const file = await upload('reviewer');
    const created = await s.reviewer!.request('POST', '/api/v1/disclosure/manage/articles', article({ attachments: [file] }));
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect((await publicList()).map((a) => a.id)).not.toContain(id);
    expect((await app.inject({ method: 'GET', url: `/api/v1/disclosure/articles/${id}` })).statusCode).toBe(404);
    // another department's editor neither sees nor edits it
    expect((await s.cgreviewer!.request('GET', `/api/v1/disclosure/manage/articles/${id}`)).statusCode).toBe(404);
    expect((await s.cgreviewer!.request('POST', `/api/v1/disclosure/manage/articles/${id}/submit`)).statusCode).toBe(404);

    const first = (await s.reviewer!.request('POST', `/api/v1/disclosure/manage/articles/${id}/submit`)).json();
    expect((await put('reviewer', `/api/v1/disclosure/manage/articles/${id}`, article())).json().code).toBe('DISCLOSURE_NOT_EDITABLE');
    expect((await act('reviewer', first.instanceId, 'approve')).statusCode).toBe(403);
    const inbox = (await s.leader!.request('GET', '/api/v1/inbox?module=disclosure')).json().items as Array<{ instanceId: string }>;
    expect(inbox.some((i) => i.instanceId === first.instanceId)).toBe(true);
    expect((await act('leader', first.instanceId, 'refuse')).json().code).toBe('WF_COMMENT_REQUIRED');
    await act('leader', first.instanceId, 'refuse', { comment: '请补充抽检批次数' });
    expect((await s.reviewer!.request('GET', `/api/v1/disclosure/manage/articles/${id}`)).json()).toMatchObject({ status: 'draft', reviewNote: '请补充抽检批次数' });

    expect((await put('reviewer', `/api/v1/disclosure/manage/articles/${id}`, article({ body: `${article().body}全年计划抽检 1200 批次。`, attachments: [file] }))).statusCode).toBe(200);
    const second = (await s.reviewer!.request('POST', `/api/v1/disclosure/manage/articles/${id}/submit`)).json();
    expect((await act('leader', second.instanceId, 'approve')).json()).toEqual({ state: 'published', status: 'ended' });

    const pub = (await app.inject({ method: 'GET', url: `/api/v1/disclosure/articles/${id}` })).json();
    expect(pub).toMatchObject({ status: 'published', org: '区市场监管局', category: { code: 'policy', name: { zh: '政策文件' } }, files: [{ name: '抽检计划.pdf' }] });
    expect(pub.body).toContain('1200 批次');
    const download = await app.inject({ method: 'GET', url: `/api/v1/disclosure/articles/${id}/files/${file}` });
    expect([download.statusCode, download.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect((await publicList('?q=' + encodeURIComponent('抽检'))).map((a) => a.id)).toContain(id);
    expect((await publicList('?q=' + encodeURIComponent('安全监督'))).map((a) => a.id)).toContain(id);
    expect((await publicList('?q=' + encodeURIComponent('拆迁补偿'))).map((a) => a.id)).not.toContain(id);
    expect((await publicList('?category=policy')).map((a) => a.id)).toContain(id);
    expect((await publicList('?category=budget')).map((a) => a.id)).not.toContain(id);

    expect((await s.reviewer!.request('POST', `/api/v1/disclosure/manage/articles/${id}/withdraw`, { reason: '方案调整' })).statusCode).toBe(403);
    expect((await s.leader!.request('POST', `/api/v1/disclosure/manage/articles/${id}/withdraw`, { reason: ' ' })).json().code).toBe('DISCLOSURE_BLANK');
    expect((await s.leader!.request('POST', `/api/v1/disclosure/manage/articles/${id}/withdraw`, { reason: '方案已调整，另行发布' })).statusCode).toBe(200);
    expect((await publicList()).map((a) => a.id)).not.toContain(id);
    expect((await app.inject({ method: 'GET', url: `/api/v1/disclosure/articles/${id}` })).statusCode).toBe(404);
    expect((await s.reviewer!.request('GET', `/api/v1/disclosure/manage/articles/${id}`)).json()).toMatchObject({ status: 'withdrawn', withdrawReason: '方案已调整，另行发布' });
    expect((await s.leader!.request('POST', `/api/v1/disclosure/manage/articles/${id}/withdraw`, { reason: '再撤' })).json().code).toBe('DISCLOSURE_CANNOT_WITHDRAW');
    const audit = await sql<{ action: string }>`SELECT action FROM audit_pending WHERE object_id = ${id} UNION ALL SELECT action FROM audit_log WHERE object_id = ${id}`.execute(t.database.db);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['disclosure.article.create', 'disclosure.article.update', 'disclosure.article.withdraw']));
  });
});

describe('依申请公开: a request answered within 20 working days', () => {
  const ask = (who: string, body: object = {}) => s[who]!.request('POST', '/api/v1/disclosure/requests', { org: org['区市场监管局'], description: '2025 年永川区餐饮服务单位食品抽检不合格名单', purpose: '了解居住地周边餐饮安全状况', delivery: 'online', ...body });

  it('refuses staff applicants, an unknown agency and a delivery without an address', async () => {
    const before = await count('disclosure_request');
    expect((await ask('clerk')).json().code).toBe('DISCLOSURE_STAFF_APPLY');
    expect((await ask('citizen', { org: '00000000-0000-7000-8000-000000000099' })).json().code).toBe('DISCLOSURE_UNKNOWN_ORG');
    expect((await ask('citizen', { delivery: 'email' })).json()).toMatchObject({ code: 'DISCLOSURE_BLANK', errors: [{ field: '/body/contact' }] });
    expect((await ask('citizen', { delivery: 'fax' })).statusCode).toBe(400);
    expect(await count('disclosure_request')).toBe(before);
  });

  it('goes to the agency with a 20-working-day limit; 补正 stops the clock; a refusal needs its legal reason; the applicant reads the answer', async () => {
    const r = await ask('citizen');
    expect(r.statusCode).toBe(201);
    const { id, requestNo, instanceId } = r.json();
    expect(requestNo).toMatch(/^GK\d{13}$/);
    const d = (await s.reviewer!.request('GET', `/api/v1/disclosure/requests/${id}`)).json();
    // 20 working days are at least 26 calendar days (four weekends), at most a holiday season more
    const days = (new Date(d.dueAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(25);
    expect(days).toBeLessThan(45);
    expect((await s.reviewer!.request('GET', '/api/v1/disclosure/requests')).json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await s.cgreviewer!.request('GET', `/api/v1/disclosure/requests/${id}`)).statusCode).toBe(404);
    expect((await act('cgreviewer', instanceId, 'answer', { fields: { answerType: 'disclose', answer: '见附件' } })).statusCode).toBe(403);

    await act('reviewer', instanceId, 'clarify', { comment: '请说明所需名单的具体时间范围' });
    expect((await s.citizen!.request('GET', `/api/v1/disclosure/requests/${id}`)).json()).toMatchObject({ status: 'clarifying', dueAt: null });
    expect((await act('citizen', instanceId, 'clarified', { comment: '2025 年全年' })).json().state).toBe('received');

    const answer = (fields: object) => act('reviewer', instanceId, 'answer', { fields });
    expect((await answer({ answerType: 'maybe', answer: '经审查，予以公开。' })).json().code).toBe('DISCLOSURE_BAD_ANSWER_TYPE');
    expect((await answer({ answerType: 'refuse', answer: '经审查，不予公开。' })).json().code).toBe('DISCLOSURE_REASON_REQUIRED');
    expect((await answer({ answerType: 'partial' })).json().code).toBe('WF_FIELDS_REQUIRED');
    expect((await s.reviewer!.request('GET', `/api/v1/disclosure/requests/${id}`)).json().status).toBe('received');
    const ok = await answer({ answerType: 'partial', answer: '不合格名单予以公开（见附件）；涉及个人信息的部分不予公开。', legalBasis: '《政府信息公开条例》第十五条' });
    expect(ok.json()).toEqual({ state: 'answered', status: 'ended' });
    const mine = (await s.citizen!.request('GET', '/api/v1/disclosure/requests/mine')).json().items.find((i: { id: string }) => i.id === id);
    expect(mine).toMatchObject({ status: 'answered', answerType: 'partial', answerName: { zh: '部分公开' } });
    expect((await s.citizen!.request('GET', `/api/v1/disclosure/requests/${id}`)).json()).toMatchObject({ legalBasis: '《政府信息公开条例》第十五条', answer: expect.stringContaining('不合格名单') });
  });

  it('an extension of 20 working days approved by a leader moves the due time', async () => {
    const { id, instanceId } = (await ask('enterprise', { description: '2026 年度抽检计划', delivery: 'email', contact: 'office@example.cn' })).json();
    const before = (await s.reviewer!.request('GET', `/api/v1/disclosure/requests/${id}`)).json();
    expect(before).toMatchObject({ applicantKind: 'enterprise', contact: 'office@example.cn' });
    const stepId = (await s.reviewer!.request('GET', `/api/v1/workflow/instances/${instanceId}`)).json().step.id;
    const ext = await s.reviewer!.request('POST', `/api/v1/workflow/steps/${stepId}/extension`, { workingDays: 20, reason: '需征求第三方意见（条例第三十二条）' });
    expect(ext.statusCode).toBe(201);
    await act('leader', ext.json().approvalInstanceId, 'approve', { comment: '同意延期 20 个工作日' });
    const after = (await s.reviewer!.request('GET', `/api/v1/disclosure/requests/${id}`)).json();
    expect((new Date(after.dueAt).getTime() - new Date(before.dueAt).getTime()) / 86_400_000).toBeGreaterThan(25);
  });
});
