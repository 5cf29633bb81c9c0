/**
 * An S3-compatible server in the test process (s3rver, a devDependency): real HTTP, real S3 REST
 * and XML, on a free port of 127.0.0.1, its objects in a temporary folder. It checks the access
 * key id (only `S3RVER` exists) but not v4 signatures.
 */
import type { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3Settings } from './settings';

export interface TestS3 {
  endpoint: string;
  /** settings of a store on this server (bucket and prefix as given) */
  settings(bucket: string, prefix?: string): S3Settings;
  /** a plain SDK client on this server, to look at what a store wrote */
  client: S3Client;
  createBucket(bucket: string): Promise<void>;
  /** `bucket/key` of every object written (PutObject) since the start */
  writes: string[];
  /** stops the server (again: nothing) */
  stop(): Promise<void>;
}

export const testS3Key = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startTestS3(): Promise<TestS3> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'yc-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const writes: string[] = [];
  // s3rver is a Koa application (an EventEmitter) that emits S3 event notifications; its type declarations omit that
  (server as unknown as EventEmitter).on('event', (event: { Records: Array<{ eventName: string; s3: { bucket: { name: string }; object: { key: string } } }> }) => {
    for (const r of event.Records) if (r.eventName.startsWith('ObjectCreated')) writes.push(`${r.s3.bucket.name}/${r.s3.object.key}`);
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  let stopped = false;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: testS3Key });
  return {
    endpoint,
    client,
    writes,
    settings: (bucket, prefix = '') => ({ endpoint, bucket, region: 'us-east-1', ...testS3Key, prefix, pathStyle: true }),
    createBucket: async (bucket) => {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      client.destroy();
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
