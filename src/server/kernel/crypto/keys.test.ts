import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { FIELD_KEY_FILE, deriveFieldKeys, loadFieldKeys } from './keys';
import { hmacSm3 } from './sm3';
import { decryptField, encryptField } from './sm4';

let dataDir: string;
let lines: string[];
const log = () => pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const configured = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yc-keys-'));
  lines = [];
});
afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('field keys', () => {
  it('derives two different 16-byte keys from a configured secret with HMAC-SM3 and labels', async () => {
    const keys = await loadFieldKeys({ configuredKeyHex: configured, dataDir, log: log() });
    const master = Buffer.from(configured, 'hex');
    expect(keys.source).toBe('config');
    expect(hex(keys.encryptionKey)).toBe(hmacSm3(master, 'yongchuan/field-encryption/v1').slice(0, 32));
    expect(hex(keys.indexKey)).toBe(hmacSm3(master, 'yongchuan/blind-index/v1').slice(0, 32));
    expect(hex(keys.encryptionKey)).not.toBe(hex(keys.indexKey));
    // the upper-case form of the same secret is the same key
    const upper = await loadFieldKeys({ configuredKeyHex: configured.toUpperCase(), dataDir, log: log() });
    expect(hex(upper.encryptionKey)).toBe(hex(keys.encryptionKey));
    await expect(fs.stat(path.join(dataDir, FIELD_KEY_FILE))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a malformed configured secret without echoing it', async () => {
    const almost = configured.slice(0, 63);
    const error = await loadFieldKeys({ configuredKeyHex: almost, dataDir, log: log() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('FIELD_ENCRYPTION_KEY');
    expect((error as Error).message).not.toContain(almost);
    await expect(loadFieldKeys({ configuredKeyHex: 'g'.repeat(64), dataDir, log: log() })).rejects.toThrow(ConfigError);
  });

  it('without a configured secret, generates one once (mode 0600), warns, and reuses it', async () => {
    const first = await loadFieldKeys({ configuredKeyHex: null, dataDir, log: log() });
    expect(first.source).toBe('generated');
    const file = path.join(dataDir, FIELD_KEY_FILE);
    const content = (await fs.readFile(file, 'utf8')).trim();
    expect(content).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(lines.join('\n')).toMatch(/production must set it/);
    expect(lines.join('\n')).not.toContain(content);

    const token = encryptField(first.encryptionKey, '500118199001011234');
    const second = await loadFieldKeys({ dataDir, log: log() });
    expect(second.source).toBe('generated');
    expect(decryptField(second.encryptionKey, token)).toBe('500118199001011234');
    expect(hex(second.indexKey)).toBe(hex(first.indexKey));

    // the generated secret moves to the configuration unchanged
    const moved = await loadFieldKeys({ configuredKeyHex: content, dataDir, log: log() });
    expect(decryptField(moved.encryptionKey, token)).toBe('500118199001011234');
    expect(await fs.readdir(dataDir)).toEqual([FIELD_KEY_FILE]); // no temporary files left
  });

  it('creates the data folder if needed, and concurrent first starts agree on one key', async () => {
    const nested = path.join(dataDir, 'a', 'b');
    const all = await Promise.all([1, 2, 3, 4].map(() => loadFieldKeys({ dataDir: nested, log: log() })));
    for (const keys of all) expect(hex(keys.encryptionKey)).toBe(hex(all[0]!.encryptionKey));
  });

  it('warns when a configured secret differs from a generated key already in the data folder', async () => {
    await loadFieldKeys({ dataDir, log: log() });
    lines = [];
    await loadFieldKeys({ configuredKeyHex: configured, dataDir, log: log() });
    expect(lines.join('\n')).toMatch(/cannot be decrypted/);
  });

  it('refuses a damaged key file instead of replacing it', async () => {
    const file = path.join(dataDir, FIELD_KEY_FILE);
    await fs.writeFile(file, 'abc\n', { mode: 0o600 });
    await expect(loadFieldKeys({ dataDir, log: log() })).rejects.toThrow(/damaged/);
    expect(await fs.readFile(file, 'utf8')).toBe('abc\n');
  });

  it('warns about a key file other users can read', async () => {
    if (process.platform === 'win32') return;
    const file = path.join(dataDir, FIELD_KEY_FILE);
    await fs.writeFile(file, `${configured}\n`);
    await fs.chmod(file, 0o644);
    await loadFieldKeys({ dataDir, log: log() });
    expect(lines.join('\n')).toMatch(/mode 0600/);
  });

  it('derives only from a 32-byte secret', () => {
    expect(() => deriveFieldKeys(new Uint8Array(16))).toThrow(RangeError);
  });
});
