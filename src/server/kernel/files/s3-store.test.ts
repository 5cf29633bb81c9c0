import { buffer, text } from 'node:stream/consumers';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3 } from '../crypto/sm3';
import { S3Store } from './s3-store';
import { startTestS3, type TestS3 } from './test-s3';

let s3: TestS3;
const bucket = 'yongchuan-files';
const stores: S3Store[] = [];
const storeOf = (...args: Parameters<TestS3['settings']>) => {
  const store = new S3Store(s3.settings(...args));
  stores.push(store);
  return store;
};

beforeAll(async () => {
  s3 = await startTestS3();
  await s3.createBucket(bucket);
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await s3?.stop();
});

const keysIn = async (prefix = '') =>
  ((await s3.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key).sort();

describe('the S3-compatible store', () => {
  it('stores content under <prefix>ab/cd/<sm3> with the SM3 as metadata, once, and gives it back', async () => {
    const store = storeOf(bucket, 'yongchuan/files/');
    const content = Buffer.from('永川区 2026 年政务服务事项清单');
    const hash = sm3(content);
    const key = `yongchuan/files/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`;
    expect(await store.has(hash)).toBe(false);
    expect(await store.get(hash)).toBeNull();

    const before = s3.writes.length;
    await store.put(hash, content);
    await store.put(hash, content);
    // the second put found the object (HEAD) and uploaded nothing
    expect(s3.writes.slice(before)).toEqual([`${bucket}/${key}`]);
    expect(await keysIn('yongchuan/')).toEqual([key]);
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    expect([head.Metadata?.sm3, head.ContentLength]).toEqual([hash, content.length]);

    expect(await store.has(hash)).toBe(true);
    expect(await text((await store.get(hash))!)).toBe(content.toString());
  });

  it('without a prefix the key is ab/cd/<sm3>; binary content of 1 MiB comes back byte for byte', async () => {
    const store = storeOf(bucket);
    const big = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < big.length; i += 1) big[i] = (i * 7919) % 251;
    const hash = sm3(big);
    await store.put(hash, big);
    expect(await keysIn(hash.slice(0, 2))).toContain(`${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`);
    expect((await buffer((await store.get(hash))!)).equals(big)).toBe(true);
  });

  it('refuses bytes that do not hash to the key, uploading nothing, and keys that are not hashes', async () => {
    const store = storeOf(bucket, 'refused');
    const hash = sm3(Buffer.from('the real content'));
    const before = s3.writes.length;
    await expect(store.put(hash, Buffer.from('something else'))).rejects.toThrow(/do not hash/);
    expect(s3.writes.length).toBe(before);
    expect(await store.has(hash)).toBe(false);
    await expect(store.has('../../etc/passwd')).rejects.toThrow(RangeError);
    await expect(store.get(hash.toUpperCase())).rejects.toThrow(RangeError);
    await expect(store.put('', Buffer.alloc(0))).rejects.toThrow(RangeError);
  });

  it('an object of another size under the key (damage) is written again by the next put', async () => {
    const store = storeOf(bucket, 'repair');
    const content = Buffer.from('区市场监管局 营业执照');
    const hash = sm3(content);
    await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: store.keyOf(hash), Body: content.subarray(0, 5) }));
    await store.put(hash, content);
    const object = await s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: store.keyOf(hash) }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(content)).toBe(true);
  });

  it('a missing object is null, but a missing bucket or refused credentials are errors', async () => {
    const hash = sm3(Buffer.from('nobody stored this'));
    expect(await storeOf(bucket).get(hash)).toBeNull();
    expect(await storeOf(bucket).has(hash)).toBe(false);

    const noBucket = storeOf('no-such-bucket');
    await expect(noBucket.get(hash)).rejects.toMatchObject({ name: 'NoSuchBucket' });
    await expect(noBucket.put(hash, Buffer.from('nobody stored this'))).rejects.toMatchObject({ name: 'NoSuchBucket' });

    const refused = new S3Store({ ...s3.settings(bucket), accessKeyId: 'NOT-A-KEY' });
    stores.push(refused);
    await expect(refused.get(hash)).rejects.toMatchObject({ name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } });
    await expect(refused.has(hash)).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    await expect(refused.put(hash, Buffer.from('nobody stored this'))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });
});
