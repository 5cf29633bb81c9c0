import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair, sm2PublicKeyFromPrivate, sm2Sign, sm2Verify } from './sm2';

const n = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const signer = generateSm2KeyPair();
const message = '永川区行政审批 #2026-0001 同意';

/** Splits a short-form DER signature into r and s (test helper, trusts its input). */
function rs(signature: string): { r: bigint; s: bigint } {
  const der = Buffer.from(signature, 'hex');
  const rLength = der[3]!;
  const r = BigInt(`0x${der.subarray(4, 4 + rLength).toString('hex')}`);
  const s = BigInt(`0x${der.subarray(6 + rLength).toString('hex')}`);
  return { r, s };
}

/** Minimal DER, the way an encoder would write any r and s (even out-of-range ones). */
function der(r: bigint, s: bigint): string {
  const integer = (value: bigint) => {
    let body = value.toString(16);
    if (body.length % 2) body = `0${body}`;
    if (parseInt(body.slice(0, 2), 16) & 0x80) body = `00${body}`;
    return `02${(body.length / 2).toString(16).padStart(2, '0')}${body}`;
  };
  const content = integer(r) + integer(s);
  return `30${(content.length / 2).toString(16).padStart(2, '0')}${content}`;
}

describe('SM2 signatures', () => {
  it('generates keys in the documented formats', () => {
    expect(signer.privateKey).toMatch(/^[0-9a-f]{64}$/);
    expect(signer.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(sm2PublicKeyFromPrivate(signer.privateKey)).toBe(signer.publicKey);
  });

  it('signs and verifies, with DER signatures that differ each time', () => {
    const a = sm2Sign(message, signer.privateKey);
    const b = sm2Sign(message, signer.privateKey);
    expect(a).toMatch(/^30[0-9a-f]{2}02/);
    expect(a).not.toBe(b);
    expect(sm2Verify(message, a, signer.publicKey)).toBe(true);
    expect(sm2Verify(new TextEncoder().encode(message), b, signer.publicKey)).toBe(true);
    expect(der(rs(a).r, rs(a).s)).toBe(a);
  });

  it('fails for a changed message, signature, key or user id', () => {
    const signature = sm2Sign(message, signer.privateKey);
    expect(sm2Verify(`${message} `, signature, signer.publicKey)).toBe(false);
    const { r, s } = rs(signature);
    expect(sm2Verify(message, der(r, s ^ 1n), signer.publicKey)).toBe(false);
    expect(sm2Verify(message, der(r ^ 1n, s), signer.publicKey)).toBe(false);
    expect(sm2Verify(message, signature, generateSm2KeyPair().publicKey)).toBe(false);
    expect(sm2Verify(message, signature, signer.publicKey, { userId: 'yongchuan@gov.cn' })).toBe(false);
  });

  it('honours an agreed user id', () => {
    const signature = sm2Sign(message, signer.privateKey, { userId: 'yongchuan@gov.cn' });
    expect(sm2Verify(message, signature, signer.publicKey, { userId: 'yongchuan@gov.cn' })).toBe(true);
    expect(sm2Verify(message, signature, signer.publicKey)).toBe(false);
  });

  it('accepts only the one strict encoding: no s + n, no padding, no trailing bytes', () => {
    const signature = sm2Sign(message, signer.privateKey);
    const { r, s } = rs(signature);
    expect(sm2Verify(message, der(r, s + n), signer.publicKey)).toBe(false);
    expect(sm2Verify(message, der(r + n, s), signer.publicKey)).toBe(false);
    expect(sm2Verify(message, `${signature}00`, signer.publicKey)).toBe(false);
    // the same r with a superfluous leading zero byte
    const padded = signature.replace(/^30(..)02(..)/, (_m, total: string, length: string) => {
      return `30${(parseInt(total, 16) + 1).toString(16).padStart(2, '0')}02${(parseInt(length, 16) + 1).toString(16).padStart(2, '0')}00`;
    });
    expect(sm2Verify(message, padded, signer.publicKey)).toBe(false);
  });

  it('returns false, never throws, for garbage', () => {
    const signature = sm2Sign(message, signer.privateKey);
    for (const bad of ['', 'zz', '3000', '30060201000201', signature.slice(0, -2)]) {
      expect(sm2Verify(message, bad, signer.publicKey)).toBe(false);
    }
    expect(sm2Verify(message, signature, '04' + '00'.repeat(64))).toBe(false); // not on the curve
    expect(sm2Verify(message, signature, signer.publicKey.slice(2))).toBe(false);
    expect(sm2Verify(message, signature, 'not a key')).toBe(false);
  });

  it('refuses an invalid private key', () => {
    expect(() => sm2Sign(message, 'abc')).toThrow(RangeError);
    expect(() => sm2Sign(message, '0'.repeat(64))).toThrow(RangeError);
    expect(() => sm2Sign(message, (n - 1n).toString(16))).toThrow(RangeError);
  });

  it('signs with the signer’s public key given (no derivation), verifiable as any other signature', () => {
    const pair = generateSm2KeyPair();
    const signature = sm2Sign(message, pair.privateKey, { publicKey: pair.publicKey });
    expect(sm2Verify(message, signature, pair.publicKey)).toBe(true);
    // another key's public half makes a signature that verifies under neither key
    const other = generateSm2KeyPair();
    const wrong = sm2Sign(message, pair.privateKey, { publicKey: other.publicKey });
    expect(sm2Verify(message, wrong, pair.publicKey)).toBe(false);
  });
});
