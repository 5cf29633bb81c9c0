import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSm3, libraryBackend, opensslBackend, sm3, sm3Backend } from './sm3';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const ascii = (text: string) => new TextEncoder().encode(text);

/** RFC 2104 written out over the plain hash, independent of both backends' HMAC code. */
function hmacByHand(key: Uint8Array, message: Uint8Array): string {
  const blockSize = 64;
  const hash = (data: Uint8Array) => Buffer.from(sm3(data), 'hex');
  const shortKey = key.length > blockSize ? hash(key) : Buffer.from(key);
  const padded = Buffer.concat([shortKey, Buffer.alloc(blockSize - shortKey.length)]);
  const inner = hash(Buffer.concat([padded.map((b) => b ^ 0x36), message]));
  return hash(Buffer.concat([padded.map((b) => b ^ 0x5c), inner])).toString('hex');
}

describe('SM3', () => {
  it('matches the GB/T 32905 example vectors', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3(ascii('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes strings as UTF-8, not as hex', () => {
    expect(sm3('永川')).toBe(sm3(new Uint8Array(Buffer.from('永川', 'utf8'))));
    expect(sm3('ab')).not.toBe(sm3(new Uint8Array([0xab])));
  });

  it('uses OpenSSL when this Node has SM3, and both backends agree', () => {
    expect(sm3Backend.name).toBe(opensslBackend ? 'openssl' : 'sm-crypto-v2');
    if (!opensslBackend) return;
    for (const length of [0, 1, 55, 56, 63, 64, 65, 1000]) {
      const data = new Uint8Array(randomBytes(length));
      const key = new Uint8Array(randomBytes(length % 100));
      expect(hex(opensslBackend.hash(data))).toBe(hex(libraryBackend.hash(data)));
      expect(hex(opensslBackend.hmac(key, data))).toBe(hex(libraryBackend.hmac(key, data)));
    }
  });
});

describe('HMAC-SM3', () => {
  it.each([
    ['a short key', ascii('key'), ascii('The quick brown fox jumps over the lazy dog')],
    ['a 64-byte key', new Uint8Array(64).fill(0x0b), ascii('Hi There')],
    ['a key longer than the block', new Uint8Array(131).fill(0xaa), ascii('永川区政务服务')],
    ['an empty message', new Uint8Array(16).fill(1), new Uint8Array(0)],
  ])('equals the RFC 2104 construction by hand, with %s', (_name, key, message) => {
    expect(hmacSm3(key, message)).toBe(hmacByHand(key, message));
    expect(hex(libraryBackend.hmac(key, message))).toBe(hmacByHand(key, message));
  });

  it('reads a string key as UTF-8 (the library alone would read it as hex)', () => {
    expect(hmacSm3('key', 'data')).toBe(hmacByHand(ascii('key'), ascii('data')));
  });
});
