import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import { sm3 } from '../crypto/sm3';
import type { S3Settings } from './settings';
import { checkHash, type FileStore } from './store';

type Sdk = typeof import('@aws-sdk/client-s3');

/** The AWS SDK is loaded on first use, so that deployments on local disk never load it (~150 ms). */
let sdk: Promise<Sdk> | null = null;
const loadSdk = (): Promise<Sdk> => (sdk ??= import('@aws-sdk/client-s3'));

/** The SDK's service errors carry the S3 error code as `name` and the HTTP status in `$metadata`. */
function s3Error(error: unknown): { name: string; status: number | undefined } | null {
  if (!(error instanceof Error)) return null;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return { name: error.name, status };
}

/**
 * Attachments in an S3-compatible bucket (MinIO, Ceph RGW, 华为云 OBS, 阿里云 OSS, Amazon S3),
 * keyed `<prefix>ab/cd/<sm3>`: the same layout as the local disk store, so a FILES_DIR can be
 * copied into the bucket as it is (leave out `*.tmp`).
 *
 * - put: checks the SM3 first, then HEAD: an object of the same size is already there → nothing
 *   to do. Otherwise one PutObject with Content-MD5 (the store refuses bytes damaged on the way)
 *   and the SM3 as metadata (`x-amz-meta-sm3`). An object is whole or absent, never half
 *   written; two uploads of the same content race harmlessly (identical bytes).
 * - get: the object's body as a stream; null when the key does not exist (NoSuchKey). A missing
 *   bucket, refused credentials or an unreachable store are errors, not "not found".
 * - has: HEAD; 404 → false.
 *
 * The SDK's newer default checksums (x-amz-checksum-crc32, aws-chunked bodies) are switched off
 * (WHEN_REQUIRED): many S3-compatible stores refuse them. Content-MD5 is understood by all.
 */
export class S3Store implements FileStore {
  private client: Promise<S3Client> | null = null;

  constructor(readonly settings: S3Settings) {}

  keyOf(hash: string): string {
    checkHash(hash);
    return `${this.settings.prefix}${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;
  }

  private connect(): Promise<S3Client> {
    this.client ??= loadSdk().then(
      ({ S3Client }) =>
        new S3Client({
          endpoint: this.settings.endpoint,
          region: this.settings.region,
          forcePathStyle: this.settings.pathStyle,
          // only these credentials: never the process's AWS_* variables, profiles or instance metadata
          credentials: { accessKeyId: this.settings.accessKeyId, secretAccessKey: this.settings.secretAccessKey },
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
          maxAttempts: 3,
          requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
        }),
    );
    return this.client;
  }

  /** The object's size, or null when there is none. */
  private async head(hash: string): Promise<number | null> {
    const Key = this.keyOf(hash);
    const [client, { HeadObjectCommand }] = await Promise.all([this.connect(), loadSdk()]);
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      // HEAD has no body, so no error code: 404 is all there is
      if (s3Error(error)?.status === 404) return null;
      throw error;
    }
  }

  async has(hash: string): Promise<boolean> {
    return (await this.head(hash)) !== null;
  }

  async put(hash: string, bytes: Uint8Array): Promise<void> {
    const Key = this.keyOf(hash);
    if (sm3(bytes) !== hash) throw new Error('the bytes do not hash to the given SM3');
    // a different size under this key can only be damage: write the content again
    if ((await this.head(hash)) === bytes.length) return;
    const [client, { PutObjectCommand }] = await Promise.all([this.connect(), loadSdk()]);
    await client.send(
      new PutObjectCommand({
        Bucket: this.settings.bucket,
        Key,
        Body: bytes,
        ContentLength: bytes.length,
        ContentMD5: createHash('md5').update(bytes).digest('base64'),
        ContentType: 'application/octet-stream',
        Metadata: { sm3: hash },
      }),
    );
  }

  async get(hash: string): Promise<Readable | null> {
    const Key = this.keyOf(hash);
    const [client, { GetObjectCommand }] = await Promise.all([this.connect(), loadSdk()]);
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key }));
      // in Node.js the body is the HTTP response (an IncomingMessage), which is a Readable
      if (!(object.Body instanceof Readable)) throw new Error(`S3 object ${Key}: the response body is not a Node.js stream`);
      return object.Body;
    } catch (error) {
      if (s3Error(error)?.name === 'NoSuchKey') return null;
      throw error;
    }
  }

  /** Closes the client's connections (app shutdown). */
  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) (await client).destroy();
  }
}
