import { createHash, createHmac, getHashes } from 'node:crypto';
import { sm3 as librarySm3 } from 'sm-crypto-v2';
import { type BytesLike, fromHex, toHex, utf8 } from './bytes';

/**
 * SM3 hash (GB/T 32905-2016) and HMAC-SM3.
 *
 * Node's OpenSSL 3 ships SM3 in its default provider; it is native code and several
 * times faster than the pure-JS library, so it is used when present. Builds without it
 * (OpenSSL compiled with no-sm3, some FIPS setups) fall back to sm-crypto-v2. Tests
 * check both give the same bytes.
 *
 * Strings are hashed as their UTF-8 bytes.
 */

export interface Sm3Backend {
  name: 'openssl' | 'sm-crypto-v2';
  hash(data: Uint8Array): Uint8Array;
  hmac(key: Uint8Array, data: Uint8Array): Uint8Array;
}

export const libraryBackend: Sm3Backend = {
  name: 'sm-crypto-v2',
  hash: (data) => fromHex(librarySm3(data)),
  hmac: (key, data) => fromHex(librarySm3(data, { key, mode: 'hmac' })),
};

/** Null when this Node's OpenSSL has no SM3. */
export const opensslBackend: Sm3Backend | null = getHashes().includes('sm3')
  ? {
      name: 'openssl',
      hash: (data) => new Uint8Array(createHash('sm3').update(data).digest()),
      hmac: (key, data) => new Uint8Array(createHmac('sm3', key).update(data).digest()),
    }
  : null;

export const sm3Backend: Sm3Backend = opensslBackend ?? libraryBackend;

/** SM3 digest as 64 lower-case hex characters. */
export function sm3(data: BytesLike): string {
  return toHex(sm3Backend.hash(utf8(data)));
}

/** HMAC-SM3 (RFC 2104 construction, 64-byte block) as 64 lower-case hex characters. */
export function hmacSm3(key: BytesLike, data: BytesLike): string {
  return toHex(hmacSm3Bytes(key, data));
}

/** HMAC-SM3 as 32 bytes, for key derivation. */
export function hmacSm3Bytes(key: BytesLike, data: BytesLike): Uint8Array {
  return sm3Backend.hmac(utf8(key), utf8(data));
}
