import { sm2 as librarySm2 } from 'sm-crypto-v2';
import { type BytesLike, toHex, utf8 } from './bytes';

/**
 * SM2 digital signatures (GB/T 32918), with the SM3 digest over Z || M as the
 * standard requires (Z binds the signer's user ID and public key).
 *
 * Formats:
 * - private key: 64 hex characters;
 * - public key: uncompressed, `04` || X || Y, 130 hex characters (what certificates
 *   and UKey drivers export);
 * - signature: DER, SEQUENCE { r INTEGER, s INTEGER } as hex (GM/T 0009), the encoding
 *   X.509, CMS and the usual GM tools (GmSSL, BouncyCastle, UKey SDKs) exchange, rather
 *   than the raw 64-byte r || s.
 *
 * Verification parses the DER strictly here: the library's decoder ignores tags and
 * trailing bytes, and accepting several encodings of one signature (malleability)
 * breaks anything that uses a signature as an identifier.
 *
 * A software key is for development and tests; the crypto assessment (密评) expects
 * certified hardware in production (cn-domain §4).
 */

/** The default distinguishing identifier of GM/T 0009, used when none was agreed. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** Order n of the SM2 base point (GB/T 32918.5 recommended curve). */
const CURVE_ORDER = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

export interface Sm2KeyPair {
  privateKey: string;
  publicKey: string;
}

export interface Sm2Options {
  /** Signer identity hashed into Z; both sides must use the same one. */
  userId?: string;
}

export interface Sm2SignOptions extends Sm2Options {
  /**
   * The signer's own public key, when the caller holds it already: deriving it from the private
   * key is a scalar multiplication, as costly as the signature itself. It must be the key's own.
   */
  publicKey?: string;
}

export function generateSm2KeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = librarySm2.generateKeyPairHex();
  return { privateKey: privateKey.toLowerCase(), publicKey: publicKey.toLowerCase() };
}

export function sm2PublicKeyFromPrivate(privateKey: string): string {
  assertPrivateKey(privateKey);
  return librarySm2.getPublicKeyFromPrivateKey(privateKey).toLowerCase();
}

/** Signs the message (strings as UTF-8). Returns a DER signature as hex; SM2 signatures are randomised. */
export function sm2Sign(message: BytesLike, privateKey: string, options: Sm2SignOptions = {}): string {
  const publicKey = options.publicKey ?? sm2PublicKeyFromPrivate(privateKey);
  return librarySm2.doSignature(utf8(message), privateKey, {
    der: true,
    hash: true,
    publicKey,
    userId: options.userId ?? SM2_DEFAULT_USER_ID,
  });
}

/**
 * True only for a valid, strictly DER-encoded signature of this message by this key.
 * Malformed signatures or public keys give false rather than an exception: callers
 * verify untrusted input and must treat all of it the same way.
 */
export function sm2Verify(message: BytesLike, signature: string, publicKey: string, options: Sm2Options = {}): boolean {
  if (!/^04[0-9a-fA-F]{128}$/.test(publicKey)) return false;
  const rs = parseDerSignature(signature);
  if (!rs) return false;
  try {
    if (!librarySm2.verifyPublicKey(publicKey)) return false;
    const raw = rs.r.toString(16).padStart(64, '0') + rs.s.toString(16).padStart(64, '0');
    return librarySm2.doVerifySignature(utf8(message), raw, publicKey, {
      der: false,
      hash: true,
      userId: options.userId ?? SM2_DEFAULT_USER_ID,
    });
  } catch {
    return false;
  }
}

function assertPrivateKey(privateKey: string): void {
  // d must lie in [1, n-2]: signing divides by 1 + d.
  const d = /^[0-9a-fA-F]{64}$/.test(privateKey) ? BigInt(`0x${privateKey}`) : 0n;
  if (d < 1n || d > CURVE_ORDER - 2n) throw new RangeError('an SM2 private key is 64 hex characters in [1, n-2]');
}

/** SEQUENCE { INTEGER r, INTEGER s }, minimal encodings only, 1 ≤ r, s < n; otherwise null. */
function parseDerSignature(hex: string): { r: bigint; s: bigint } | null {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) return null;
  const der = Uint8Array.from(Buffer.from(hex, 'hex'));
  // Short-form lengths only: the largest SM2 signature is 2 + 2 × (2 + 33) = 72 bytes.
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const r = readInteger(der, 2);
  if (!r) return null;
  const s = readInteger(der, r.next);
  if (!s || s.next !== der.length) return null;
  return { r: r.value, s: s.value };
}

function readInteger(der: Uint8Array, at: number): { value: bigint; next: number } | null {
  if (der[at] !== 0x02) return null;
  const length = der[at + 1] ?? 0;
  const start = at + 2;
  if (length < 1 || length > 33 || start + length > der.length) return null;
  const body = der.subarray(start, start + length);
  if (body[0]! & 0x80) return null; // negative
  if (body[0] === 0x00 && (length === 1 || !(body[1]! & 0x80))) return null; // non-minimal or zero
  const value = BigInt(`0x${toHex(body)}`);
  if (value < 1n || value >= CURVE_ORDER) return null;
  return { value, next: start + length };
}
