import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../../test/helpers/actors';
import { buildTestApp, testKernel } from '../../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../../test/helpers/db';
import { idNumberCheckCharacter } from '../../../../shared/validators';
import type { Actor } from '../../../kernel/access';
import type { Kernel } from '../../../kernel/module';
import { demoCitizen } from '../../../kernel/identity/seed';
import { certificatesHeldBy } from './held';
import { issueCertificate, type CertificateToIssue } from './issue';
import { infoDict } from './pdf/render';
import { seededTypeCode } from './types';

let t: TestDatabase;
let app: FastifyInstance;
let kernel: Kernel;
const actors = new Map<string, Actor>();
const org: Record<string, string> = {};
const food = seededTypeCode('食品经营许可证')!;

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { resolveActor: async (request) => actors.get(String(request.headers['x-test-actor'])) ?? null });
  kernel = await testKernel(t.database);
  for (const o of (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>) org[o.name] = o.id;
  const accounts = new Map((await sql<{ id: string; username: string }>`SELECT id, username FROM account`.execute(t.database.db)).rows.map((a) => [a.username, a.id]));
  const cert = ['services:certificate.issue', 'services:certificate.revoke', 'services:certificate.read'];
  actors.set('market', buildActor({ accountId: accounts.get('reviewer')!, orgId: org['区市场监管局']!, permissions: cert, scope: 'own', anchorOrgId: org['区市场监管局']! }));
  actors.set('builder', buildActor({ accountId: accounts.get('jwhandler')!, orgId: org['区住房城乡建委']!, permissions: cert, scope: 'own', anchorOrgId: org['区住房城乡建委']! }));
  actors.set('citizen', buildActor({ accountId: accounts.get('citizen')!, kind: 'citizen', displayName: demoCitizen.realName }));
  actors.set('enterprise', buildActor({ accountId: accounts.get('enterprise')!, kind: 'enterprise' }));
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const as = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: who ? { 'x-test-actor': who } : {}, ...(payload ? { payload } : {}) });

const toIssue = (over: Partial<CertificateToIssue> = {}): CertificateToIssue => ({
  typeCode: food,
  typeName: '食品经营许可证',
  holderName: demoCitizen.realName,
  holderId: demoCitizen.idNumber,
  holderKind: 'person',
  issuerOrgId: org['区市场监管局']!,
  data: { 经营者名称: '张永川小吃店', 经营场所: '重庆市永川区中山路街道人民大道 88 号', 主体业态: '小餐饮', 经营项目: '热食类食品制售' },
  validFrom: '2026-11-26',
  validUntil: '2031-11-25',
  applicationId: null,
  ...over,
});
const issue = (over: Partial<CertificateToIssue> = {}) => t.database.db.transaction().execute((tx) => issueCertificate(kernel, tx as never, toIssue(over)));
const codeOf = async (id: string) => (await sql<{ verify_code: string }>`SELECT verify_code FROM certificate WHERE id = ${id}`.execute(t.database.db)).rows[0]!.verify_code;
const verify = (number: string, code: string) => as(null, 'GET', `/api/v1/certificates/verify?number=${encodeURIComponent(number)}&code=${code}`);
const upload = (bytes: Uint8Array, type = 'application/pdf') => app.inject({ method: 'POST', url: '/api/v1/certificates/verify-file', headers: { 'content-type': type }, payload: Buffer.from(bytes) });

describe('issuing', () => {
  it('numbers per type and year, stores the holder encrypted with a blind index, signs with the issuer’s SM2 key', async () => {
    const a = await issue();
    const b = await issue();
    expect(a.number).toMatch(/^JY15001182026\d{6}$/);
    expect(Number(b.number.slice(-6))).toBe(Number(a.number.slice(-6)) + 1);
    const row = (await sql<{ holder_id: string; holder_name: string; signature: string; public_key: string }>`SELECT holder_id, holder_name, signature, public_key FROM certificate WHERE id = ${a.id}`.execute(t.database.db)).rows[0]!;
    expect(row.holder_id).not.toContain(demoCitizen.idNumber);
    expect(row.holder_name).not.toContain('张');
    expect(row.signature).toMatch(/^30[0-9a-f]+$/);
    const key = (await sql<{ public_key: string; private_key: string }>`SELECT public_key, private_key FROM certificate_signing_key WHERE org_id = ${org['区市场监管局']!}`.execute(t.database.db)).rows[0]!;
    expect(key.public_key).toBe(row.public_key);
    expect(key.private_key).toMatch(/^v1\./); // field-encrypted, never plain hex
    expect((await certificatesHeldBy(t.database.db, demoCitizen.idNumber.toLowerCase())).map((c) => c.number)).toEqual(expect.arrayContaining([a.number, b.number]));
  });

  it('refuses bad input and writes nothing', async () => {
    const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM certificate`.execute(t.database.db)).rows[0]!.n;
    const wrongId = demoCitizen.idNumber.slice(0, 17) + (idNumberCheckCharacter(demoCitizen.idNumber.slice(0, 17)) === '0' ? '1' : '0');
    await expect(issue({ holderId: wrongId, validUntil: '2020-01-01' })).rejects.toMatchObject({ code: 'CERT_INVALID_ISSUE', errors: [{ field: '/holderId' }, { field: '/validUntil' }] });
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM certificate`.execute(t.database.db)).rows[0]!.n).toBe(before);
  });

  it('lets a department issue its own types only', async () => {
    const body = { typeCode: food, holderName: '重庆永川茶竹科技有限公司', holderId: '91500118MA5U0000XX', holderKind: 'legal', data: { 经营场所: '永川区' }, validFrom: '2026-11-26' };
    const ok = await as('market', 'POST', '/api/v1/certificates', { ...body, holderId: await enterpriseCode() });
    expect(ok.statusCode, ok.body).toBe(201);
    const legal = (await verify(ok.json().number, await codeOf(ok.json().id))).json();
    expect(legal).toMatchObject({ holder: '重庆永川茶竹科技有限公司', validUntil: '2031-11-25', status: 'valid', signatureValid: true });
    expect((await as('builder', 'POST', '/api/v1/certificates', { ...body, holderId: await enterpriseCode() })).statusCode).toBe(403);
    const bad = await as('market', 'POST', '/api/v1/certificates', body);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('/body/holderId');
  });
});

const enterpriseCode = async () => (await sql<{ credit_code: string }>`SELECT credit_code FROM enterprise_profile`.execute(t.database.db)).rows[0]!.credit_code;

describe('public verification', () => {
  it('needs the code: a known number with a wrong code and an unknown number answer alike', async () => {
    const { id, number } = await issue();
    const ok = await verify(number, await codeOf(id));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ signatureValid: true, status: 'valid', number, typeName: '食品经营许可证', holder: '张**', holderId: '500118********' + demoCitizen.idNumber.slice(-4), issuerName: '区市场监管局' });
    expect(ok.json().data['经营场所']).not.toBe('重庆市永川区中山路街道人民大道 88 号');
    const wrong = await verify(number, 'ABCDEFGHJK');
    const unknown = await verify('JY15001182026999999', 'ABCDEFGHJK');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(wrong.json().code).toBe('CERT_NOT_VERIFIED');
    expect(unknown.json().code).toBe('CERT_NOT_VERIFIED');
  });

  it('says the signature fails when the record was altered behind the platform’s back', async () => {
    const { id, number } = await issue();
    await sql`UPDATE certificate SET data = jsonb_set(data, '{经营项目}', '"热食类、冷食类食品制售"') WHERE id = ${id}`.execute(t.database.db);
    expect((await verify(number, await codeOf(id))).json()).toMatchObject({ signatureValid: false, status: 'valid' });
    const other = await issue();
    await sql`UPDATE certificate SET valid_until = '2099-12-31' WHERE id = ${other.id}`.execute(t.database.db);
    expect((await verify(other.number, await codeOf(other.id))).json().signatureValid).toBe(false);
  });

  it('shows revoked and expired certificates as such', async () => {
    const { id, number } = await issue();
    expect((await as('builder', 'POST', `/api/v1/certificates/${id}/revoke`, { reason: '越权注销' })).statusCode).toBe(403);
    const denied = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_pending WHERE action = 'services.certificate.revoke' AND result = 'denied' AND object_id = ${id}`.execute(t.database.db);
    expect(denied.rows[0]!.n).toBe(1);
    expect((await as('market', 'POST', `/api/v1/certificates/${id}/revoke`, { reason: '申请人申请注销' })).statusCode).toBe(200);
    expect((await as('market', 'POST', `/api/v1/certificates/${id}/revoke`, { reason: '再次注销' })).json().code).toBe('CERT_ALREADY_REVOKED');
    expect((await verify(number, await codeOf(id))).json()).toMatchObject({ status: 'revoked', signatureValid: true, revokeReason: '申请人申请注销' });
    const old = await issue({ validFrom: '2019-01-01', validUntil: '2023-12-31' });
    expect((await verify(old.number, await codeOf(old.id))).json()).toMatchObject({ status: 'expired', signatureValid: true });
    const held = await certificatesHeldBy(t.database.db, demoCitizen.idNumber);
    expect(held.find((c) => c.id === id)?.status).toBe('revoked');
    expect(held.find((c) => c.id === old.id)?.status).toBe('expired');
  });
});

describe('the holder’s PDF', () => {
  it('is listed in my certificates, downloads the same PDF every time, and an upload of it is authentic', async () => {
    const { id, number } = await issue();
    const mine = (await as('citizen', 'GET', '/api/v1/certificates/mine')).json().items as Array<{ id: string }>;
    expect(mine.map((c) => c.id)).toContain(id);
    expect((await as('enterprise', 'GET', `/api/v1/certificates/mine/${id}`)).statusCode).toBe(404);
    const detail = (await as('citizen', 'GET', `/api/v1/certificates/mine/${id}`)).json();
    expect(detail.verifyCode).toBe(await codeOf(id));
    const first = await as('citizen', 'GET', `/api/v1/certificates/mine/${id}/pdf`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await as('citizen', 'GET', `/api/v1/certificates/mine/${id}/pdf`)).rawPayload.equals(first.rawPayload)).toBe(true);
    expect((await as('enterprise', 'GET', `/api/v1/certificates/mine/${id}/pdf`)).statusCode).toBe(404);

    const doc = await PDFDocument.load(first.rawPayload);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe(`食品经营许可证 ${number}`);
    const verdict = (await upload(first.rawPayload)).json();
    expect(verdict).toMatchObject({ result: 'authentic', problems: [], certificate: { number, signatureValid: true, status: 'valid' } });
  });

  it('an altered PDF or altered embedded data is tampered; other files are unknown or refused', async () => {
    const { id } = await issue();
    const pdf = (await as('citizen', 'GET', `/api/v1/certificates/mine/${id}/pdf`)).rawPayload;
    // the page drawn over (e.g. a validity date painted out), the embedded data left alone
    const painted = await PDFDocument.load(pdf);
    painted.getPage(0).drawRectangle({ x: 190, y: 300, width: 200, height: 20 });
    expect((await upload(await painted.save())).json()).toMatchObject({ result: 'tampered', problems: ['file'] });
    // bytes appended after the end (an incremental update)
    expect((await upload(Buffer.concat([pdf, Buffer.from('\n% edited\n')]))).json()).toMatchObject({ result: 'tampered', problems: ['file'] });
    // a new revision with the embedded data changed (the classic edit of a PDF)
    const doc = await PDFDocument.load(pdf);
    const content = infoDict(doc).lookup(PDFName.of('YcCertificate'), PDFHexString).decodeText();
    infoDict(doc).set(PDFName.of('YcCertificate'), PDFHexString.fromText(content.replace('小餐饮', '餐饮服务经营者')));
    const edited = await upload(await doc.save());
    expect(edited.json()).toMatchObject({ result: 'tampered' });
    expect(edited.json().problems).toEqual(expect.arrayContaining(['content', 'signature', 'file']));
    // a PDF of something else, and a file that only claims to be a PDF
    const blank = await PDFDocument.create();
    blank.addPage();
    expect((await upload(await blank.save())).json()).toMatchObject({ result: 'unknown', certificate: null });
    const fake = await upload(Buffer.from('GIF89a not a pdf at all'));
    expect(fake.statusCode).toBe(422);
    expect(fake.json().code).toBe('CERT_NOT_PDF');
  });
});
