import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp, testKernel } from '../../../../test/helpers/app';
import { chainAudit } from '../../../../test/helpers/audit';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { signIn, type TestSession } from '../../../../test/helpers/session';
import type { Actor } from '../access';
import { sm3 } from '../crypto/sm3';
import { actorResolver, identityContext } from '../identity';
import { ownTables } from '../db/database';
import { filesLinkedTo, linkFile, type FilesTables } from './service';
import { exeLike, minimalPdf, tinyPng } from './test-samples';

const password = 'Yongchuan@2026';
const limit = 4096;
let t: TestDatabase;
let app: FastifyInstance;
let filesDir: string;
let clerk: TestSession;
let citizen: TestSession;
/** when set, the request runs as this actor instead of its session */
let forced: Actor | null = null;

beforeAll(async () => {
  t = await freshDatabase();
  filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yc-files-http-'));
  vi.stubEnv('FILES_MAX_BYTES', String(limit));
  vi.stubEnv('FILES_DIR', filesDir);
  const sessions = actorResolver(identityContext(await testKernel(t.database)));
  app = await buildTestApp(t.database, { resolveActor: async (request: FastifyRequest) => forced ?? sessions(request) });
  vi.unstubAllEnvs();
  clerk = await signIn(app, 'clerk', password);
  citizen = await signIn(app, 'citizen', password);
});
afterAll(async () => {
  // test files share a process (vitest.config.ts: no isolation): the next file must not see these
  vi.unstubAllEnvs();
  await app.close();
  await t.drop();
  await fs.rm(filesDir, { recursive: true, force: true });
});

const upload = (who: TestSession, content: Buffer | string, type: string | null, name = 'file.bin') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'x-file-name': encodeURIComponent(name), ...(type ? { 'content-type': type } : {}) },
    payload: content,
  });
const get = (who: TestSession, url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { cookie: who.cookie, ...headers } });

async function storedBlobs(): Promise<number> {
  const entries = await fs.readdir(filesDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && !e.name.endsWith('.tmp')).length;
}
const rows = async () => Number((await ownTables<FilesTables>(t.database).selectFrom('file_object').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) {
  expect([res.statusCode, (res.json() as { code: string }).code]).toEqual([status, code]);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
}

describe('uploading attachments', () => {
  let pdfId: string;

  it('a real PDF is stored by its SM3, with the detected type, and audited', async () => {
    const pdf = minimalPdf();
    const res = await upload(clerk, pdf, 'application/pdf', '营业执照 副本.pdf');
    expect(res.statusCode).toBe(201);
    const body = res.json() as { id: string; sm3: string; size: number; mediaType: string; name: string };
    expect(body).toMatchObject({ sm3: sm3(pdf), size: pdf.length, mediaType: 'application/pdf', name: '营业执照 副本.pdf' });
    pdfId = body.id;
    const at = path.join(filesDir, body.sm3.slice(0, 2), body.sm3.slice(2, 4), body.sm3);
    expect(await fs.readFile(at)).toEqual(pdf);
    await chainAudit(t);
    const audit = await t.database.db
      .selectFrom('audit_log' as never)
      .select(['action', 'object_id'] as never)
      .where('object_id' as never, '=', pdfId as never)
      .execute();
    expect(audit).toEqual([{ action: 'file.upload', object_id: pdfId }]);
  });

  it('a PNG; the same content twice is stored once with two records', async () => {
    const before = await storedBlobs();
    const first = (await upload(clerk, tinyPng, 'image/png', 'photo.png')).json() as { id: string; sm3: string; mediaType: string };
    const second = (await upload(citizen, tinyPng, 'application/octet-stream', 'copy.png')).json() as { id: string; sm3: string; mediaType: string };
    expect(first.mediaType).toBe('image/png');
    expect(second.mediaType).toBe('image/png');
    expect(second.sm3).toBe(first.sm3);
    expect(second.id).not.toBe(first.id);
    expect(await storedBlobs()).toBe(before + 1);
  });

  it('refuses, storing nothing: a "PDF" that is a PNG, an executable, JSON posing as JSON, empty, too large, no name', async () => {
    const [blobs, records] = [await storedBlobs(), await rows()];
    const fake = Buffer.concat([tinyPng, Buffer.from('unique tail')]);
    expectProblem(await upload(clerk, fake, 'application/pdf', 'report.pdf'), 415, 'FILE_TYPE_MISMATCH');
    const exe = await upload(clerk, exeLike, 'application/pdf', 'invoice.pdf');
    expectProblem(exe, 415, 'FILE_TYPE_NOT_ALLOWED');
    expect((exe.json() as { allowed: string[] }).allowed).toContain('application/pdf');
    expectProblem(await upload(clerk, exeLike, 'application/octet-stream', 'setup.exe'), 415, 'FILE_TYPE_NOT_ALLOWED');
    // the upload scope parses no JSON: a JSON body is just bytes, and text is not JSON
    expectProblem(await upload(clerk, '{"a":1}', 'application/json', 'a.json'), 415, 'FILE_TYPE_MISMATCH');
    expectProblem(await upload(clerk, Buffer.alloc(0), 'application/pdf', 'empty.pdf'), 400, 'FILE_EMPTY');
    expectProblem(await upload(clerk, Buffer.alloc(0), null, 'empty.pdf'), 400, 'FILE_EMPTY');
    const big = await upload(clerk, Buffer.alloc(limit + 1, 0x61), 'text/plain', 'big.txt');
    expectProblem(big, 413, 'BODY_TOO_LARGE');
    expect((big.json() as { detail: string }).detail).toContain(String(limit));
    const noName = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': 'text/plain' }, payload: 'hello' });
    expectProblem(noName, 400, 'VALIDATION_FAILED');
    const badName = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrf, 'content-type': 'text/plain', 'x-file-name': '%E0%A4%A' }, payload: 'hello' });
    expectProblem(badName, 400, 'FILE_NAME_INVALID');
    expectProblem(await upload(clerk, 'hello', 'text/plain', '../'), 400, 'FILE_NAME_INVALID');
    expect([await storedBlobs(), await rows()]).toEqual([blobs, records]);
    // exactly at the limit is fine
    expect((await upload(clerk, Buffer.alloc(limit, 0x62), 'text/plain', 'max.txt')).statusCode).toBe(201);
  });

  it('needs a signed-in user and the CSRF token', async () => {
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/files', headers: { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' }, payload: minimalPdf() }), 401, 'AUTH_REQUIRED');
    const noCsrf = await app.inject({ method: 'POST', url: '/api/v1/files', headers: { cookie: clerk.cookie, 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' }, payload: minimalPdf() });
    expectProblem(noCsrf, 403, 'CSRF_FAILED');
  });

  it('keeps only the base name of a path-like name', async () => {
    const res = await upload(citizen, 'a,b\n1,2\n', 'text/csv', '..\\..\\C:\\tmp/../清单.csv');
    expect(res.json()).toMatchObject({ name: '清单.csv', mediaType: 'text/csv' });
  });

  it('the uploader downloads identical bytes with the SM3 ETag, attachment disposition and nosniff', async () => {
    const pdf = minimalPdf();
    const res = await get(clerk, `/api/v1/files/${pdfId}/content`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(res.headers.etag).toBe(`"${sm3(pdf)}"`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="____ __.pdf"; filename*=UTF-8''${encodeURIComponent('营业执照 副本.pdf')}`);
    expect(Number(res.headers['content-length'])).toBe(pdf.length);
    expect((await get(clerk, `/api/v1/files/${pdfId}/content`, { 'if-none-match': `"${sm3(pdf)}"` })).statusCode).toBe(304);
    const meta = await get(clerk, `/api/v1/files/${pdfId}`);
    expect(meta.json()).toMatchObject({ id: pdfId, sm3: sm3(pdf), size: pdf.length, mediaType: 'application/pdf', classification: 'internal' });
  });

  it("another user gets 404 for someone else's file, as for a file that does not exist", async () => {
    const other = await get(citizen, `/api/v1/files/${pdfId}/content`);
    expectProblem(other, 404, 'FILE_NOT_FOUND');
    expectProblem(await get(citizen, `/api/v1/files/${pdfId}`), 404, 'FILE_NOT_FOUND');
    expectProblem(await get(citizen, '/api/v1/files/0190b6a2-0000-7000-8000-000000000000/content'), 404, 'FILE_NOT_FOUND');
    const leader = await signIn(app, 'leader', password);
    expectProblem(await get(leader, `/api/v1/files/${pdfId}/content`), 404, 'FILE_NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: `/api/v1/files/${pdfId}/content` })).statusCode).toBe(401);
  });

  it('a holder of files:read-all reads any file, and that download is audited', async () => {
    const citizenId = (await t.database.db.selectFrom('account' as never).select('id' as never).where('username' as never, '=', 'citizen' as never).executeTakeFirstOrThrow()) as { id: string };
    forced = buildActor({ accountId: citizenId.id, permissions: ['files:read-all'] });
    try {
      const res = await app.inject({ method: 'GET', url: `/api/v1/files/${pdfId}/content` });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(minimalPdf())).toBe(true);
    } finally {
      forced = null;
    }
    await chainAudit(t);
    const audit = await t.database.db.selectFrom('audit_log' as never).select(['action', 'actor_id'] as never).where('object_id' as never, '=', pdfId as never).execute();
    expect(audit).toContainEqual({ action: 'file.download', actor_id: citizenId.id });
  });

  it('files link to process steps (or any owner object), once per owner', async () => {
    const db = ownTables<FilesTables>(t.database);
    const png = (await upload(clerk, Buffer.concat([tinyPng, Buffer.from('step')]), 'image/png', 'scene.png')).json() as { id: string };
    await db.transaction().execute(async (tx) => {
      await linkFile(tx, { fileId: pdfId, ownerType: 'workflow.step', ownerId: 'step-1' });
      await linkFile(tx, { fileId: png.id, ownerType: 'workflow.step', ownerId: 'step-1' });
      await linkFile(tx, { fileId: pdfId, ownerType: 'workflow.step', ownerId: 'step-1' });
    });
    expect((await filesLinkedTo(db, 'workflow.step', 'step-1')).map((f) => f.id).sort()).toEqual([pdfId, png.id].sort());
    expect(await filesLinkedTo(db, 'workflow.step', 'step-2')).toEqual([]);
  });

  it('the rest of the API still refuses non-JSON bodies', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});
