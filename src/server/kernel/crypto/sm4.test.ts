import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  FieldDecryptionError,
  decryptField,
  encryptField,
  sm4DecryptBlock,
  sm4EncryptBlock,
  sm4GcmDecrypt,
  sm4GcmEncrypt,
} from './sm4';

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');
const key = new Uint8Array(randomBytes(16));

function decryptError(run: () => unknown): FieldDecryptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldDecryptionError);
    return error as FieldDecryptionError;
  }
  throw new Error('expected decryption to fail');
}

describe('SM4 block cipher', () => {
  it('matches the GB/T 32907 vector', () => {
    const k = bytes('0123456789abcdeffedcba9876543210');
    expect(hex(sm4EncryptBlock(k, k))).toBe('681edf34d206965e86b3e94f536e4246');
    expect(hex(sm4DecryptBlock(k, bytes('681edf34d206965e86b3e94f536e4246')))).toBe('0123456789abcdeffedcba9876543210');
  });

  it("agrees with Node's OpenSSL SM4 on random blocks", () => {
    for (let i = 0; i < 20; i++) {
      const k = new Uint8Array(randomBytes(16));
      const block = new Uint8Array(randomBytes(16));
      const cipher = createCipheriv('sm4-ecb', k, null).setAutoPadding(false);
      expect(hex(sm4EncryptBlock(k, block))).toBe(Buffer.concat([cipher.update(block), cipher.final()]).toString('hex'));
    }
  });

  it('refuses keys and blocks of the wrong size', () => {
    expect(() => sm4EncryptBlock(new Uint8Array(15), new Uint8Array(16))).toThrow(RangeError);
    expect(() => sm4EncryptBlock(new Uint8Array(16), new Uint8Array(17))).toThrow(RangeError);
  });
});

describe('SM4-GCM', () => {
  // RFC 8998 appendix A.1
  const k = bytes('0123456789ABCDEFFEDCBA9876543210');
  const iv = bytes('00001234567800000000ABCD');
  const aad = bytes('FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2');
  const plaintext = bytes(
    'AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA',
  );
  const ciphertext =
    '17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d';
  const tag = '83de3541e4c2b58177e065a9bf7b62ec';

  it('matches the RFC 8998 vector', () => {
    const sealed = sm4GcmEncrypt(k, iv, plaintext, aad);
    expect(hex(sealed.ciphertext)).toBe(ciphertext);
    expect(hex(sealed.tag)).toBe(tag);
    expect(hex(sm4GcmDecrypt(k, iv, { ciphertext: bytes(ciphertext), tag: bytes(tag) }, aad))).toBe(hex(plaintext));
  });

  it('refuses a truncated tag, which the library alone would compare only partly', () => {
    const sealed = { ciphertext: bytes(ciphertext), tag: bytes(tag).subarray(0, 15) };
    expect(decryptError(() => sm4GcmDecrypt(k, iv, sealed, aad)).reason).toBe('format');
  });
});

describe('field encryption', () => {
  it.each(['500118199001011234', '张三丰，重庆市永川区人民大道 1 号', '', '𠮷'.repeat(1000)])('round-trips %j', (value) => {
    expect(decryptField(key, encryptField(key, value))).toBe(value);
  });

  it('produces a compact versioned token, different every time', () => {
    const a = encryptField(key, '13812345678');
    const b = encryptField(key, '13812345678');
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
  });

  it('detects any changed character', () => {
    const token = encryptField(key, '500118199001011234');
    for (let i = 3; i < token.length; i++) {
      if (token[i] === '.') continue;
      const changed = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(() => decryptField(key, changed), `position ${i}`).toThrow(FieldDecryptionError);
    }
  });

  it('names the failure: tampering, a wrong key, a wrong context, a damaged or unknown format', () => {
    const token = encryptField(key, '500118199001011234', 'citizen.id_number');
    const [version, iv, body, tag] = token.split('.') as [string, string, string, string];
    const otherKey = new Uint8Array(randomBytes(16));
    expect(decryptField(key, token, 'citizen.id_number')).toBe('500118199001011234');
    expect(decryptError(() => decryptField(otherKey, token, 'citizen.id_number')).reason).toBe('authentication');
    expect(decryptError(() => decryptField(key, token, 'citizen.phone')).reason).toBe('authentication');
    expect(decryptError(() => decryptField(key, token)).reason).toBe('authentication');
    const otherBody = encryptField(key, '500118199001011235', 'citizen.id_number').split('.')[2]!;
    expect(decryptError(() => decryptField(key, [version, iv, otherBody, tag].join('.'), 'citizen.id_number')).reason).toBe(
      'authentication',
    );
    expect(decryptError(() => decryptField(key, `v2.${iv}.${body}.${tag}`)).reason).toBe('version');
    expect(decryptError(() => decryptField(key, `${version}.${iv}.${body}`)).reason).toBe('format');
    expect(decryptError(() => decryptField(key, `${version}.${iv}.${body}.${tag.slice(0, -2)}`)).reason).toBe('format');
    expect(decryptError(() => decryptField(key, `${version}.${iv}.${body}+.${tag}`)).reason).toBe('format');
    expect(decryptError(() => decryptField(key, 'not a token')).reason).toBe('format');
  });

  it('does not reveal the token or the key in the error message', () => {
    const token = encryptField(key, 'secret');
    const error = decryptError(() => decryptField(new Uint8Array(16), token));
    expect(error.message).not.toContain(token.split('.')[2]);
    expect(error.message).toMatch(/cannot be decrypted/);
  });

  it('refuses a key that is not 16 bytes', () => {
    expect(() => encryptField(new Uint8Array(32), 'x')).toThrow(RangeError);
  });
});
