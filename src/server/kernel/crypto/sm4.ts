import { randomBytes } from 'node:crypto';
import { sm4 as librarySm4 } from 'sm-crypto-v2';
import { utf8 } from './bytes';

/**
 * SM4 block cipher (GB/T 32907-2016) and field encryption for personal data.
 *
 * Fields are encrypted with SM4-GCM (authenticated: a changed byte is detected, not
 * decrypted into garbage) rather than CBC + HMAC, because sm-crypto-v2 implements GCM
 * and it matches the RFC 8998 A.1 vector (see the test); one primitive is less to get
 * wrong than a hand-made encrypt-then-MAC. Node's OpenSSL has sm4-ecb/cbc/ctr but no
 * sm4-gcm, so the library does the work.
 *
 * The library's GCM path does not check key, IV or tag lengths (a short tag would be
 * compared only as far as it goes), so this file checks them before every call.
 */

export const SM4_KEY_BYTES = 16;
export const SM4_BLOCK_BYTES = 16;
/**
 * 96-bit IV, the standard GCM size. Random IVs are safe for up to 2^32 encryptions per
 * key (NIST SP 800-38D), far more values than one district stores before a key change.
 */
const GCM_IV_BYTES = 12;
const GCM_TAG_BYTES = 16;

const FIELD_VERSION = 'v1';

function assertKey(key: Uint8Array): void {
  if (!(key instanceof Uint8Array) || key.length !== SM4_KEY_BYTES) {
    throw new RangeError(`an SM4 key must be ${SM4_KEY_BYTES} bytes`);
  }
}

/** One 16-byte block, no mode and no padding: the primitive the GB/T 32907 vector checks. */
export function sm4EncryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  return sm4Block(key, block, 'encrypt');
}

export function sm4DecryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  return sm4Block(key, block, 'decrypt');
}

function sm4Block(key: Uint8Array, block: Uint8Array, direction: 'encrypt' | 'decrypt'): Uint8Array {
  assertKey(key);
  if (block.length !== SM4_BLOCK_BYTES) throw new RangeError(`an SM4 block is ${SM4_BLOCK_BYTES} bytes`);
  const options = { mode: 'ecb', padding: 'none', output: 'array' } as const;
  return direction === 'encrypt' ? librarySm4.encrypt(block, key, options) : librarySm4.decrypt(block, key, options);
}

export interface GcmSealed {
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

/** SM4-GCM with a 16-byte tag. The caller supplies a fresh IV for every message. */
export function sm4GcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): GcmSealed {
  assertKey(key);
  if (iv.length !== GCM_IV_BYTES) throw new RangeError(`the IV must be ${GCM_IV_BYTES} bytes`);
  const sealed = librarySm4.encrypt(plaintext, key, {
    mode: 'gcm',
    iv,
    associatedData: aad,
    output: 'array',
    outputTag: true,
  });
  if (!sealed.tag || sealed.tag.length !== GCM_TAG_BYTES) throw new Error('SM4-GCM produced no 16-byte tag');
  return { ciphertext: sealed.output, tag: sealed.tag };
}

/** Throws FieldDecryptionError('authentication') when the tag does not match. */
export function sm4GcmDecrypt(key: Uint8Array, iv: Uint8Array, sealed: GcmSealed, aad: Uint8Array): Uint8Array {
  assertKey(key);
  if (iv.length !== GCM_IV_BYTES || sealed.tag.length !== GCM_TAG_BYTES) throw new FieldDecryptionError('format');
  try {
    return librarySm4.decrypt(sealed.ciphertext, key, {
      mode: 'gcm',
      iv,
      associatedData: aad,
      tag: sealed.tag,
      output: 'array',
    });
  } catch {
    // The library throws "authentication tag mismatch"; nothing else can fail once lengths are checked.
    throw new FieldDecryptionError('authentication');
  }
}

export type FieldDecryptionFailure = 'format' | 'version' | 'authentication';

/** A stored value that cannot be decrypted: damaged, tampered with, or encrypted under another key or context. */
export class FieldDecryptionError extends Error {
  constructor(readonly reason: FieldDecryptionFailure) {
    // Never include the token or the key: this message can end up in logs.
    super(`加密字段无法解密 / encrypted field cannot be decrypted (${reason})`);
    this.name = 'FieldDecryptionError';
  }
}

/**
 * Additional authenticated data: the format version, plus an optional context such as
 * `citizen.id_number`. With a context, a value copied into another column (by someone
 * with write access to the database) fails to decrypt instead of being shown as real.
 */
function fieldAad(context: string | undefined): Uint8Array {
  return utf8(context === undefined ? `yc-field:${FIELD_VERSION}` : `yc-field:${FIELD_VERSION}:${context}`);
}

/**
 * Encrypts one personal-data value for storage:
 * `v1.<base64url IV>.<base64url ciphertext>.<base64url tag>`, ASCII, about
 * 4/3 × UTF-8 length + 45 characters. A random IV per call, so equal values give
 * different tokens (use a blind index to look them up).
 */
export function encryptField(key: Uint8Array, plaintext: string, context?: string): string {
  const iv = new Uint8Array(randomBytes(GCM_IV_BYTES));
  const { ciphertext, tag } = sm4GcmEncrypt(key, iv, utf8(plaintext), fieldAad(context));
  return [FIELD_VERSION, base64url(iv), base64url(ciphertext), base64url(tag)].join('.');
}

/** Reverses encryptField; the same context must be given. Throws FieldDecryptionError. */
export function decryptField(key: Uint8Array, token: string, context?: string): string {
  const parts = token.split('.');
  if (parts.length !== 4) throw new FieldDecryptionError('format');
  const [version, ivText, ciphertextText, tagText] = parts as [string, string, string, string];
  if (version !== FIELD_VERSION) throw new FieldDecryptionError('version');
  const iv = fromBase64url(ivText);
  const ciphertext = fromBase64url(ciphertextText);
  const tag = fromBase64url(tagText);
  const plaintext = sm4GcmDecrypt(key, iv, { ciphertext, tag }, fieldAad(context));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
  } catch {
    throw new FieldDecryptionError('format');
  }
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** Strict: Buffer.from silently skips invalid characters, so check the alphabet and round trip. */
function fromBase64url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new FieldDecryptionError('format');
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw new FieldDecryptionError('format');
  return new Uint8Array(bytes);
}
