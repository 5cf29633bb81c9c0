import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCitizen } from '../../../kernel/identity/seed';
import { minimalPdf } from '../../../kernel/files/test-samples';
import { deemedAcceptanceJob } from './hook';
import { act, applyFood, foodAnswers, foodMaterials, foodNew, post, selfEmployed, startKit, upload, type Kit } from './test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit.close());

const db = () => kit.t.database.db;
const detail = async (id: string) => (await kit.as.citizen.request('GET', `/api/v1/services/applications/${id}`)).json();
const notices = async (username: string) =>
  (await sql<{ title_zh: string }>`SELECT n.title_zh FROM notification n JOIN account a ON a.id = n.account_id WHERE a.username = ${username} ORDER BY n.created_at`.execute(db())).rows.map((r) => r.title_zh);

describe('the approval process (行政许可法)', () => {
  it('补正 stops the clock, is one notice, and the corrected application is accepted and approved with a certificate', async () => {
    const applied = (await applyFood(kit, 'flow-key-0001')).json();
    const { id, instanceId } = applied;
    expect(applied.current).toMatchObject({ state: 'submitted', paused: false });
    expect(applied.current.dueAt).not.toBeNull();
    // a reviewer of another department may not act on it; the window clerk may (一窗受理)
    expect((await act(kit.as.cgreviewer, instanceId, 'accept')).statusCode).toBe(403);
    expect((await kit.as.cgreviewer.request('GET', `/api/v1/services/applications/${id}`)).statusCode).toBe(404);
    const ask = await act(kit.as.clerk, instanceId, 'request_correction', { fields: { corrections: '材料4 设备布局图缺少比例尺\n与食品经营相适应的主要设备设施、经营布局、操作流程等文件 需加盖公章' } });
    expect(ask.statusCode).toBe(200);
    const waiting = await detail(id);
    expect(waiting.status).toBe('correcting');
    expect(waiting.corrections).toEqual([{ material: 4, note: '材料4 设备布局图缺少比例尺' }, { material: 4, note: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件 需加盖公章' }]);
    expect(waiting.current).toMatchObject({ state: 'correcting', paused: true, dueAt: null });
    // only the applicant corrects; the file must be a document
    const again = (await upload(kit.app, kit.as.citizen, minimalPdf(), 'application/pdf', '布局图（补正）.pdf')).json().id as string;
    expect((await post(kit.app, kit.as.enterprise, `/api/v1/services/applications/${id}/resubmit`, { materials: [{ seq: 4, fileId: again }] })).statusCode).toBe(404);
    const resubmitted = await post(kit.app, kit.as.citizen, `/api/v1/services/applications/${id}/resubmit`, { materials: [{ seq: 4, fileId: again }] });
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json().status).toBe('submitted');
    expect(resubmitted.json().materials[3].files.map((f: { round: number }) => f.round)).toEqual([1, 2]);
    // the single notice was given: a second one is refused and nothing changes
    const second = await act(kit.as.clerk, instanceId, 'request_correction', { fields: { corrections: '再补一份' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('SERVICES_CORRECTION_ALREADY_NOTIFIED');
    expect((await detail(id)).status).toBe('submitted');
    // a promised item is not decided at acceptance
    expect((await act(kit.as.reviewer, instanceId, 'approve')).json().code).toBe('SERVICES_NOT_INSTANT');
    expect((await act(kit.as.clerk, instanceId, 'accept')).statusCode).toBe(200);
    const reviewing = await detail(id);
    expect(reviewing.status).toBe('reviewing');
    expect(reviewing.current.dueAt).not.toBeNull();
    // the back office decides: not the window, not another department
    expect((await act(kit.as.clerk, instanceId, 'approve')).statusCode).toBe(403);
    expect((await act(kit.as.cgreviewer, instanceId, 'approve')).statusCode).toBe(403);
    const approved = await act(kit.as.reviewer, instanceId, 'approve', { comment: '符合许可条件' });
    expect(approved.statusCode).toBe(200);
    const done = await detail(id);
    expect(done.status).toBe('approved');
    expect(done.certificate?.number).toBeTruthy();
    expect((await act(kit.as.clerk, instanceId, 'deliver')).statusCode).toBe(200);
    const delivered = await detail(id);
    expect(delivered.status).toBe('delivered');
    expect(delivered.timeline.map((e: { action: string }) => e.action)).toEqual(['start', 'request_correction', 'resubmit', 'accept', 'approve', 'deliver']);
    // the applicant heard of every step
    const heard = (await notices('citizen')).filter((n) => n.startsWith('食品经营许可'));
    expect(heard.length).toBeGreaterThanOrEqual(6);
  });

  it('a refusal carries its reasons and the rights to review and litigation', async () => {
    const { id, instanceId } = (await applyFood(kit, 'deny-key-0001')).json();
    await act(kit.as.reviewer, instanceId, 'accept');
    expect((await act(kit.as.reviewer, instanceId, 'deny', {})).statusCode).toBe(400);
    expect((await act(kit.as.reviewer, instanceId, 'deny', { comment: '经营场所与有毒有害场所距离不足' })).statusCode).toBe(200);
    const d = await detail(id);
    expect(d).toMatchObject({ status: 'denied', decisionReason: '经营场所与有毒有害场所距离不足', certificate: null });
    expect(d.rights).toContain('行政复议');
    expect(d.rights).toContain('行政诉讼');
  });

  it('is deemed accepted when no acceptance decision comes within 5 working days: once, by one server copy', async () => {
    const { id } = (await applyFood(kit, 'deem-key-0001')).json();
    const job = await sql<{ run_at: Date }>`SELECT run_at FROM job WHERE name = ${deemedAcceptanceJob} AND payload->>'applicationId' = ${id}`.execute(db());
    expect(job.rows).toHaveLength(1);
    expect(job.rows[0]!.run_at.getTime()).toBeGreaterThan(Date.now() + 4 * 24 * 3600_000);
    // time passes: the job falls due; two copies run their jobs
    await sql`UPDATE job SET run_at = now() WHERE name = ${deemedAcceptanceJob} AND payload->>'applicationId' = ${id}`.execute(db());
    const other = kit.kernel;
    for (let i = 0; i < 3; i += 1) await Promise.all([other.jobs.runOnce(), other.jobs.runOnce()]);
    const d = await detail(id);
    expect(d).toMatchObject({ status: 'reviewing', deemedAccepted: true });
    expect(d.timeline.filter((e: { action: string }) => e.action === 'deemed_accept')).toHaveLength(1);
  });

  it('a deemed acceptance planned before a correction notice does nothing', async () => {
    const { id, instanceId } = (await applyFood(kit, 'deem-key-0002')).json();
    await act(kit.as.reviewer, instanceId, 'request_correction', { fields: { corrections: '材料2 营业执照复印件不清晰' } });
    await sql`UPDATE job SET run_at = now() WHERE name = ${deemedAcceptanceJob} AND payload->>'applicationId' = ${id}`.execute(db());
    while ((await kit.kernel.jobs.runOnce()) > 0);
    expect((await detail(id)).status).toBe('correcting');
  });

  it('an instant item (即办件) is accepted and decided at once by the window clerk', async () => {
    const materials = [];
    const guide = (await kit.as.citizen.request('GET', `/api/v1/services/items/${selfEmployed}`)).json();
    for (const [i, m] of (guide.materials as Array<{ required: boolean }>).entries()) {
      if (m.required) materials.push({ seq: i + 1, fileId: (await upload(kit.app, kit.as.citizen, minimalPdf(), 'application/pdf', `m${i}.pdf`)).json().id as string });
    }
    const answers = { name: '永川区小张面馆', operator: '张永川', operatorId: demoCitizen.idNumber, form: '个人经营', premises: '永川区人民大道 88 号', scope: '餐饮服务' };
    const res = await post(kit.app, kit.as.citizen, '/api/v1/services/applications/submissions', { itemCode: selfEmployed, answers, materials }, { 'idempotency-key': 'instant-key-01' });
    expect(res.statusCode).toBe(201);
    expect((await act(kit.as.clerk, res.json().instanceId, 'approve')).statusCode).toBe(200);
    const d = await detail(res.json().id);
    expect(d.status).toBe('approved');
    expect(d.acceptedAt).not.toBeNull();
    expect(d.certificate).not.toBeNull();
  });

  it('the decision limit may be extended once, by at most 10 working days', async () => {
    const { instanceId } = (await applyFood(kit, 'ext-key-0001')).json();
    await act(kit.as.reviewer, instanceId, 'accept');
    const step = (await sql<{ id: string }>`SELECT id FROM wf_step WHERE instance_id = ${instanceId} AND left_at IS NULL`.execute(db())).rows[0]!.id;
    const ask = (days: number) => kit.as.reviewer.request('POST', `/api/v1/workflow/steps/${step}/extension`, { workingDays: days, reason: '需要现场核查' });
    const tooLong = await ask(15);
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.json().code).toBe('SERVICES_EXTENSION_NOT_ALLOWED');
    expect((await ask(10)).statusCode).toBeLessThan(300);
    const approval = (await sql<{ approval_instance_id: string }>`SELECT approval_instance_id FROM wf_extension WHERE step_id = ${step}`.execute(db())).rows[0]!.approval_instance_id;
    expect((await act(kit.as.leader, approval, 'approve')).statusCode).toBe(200);
    const twice = await ask(5);
    expect(twice.json().code).toBe('SERVICES_EXTENSION_NOT_ALLOWED');
  });
});

describe('one window (一窗受理) and the progress query', () => {
  it('a clerk enters a counter application for a citizen who came in person; the citizen sees it too', async () => {
    const materials = await foodMaterials(kit.app, kit.as.clerk);
    const body = (id: string) => ({ itemCode: foodNew, applicant: { kind: 'person', name: '张永川', id, phone: '13800238123' }, answers: foodAnswers, materials });
    const bad = await post(kit.app, kit.as.clerk, '/api/v1/services/applications/counter', body('500118199003071231'), { 'idempotency-key': 'counter-key-01' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('/body/applicant/id');
    expect((await post(kit.app, kit.as.citizen, '/api/v1/services/applications/counter', body(demoCitizen.idNumber), { 'idempotency-key': 'counter-key-02' })).statusCode).toBe(403);
    const res = await post(kit.app, kit.as.clerk, '/api/v1/services/applications/counter', body(demoCitizen.idNumber), { 'idempotency-key': 'counter-key-03' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'counter', status: 'submitted', department: { name: '区市场监管局' } });
    expect(res.json().applicant.id).toMatch(/^500118\*+\d{3}[\dX]$/);
    expect((await act(kit.as.clerk, res.json().instanceId, 'accept')).statusCode).toBe(200);
    // the back office finds it in its inbox; the citizen in "my applications"
    const inbox = (await kit.as.reviewer.request('GET', '/api/v1/inbox')).json().items as Array<{ instanceId: string }>;
    expect(inbox.some((i) => i.instanceId === res.json().instanceId)).toBe(true);
    const mine = (await kit.as.citizen.request('GET', '/api/v1/services/applications/mine')).json().items as Array<{ id: string }>;
    expect(mine.some((m) => m.id === res.json().id)).toBe(true);
  });

  it('progress by number + ID number or phone; a wrong pair is just "not found"; the 11th query a minute is 429', async () => {
    const { businessNo } = (await applyFood(kit, 'progress-key-1')).json();
    const query = (no: string, idOrPhone: string, ip = '10.9.8.7') => kit.app.inject({ method: 'GET', url: `/api/v1/services/progress?businessNo=${no}&idOrPhone=${idOrPhone}`, remoteAddress: ip });
    const ok = await query(businessNo, demoCitizen.idNumber);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ businessNo, status: 'submitted', current: { label: { zh: '待受理' } } });
    expect(ok.json().applicantId).not.toContain(demoCitizen.idNumber.slice(6, 14));
    expect(JSON.stringify(ok.json())).not.toContain('李窗口');
    expect((await query(businessNo, demoCitizen.phone)).statusCode).toBe(200);
    const wrong = await query(businessNo, '11010519491231002X');
    const unknown = await query('SP2026010100001', demoCitizen.idNumber);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe(unknown.json().code);
    expect(wrong.json().message).toEqual(unknown.json().message);
    for (let i = 0; i < 6; i += 1) await query(businessNo, '11010519491231002X');
    const limited = await query(businessNo, demoCitizen.idNumber);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // another client is not held back
    expect((await query(businessNo, demoCitizen.idNumber, '10.9.8.8')).statusCode).toBe(200);
  });
});
