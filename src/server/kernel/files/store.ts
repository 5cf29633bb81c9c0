import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sm3 } from '../crypto/sm3';

/**
 * Where the bytes of attachments live, addressed by their SM3 hash: the same content is
 * stored once however often it is uploaded. The database (file_object) says who uploaded
 * what under which name; the store knows only content.
 *
 * Implementations (chosen by createFileStore from the settings; see README.md here):
 * - LocalDiskStore (default): files under FILES_DIR (DATA_DIR/files), `ab/cd/<sm3>`;
 * - S3Store (s3-store.ts) when FILES_S3_* are set: objects `<prefix>ab/cd/<sm3>` in a bucket
 *   of an S3-compatible store (MinIO, Ceph, 华为云 OBS, 阿里云 OSS …).
 */
export interface FileStore {
  /** Stores the bytes under their hash; a no-op when already stored. Refuses bytes that do not hash to `hash`. */
  put(hash: string, bytes: Uint8Array): Promise<void>;
  /** The content, or null when nothing is stored under the hash. */
  get(hash: string): Promise<Readable | null>;
  has(hash: string): Promise<boolean>;
  /** Releases connections, if the store holds any (called when the app closes). */
  close?(): Promise<void>;
}

const hashPattern = /^[0-9a-f]{64}$/;

/** Throws a RangeError unless `hash` is an SM3 in lower-case hex. */
export function checkHash(hash: string): void {
  // also what keeps a caller's value from becoming a path outside the store
  if (!hashPattern.test(hash)) throw new RangeError('a file hash is 64 lower-case hex characters (SM3)');
}

/**
 * `<root>/ab/cd/<hash>`. A file is written under a temporary name in the same folder,
 * flushed, then renamed: rename is atomic, so a crash leaves at most a `.tmp` file,
 * never a half file under the final name. Temporary names start with a dot and never
 * match a hash, so they are never served.
 */
export class LocalDiskStore implements FileStore {
  constructor(readonly root: string) {}

  pathOf(hash: string): string {
    checkHash(hash);
    return path.join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async has(hash: string): Promise<boolean> {
    try {
      return (await fs.stat(this.pathOf(hash))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async put(hash: string, bytes: Uint8Array): Promise<void> {
    const final = this.pathOf(hash);
    if (sm3(bytes) !== hash) throw new Error('the bytes do not hash to the given SM3');
    if (await this.has(hash)) return;
    await fs.mkdir(path.dirname(final), { recursive: true });
    const temporary = path.join(path.dirname(final), `.${hash}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await fs.open(temporary, 'wx', 0o640);
    try {
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Two uploads of the same content may race here: both renames put identical bytes in place.
      await fs.rename(temporary, final);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(hash: string): Promise<Readable | null> {
    const file = this.pathOf(hash);
    try {
      const handle = await fs.open(file, 'r');
      return createReadStream(file, { fd: handle, autoClose: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
