import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config';
import type { Logger } from '../logger';
import { fromHex, toHex } from './bytes';
import { hmacSm3Bytes } from './sm3';
import { SM4_KEY_BYTES } from './sm4';

/**
 * The keys for personal-data fields: one 32-byte master secret, from the configuration
 * in production or generated once into the data folder for development, from which
 * the SM4 encryption key and the blind-index key are derived.
 *
 * Two derived keys rather than the two halves of the secret: each key is then
 * independent of the other even if one leaks through a side channel, and the labels
 * leave room for more keys (or a v2) without a new secret.
 */

/** The environment variable the configuration is expected to read the secret from. */
export const FIELD_KEY_VARIABLE = 'FIELD_ENCRYPTION_KEY';
export const FIELD_KEY_FILE = 'field-key';
const MASTER_KEY_BYTES = 32;
const MASTER_KEY_PATTERN = /^[0-9a-fA-F]{64}$/;

const ENCRYPTION_LABEL = 'yongchuan/field-encryption/v1';
const INDEX_LABEL = 'yongchuan/blind-index/v1';

export interface FieldKeys {
  /** 16 bytes, for encryptField/decryptField. */
  encryptionKey: Uint8Array;
  /** 16 bytes, for blindIndex. */
  indexKey: Uint8Array;
  source: 'config' | 'generated';
}

export interface LoadFieldKeysOptions {
  /** 64 hex characters (32 bytes), or null/undefined when not configured. */
  configuredKeyHex?: string | null;
  dataDir: string;
  log: Logger;
}

/** Key = first 16 bytes of HMAC-SM3(master, label). */
export function deriveFieldKeys(master: Uint8Array): Pick<FieldKeys, 'encryptionKey' | 'indexKey'> {
  if (master.length !== MASTER_KEY_BYTES) throw new RangeError(`the field master key must be ${MASTER_KEY_BYTES} bytes`);
  return {
    encryptionKey: hmacSm3Bytes(master, ENCRYPTION_LABEL).slice(0, SM4_KEY_BYTES),
    indexKey: hmacSm3Bytes(master, INDEX_LABEL).slice(0, SM4_KEY_BYTES),
  };
}

/**
 * Uses the configured secret when there is one. Otherwise reads `<dataDir>/field-key`,
 * creating it (mode 0600) on the first start, and warns: a key next to the data it
 * protects does not protect a stolen disk or backup. The file holds the secret in the
 * same 64-hex form as the configuration, so copying its content into
 * FIELD_ENCRYPTION_KEY keeps existing data readable.
 */
export async function loadFieldKeys(options: LoadFieldKeysOptions): Promise<FieldKeys> {
  const { configuredKeyHex, dataDir, log } = options;
  const file = path.join(dataDir, FIELD_KEY_FILE);

  if (configuredKeyHex !== undefined && configuredKeyHex !== null && configuredKeyHex !== '') {
    if (!MASTER_KEY_PATTERN.test(configuredKeyHex)) {
      // The value itself is never echoed: a near-miss of the real key is still a secret.
      throw new ConfigError(
        FIELD_KEY_VARIABLE,
        '64 hexadecimal characters (32 bytes)',
        `[not shown: ${configuredKeyHex.length} characters]`,
      );
    }
    const master = fromHex(configuredKeyHex);
    await warnIfGeneratedKeyDiffers(file, master, log);
    return { ...deriveFieldKeys(master), source: 'config' };
  }

  const master = (await readKeyFile(file, log)) ?? (await createKeyFile(file, log));
  log.warn(
    { file },
    `未配置 ${FIELD_KEY_VARIABLE}，个人信息字段使用本地生成的密钥；生产环境必须配置该密钥 / ` +
      `${FIELD_KEY_VARIABLE} is not set: personal-data fields use a key generated in the data folder; production must set it`,
  );
  return { ...deriveFieldKeys(master), source: 'generated' };
}

/** Null when the file does not exist. A damaged file is an error, never replaced. */
async function readKeyFile(file: string, log: Logger): Promise<Uint8Array | null> {
  let content: string;
  try {
    content = (await fs.readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!MASTER_KEY_PATTERN.test(content)) {
    // Generating a new key here would silently make every encrypted value unreadable.
    throw new Error(
      `密钥文件已损坏，请从备份恢复（切勿删除）/ the field key file ${file} is damaged: restore it from a backup; ` +
        'deleting it makes all encrypted personal data unreadable',
    );
  }
  if (process.platform !== 'win32' && ((await fs.stat(file)).mode & 0o077) !== 0) {
    log.warn({ file }, '密钥文件权限过宽，应为 0600 / the field key file is readable by other users; it should be mode 0600');
  }
  return fromHex(content);
}

/**
 * Written to a temporary file, flushed, then hard-linked into place: the link fails if
 * another process created the key first (we then use theirs), and a crash never leaves
 * a half-written key behind.
 */
async function createKeyFile(file: string, log: Logger): Promise<Uint8Array> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const master = new Uint8Array(randomBytes(MASTER_KEY_BYTES));
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(`${toHex(master)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temporary, file);
    log.info({ file }, '已生成个人信息字段密钥 / generated the field key');
    return master;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const existing = await readKeyFile(file, log);
    if (!existing) throw error;
    return existing;
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/** Switching from the generated key to a configured one orphans data encrypted under the old key. */
async function warnIfGeneratedKeyDiffers(file: string, configured: Uint8Array, log: Logger): Promise<void> {
  let generated: Uint8Array | null;
  try {
    generated = await readKeyFile(file, log);
  } catch {
    generated = null; // a damaged leftover file does not matter when a key is configured
  }
  if (generated && !timingSafeEqual(generated, configured)) {
    log.warn(
      { file },
      `数据目录中存在另一个生成的密钥，用它加密的数据将无法解密 / a generated field key differs from ${FIELD_KEY_VARIABLE}: ` +
        'data encrypted with the generated key cannot be decrypted',
    );
  }
}
