import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../../../../test/helpers/app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { signIn, type TestSession } from '../../../../test/helpers/session';
import { sm3 } from '../crypto/sm3';
import { ownTables } from '../db/database';
import type { FilesTables } from './service';
import { minimalPdf, tinyPng } from './test-samples';
import { startTestS3, testS3Key, type TestS3 } from './test-s3';

/** Upload and download through the real app, configured (FILES_S3_*) for an S3-compatible store. */
const password = 'Yongchuan@2026';
const bucket = 'yc-attachments';
let t: TestDatabase;
let s3: TestS3;
let app: FastifyInstance;
let localDir: string;
let clerk: TestSession;
let citizen: TestSession;

beforeAll(async () => {
  t = await freshDatabase();
  s3 = await startTestS3();
  await s3.createBucket(bucket);
  // FILES_DIR is set too: with S3 configured nothing may land there
  localDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yc-files-s3-http-'));
  vi.stubEnv('FILES_DIR', localDir);
  vi.stubEnv('FILES_S3_ENDPOINT', s3.endpoint);
  vi.stubEnv('FILES_S3_BUCKET', bucket);
  vi.stubEnv('FILES_S3_ACCESS_KEY_ID', testS3Key.accessKeyId);
  vi.stubEnv('FILES_S3_SECRET_ACCESS_KEY', testS3Key.secretAccessKey);
  vi.stubEnv('FILES_S3_PREFIX', 'yongchuan/');
  app = await buildTestApp(t.database);
  vi.unstubAllEnvs();
  clerk = await signIn(app, 'clerk', password);
  citizen = await signIn(app, 'citizen', password);
});
afterAll(async () => {
  // test files share a process (vitest.config.ts: no isolation): the next file must not see these
  vi.unstubAllEnvs();
  await app?.close();
  await s3?.stop();
  await t?.drop();
  await fs.rm(localDir, { recursive: true, force: true });
});

const upload = (who: TestSession, content: Buffer, type: string, name: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'x-file-name': encodeURIComponent(name), 'content-type': type },
    payload: content,
  });
const keyOf = (hash: string) => `yongchuan/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;
const objects = async () => ((await s3.client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key).sort();
const rows = async () => Number((await ownTables<FilesTables>(t.database).selectFrom('file_object').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('attachments on an S3-compatible store', () => {
  let pdfId: string;

  it('an upload lands in the bucket under <prefix>ab/cd/<sm3> with its SM3, and nothing on local disk', async () => {
    const pdf = minimalPdf();
    const res = await upload(clerk, pdf, 'application/pdf', '营业执照 副本.pdf');
    expect(res.statusCode).toBe(201);
    const body = res.json() as { id: string; sm3: string };
    pdfId = body.id;
    expect(body.sm3).toBe(sm3(pdf));
    expect(await objects()).toEqual([keyOf(body.sm3)]);
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(body.sm3) }));
    expect([head.ContentLength, head.Metadata?.sm3]).toEqual([pdf.length, body.sm3]);
    expect(await fs.readdir(localDir)).toEqual([]);
  });

  it('the same content from two people: two records, one object, written once', async () => {
    const before = s3.writes.length;
    const first = (await upload(clerk, tinyPng, 'image/png', 'photo.png')).json() as { id: string; sm3: string };
    const second = (await upload(citizen, tinyPng, 'image/png', 'copy.png')).json() as { id: string; sm3: string };
    expect(second.id).not.toBe(first.id);
    expect(s3.writes.slice(before)).toEqual([`${bucket}/${keyOf(sm3(tinyPng))}`]);
    expect(await objects()).toHaveLength(2);
  });

  it('the uploader downloads the identical bytes from the bucket, with the SM3 ETag', async () => {
    const pdf = minimalPdf();
    const res = await app.inject({ method: 'GET', url: `/api/v1/files/${pdfId}/content`, headers: { cookie: clerk.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect([res.headers['content-type'], res.headers.etag, Number(res.headers['content-length'])]).toEqual(['application/pdf', `"${sm3(pdf)}"`, pdf.length]);
  });

  it('when the store cannot be reached, an upload fails as a problem and leaves no record', async () => {
    const records = await rows();
    await s3.stop();
    const res = await upload(clerk, Buffer.from('区行政服务中心 办事指南'), 'text/plain', 'guide.txt');
    expect(res.statusCode).toBe(500);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(await rows()).toBe(records);
  });
});
