import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFood, foodAnswers, foodMaterials, foodNew, post, startKit, upload, type Kit } from './test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit.close());

const applications = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM service_application`.execute(kit.t.database.db)).rows[0]!.n;

describe('online submission', () => {
  it('refuses a submission missing required materials, naming every one, and creates nothing', async () => {
    const before = await applications();
    const materials = await foodMaterials(kit.app, kit.as.citizen, [2, 4]);
    const res = await post(kit.app, kit.as.citizen, '/api/v1/services/applications/submissions', { itemCode: foodNew, answers: foodAnswers, materials }, { 'idempotency-key': 'missing-0001' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SERVICES_MISSING_MATERIALS');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/materials/3', '/body/materials/5']);
    expect(await applications()).toBe(before);
  });

  it('refuses a file that claims to be a PDF but is not, and a material that is not a document or image', async () => {
    const fake = await upload(kit.app, kit.as.citizen, Buffer.from('这不是 PDF，只是文字'), 'application/pdf', '营业执照.pdf');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('FILE_TYPE_MISMATCH');
    const text = (await upload(kit.app, kit.as.citizen, Buffer.from('说明文字'), 'text/plain', '说明.txt')).json().id as string;
    const materials = [...(await foodMaterials(kit.app, kit.as.citizen, [2, 3, 4])), { seq: 5, fileId: text }];
    const res = await post(kit.app, kit.as.citizen, '/api/v1/services/applications/submissions', { itemCode: foodNew, answers: foodAnswers, materials }, { 'idempotency-key': 'text-00001' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SERVICES_BAD_MATERIAL');
  });

  it('checks the form: ID-number check digit, options, required fields — all at once', async () => {
    const materials = await foodMaterials(kit.app, kit.as.citizen);
    const answers = { ...foodAnswers, managerId: '110105194912310021', format: '网吧', scope: '' };
    const res = await post(kit.app, kit.as.citizen, '/api/v1/services/applications/submissions', { itemCode: foodNew, answers, materials }, { 'idempotency-key': 'form-00001' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual(['/body/answers/format:option', '/body/answers/managerId:id-number', '/body/answers/scope:required']);
  });

  it('refuses an item that is not open online (422) and one that is not published', async () => {
    const offline = (await sql<{ code: string }>`SELECT code FROM service_item WHERE status = 'published' AND NOT online ORDER BY code LIMIT 1`.execute(kit.t.database.db)).rows[0]!.code;
    const res = await post(kit.app, kit.as.citizen, '/api/v1/services/applications', { itemCode: offline });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SERVICES_ITEM_NOT_ONLINE');
    expect((await post(kit.app, kit.as.citizen, '/api/v1/services/applications', { itemCode: '109999900000' })).json().code).toBe('SERVICES_ITEM_NOT_PUBLISHED');
  });

  it('staff cannot apply online; submission needs an Idempotency-Key', async () => {
    expect((await post(kit.app, kit.as.clerk, '/api/v1/services/applications', { itemCode: foodNew })).json().code).toBe('SERVICES_APPLICANT_ACCOUNT_NEEDED');
    const materials = await foodMaterials(kit.app, kit.as.citizen);
    const res = await post(kit.app, kit.as.citizen, '/api/v1/services/applications/submissions', { itemCode: foodNew, answers: foodAnswers, materials });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('SERVICES_IDEMPOTENCY_KEY_REQUIRED');
  });

  it('a retried submission with the same Idempotency-Key is the same application, even when the two race', async () => {
    const before = await applications();
    const [a, b] = await Promise.all([applyFood(kit, 'retry-key-0001'), applyFood(kit, 'retry-key-0001')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(a.json().businessNo).toBe(b.json().businessNo);
    expect(a.json().businessNo).toMatch(/^SP\d{8}\d{5}$/);
    const again = await applyFood(kit, 'retry-key-0001');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(a.json().id);
    expect(await applications()).toBe(before + 1);
  });

  it('ID numbers and phones in the form are stored encrypted: whole for the applicant, masked for staff', async () => {
    const { id } = (await applyFood(kit, 'sealed-key-001')).json();
    const stored = (await sql<{ answers: string }>`SELECT answers::text FROM service_application WHERE id = ${id}`.execute(kit.t.database.db)).rows[0]!.answers;
    expect(stored).not.toContain(foodAnswers.managerId);
    expect(stored).not.toContain(foodAnswers.contactPhone);
    expect(stored).toContain(foodAnswers.operatorName);
    expect((await kit.as.citizen.request('GET', `/api/v1/services/applications/${id}`)).json().answers.managerId).toBe(foodAnswers.managerId);
    const staff = (await kit.as.reviewer.request('GET', `/api/v1/services/applications/${id}`)).json();
    expect(staff.answers.managerId).toBe('110105********002X');
    expect(staff.answers.contactPhone).toBe('138****8123');
  });

  it('business numbers are distinct under concurrency (daily sequence)', async () => {
    const results = await Promise.all(['seq-key-0001', 'seq-key-0002', 'seq-key-0003', 'seq-key-0004'].map((k) => applyFood(kit, k)));
    const numbers = results.map((r) => r.json().businessNo as string);
    expect(new Set(numbers).size).toBe(4);
    for (const n of numbers) expect(n.slice(0, 10)).toBe(numbers[0]!.slice(0, 10));
  });

  it('a draft is saved, updated and submitted; the submit is idempotent and a submitted draft no longer changes', async () => {
    const draft = await post(kit.app, kit.as.citizen, '/api/v1/services/applications', { itemCode: foodNew, answers: { operatorName: '草稿面馆' } });
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id as string;
    expect(draft.json()).toMatchObject({ status: 'draft', businessNo: null });
    // a draft holds bad answers no more than a submission
    const bad = await kit.app.inject({ method: 'PUT', url: `/api/v1/services/applications/${id}`, headers: { cookie: kit.as.citizen.cookie, 'x-csrf-token': kit.as.citizen.csrf }, payload: { answers: { managerId: '123' } } });
    expect(bad.statusCode).toBe(422);
    const materials = await foodMaterials(kit.app, kit.as.citizen);
    const put = await kit.app.inject({ method: 'PUT', url: `/api/v1/services/applications/${id}`, headers: { cookie: kit.as.citizen.cookie, 'x-csrf-token': kit.as.citizen.csrf }, payload: { answers: foodAnswers, materials } });
    expect(put.statusCode).toBe(200);
    expect(put.json().materials.filter((m: { coverage: string }) => m.coverage === 'missing')).toEqual([]);
    const submit = () => post(kit.app, kit.as.citizen, `/api/v1/services/applications/${id}/submit`, {}, { 'idempotency-key': 'draft-key-001' });
    const first = await submit();
    expect(first.statusCode).toBe(201);
    expect(first.json().status).toBe('submitted');
    const second = await submit();
    expect(second.statusCode).toBe(200);
    expect(second.json().businessNo).toBe(first.json().businessNo);
    expect((await post(kit.app, kit.as.citizen, `/api/v1/services/applications/${id}/submit`, {}, { 'idempotency-key': 'another-key-01' })).statusCode).toBe(409);
    // another applicant cannot see it
    expect((await kit.as.enterprise.request('GET', `/api/v1/services/applications/${id}`)).statusCode).toBe(404);
    const mine = (await kit.as.citizen.request('GET', '/api/v1/services/applications/mine')).json().items as Array<{ id: string }>;
    expect(mine.some((m) => m.id === id)).toBe(true);
  });
});
