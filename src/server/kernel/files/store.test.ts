import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sm3 } from '../crypto/sm3';
import { LocalDiskStore } from './store';

let root: string;
let store: LocalDiskStore;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'yc-files-'));
  store = new LocalDiskStore(path.join(root, 'files'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const content = Buffer.from('永川区 2026 年政务服务事项清单');
const hash = sm3(content);

async function allFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('the local disk store', () => {
  it('stores content under ab/cd/<sm3>, once, and gives it back', async () => {
    expect(await store.has(hash)).toBe(false);
    expect(await store.get(hash)).toBeNull();
    await store.put(hash, content);
    await store.put(hash, content);
    expect(await allFiles(store.root)).toEqual([path.join(hash.slice(0, 2), hash.slice(2, 4), hash)]);
    expect(await store.has(hash)).toBe(true);
    expect(await text((await store.get(hash))!)).toBe(content.toString());
  });

  it('refuses bytes that do not hash to the key, and keys that are not hashes', async () => {
    await expect(store.put(hash, Buffer.from('something else'))).rejects.toThrow(/do not hash/);
    expect(await store.has(hash)).toBe(false);
    await expect(store.has('../../etc/passwd')).rejects.toThrow(RangeError);
    await expect(store.get(hash.toUpperCase())).rejects.toThrow(RangeError);
  });

  it('a temporary file left by a crash is not stored content, and the next put completes', async () => {
    // what a crash between write and rename leaves: a half-written temporary file
    const dir = path.dirname(store.pathOf(hash));
    await fs.mkdir(dir, { recursive: true });
    const leftover = path.join(dir, `.${hash}.4242.deadbeef.tmp`);
    await fs.writeFile(leftover, content.subarray(0, 5));
    expect(await store.has(hash)).toBe(false);
    expect(await store.get(hash)).toBeNull();
    await store.put(hash, content);
    expect(await fs.readFile(store.pathOf(hash))).toEqual(content);
    // the put wrote through its own temporary name and renamed it: only the old leftover remains beside it
    expect((await fs.readdir(dir)).sort()).toEqual([leftover, store.pathOf(hash)].map((p) => path.basename(p)).sort());
  });

  it('concurrent puts of the same content end with one complete file', async () => {
    const big = Buffer.alloc(64 * 1024, 7);
    const h = sm3(big);
    await Promise.all([1, 2, 3, 4].map(() => store.put(h, big)));
    expect(await fs.readFile(store.pathOf(h))).toEqual(big);
    expect(await allFiles(store.root)).toHaveLength(1);
  });
});
