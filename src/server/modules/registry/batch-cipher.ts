import { createCipheriv, createHash, randomBytes, type Hash } from 'node:crypto';
import { normalizeForIndex, type BlindIndexKind } from '../../kernel/crypto';

/**
 * Field encryption in batches, for the bulk import: the SAME tokens as the kernel's
 * `encryptField` (SM4-GCM, random 96-bit IV, 128-bit tag, `v1.<iv>.<ciphertext>.<tag>`, AAD
 * `yc-field:v1:<context>`), so `decryptField` reads them — batch-cipher.test.ts checks the bytes
 * against the kernel with a fixed IV. Why here: the kernel's per-value path runs SM4 in
 * JavaScript (Node's OpenSSL has no sm4-gcm) at ~10–30k values/s, a third of the import's time
 * budget per row. GCM is CTR plus GHASH, and Node has native SM4: all counter blocks of a batch
 * go through ONE native sm4-ecb call, GHASH runs in JavaScript with the AAD's share precomputed
 * per context. A candidate for kernel/crypto (its owner decides); until then only the import uses it.
 *
 * Limits: values up to 2^32 blocks (always, here) and counter blocks inc32 as GCM requires; the
 * 96-bit IV form only (J0 = IV ‖ 0^31 ‖ 1).
 */

/** 128-bit values as four unsigned 32-bit words, most significant first (GCM bit order). */
type Block = [number, number, number, number];

/** Reduction of the 4 bits shifted out, for the 4-bit table method (as in mbed TLS `gcm_mult`). */
const LAST4 = [0x0000, 0x1c20, 0x3840, 0x2460, 0x7080, 0x6ca0, 0x48c0, 0x54e0, 0xe100, 0xfd20, 0xd940, 0xc560, 0x9180, 0x8da0, 0xa9c0, 0xb5e0];

/** Multiplication by a fixed H in GF(2^128), 4 bits at a time from a 16-entry table of multiples of H. */
class GhashKey {
  private readonly t: Uint32Array; // entry i: words 4i..4i+3 = i·H (bit-reflected nibble order)

  constructor(h: Block) {
    const t = new Uint32Array(64);
    let [v0, v1, v2, v3] = h;
    t.set([v0, v1, v2, v3], 32); // index 8
    for (let i = 4; i > 0; i >>= 1) {
      const carry = v3 & 1;
      v3 = ((v3 >>> 1) | (v2 << 31)) >>> 0;
      v2 = ((v2 >>> 1) | (v1 << 31)) >>> 0;
      v1 = ((v1 >>> 1) | (v0 << 31)) >>> 0;
      v0 = ((v0 >>> 1) ^ (carry ? 0xe1000000 : 0)) >>> 0;
      t.set([v0, v1, v2, v3], i * 4);
    }
    for (let i = 2; i <= 8; i *= 2) {
      for (let j = 1; j < i; j += 1) for (let w = 0; w < 4; w += 1) t[(i + j) * 4 + w] = (t[i * 4 + w]! ^ t[j * 4 + w]!) >>> 0;
    }
    this.t = t;
  }

  /** x·H, x given as 16 bytes at `x[at..at+16]`. */
  mul(x: Uint8Array): Block {
    const t = this.t;
    let z0 = 0, z1 = 0, z2 = 0, z3 = 0;
    for (let i = 15; i >= 0; i -= 1) {
      const byte = x[i]!;
      for (let half = 0; half < 2; half += 1) {
        const nib = half === 0 ? byte & 0xf : byte >>> 4;
        if (!(i === 15 && half === 0)) {
          const rem = z3 & 0xf;
          z3 = ((z3 >>> 4) | (z2 << 28)) >>> 0;
          z2 = ((z2 >>> 4) | (z1 << 28)) >>> 0;
          z1 = ((z1 >>> 4) | (z0 << 28)) >>> 0;
          z0 = ((z0 >>> 4) ^ (LAST4[rem]! << 16)) >>> 0;
        }
        const k = nib * 4;
        z0 = (z0 ^ t[k]!) >>> 0;
        z1 = (z1 ^ t[k + 1]!) >>> 0;
        z2 = (z2 ^ t[k + 2]!) >>> 0;
        z3 = (z3 ^ t[k + 3]!) >>> 0;
      }
    }
    return [z0, z1, z2, z3];
  }
}

const scratch = new Uint8Array(16);
const scratchView = new DataView(scratch.buffer);

/** GHASH over `data` (zero-padded to whole blocks), continuing from `y`. */
function ghash(g: GhashKey, y: Block, data: Uint8Array): Block {
  let acc = y;
  for (let at = 0; at < data.length; at += 16) {
    scratch.fill(0);
    scratch.set(data.subarray(at, Math.min(at + 16, data.length)));
    for (let w = 0; w < 4; w += 1) scratchView.setUint32(w * 4, (scratchView.getUint32(w * 4) ^ acc[w]!) >>> 0);
    acc = g.mul(scratch);
  }
  return acc;
}

function mulBlock(g: GhashKey, b: Block): Block {
  for (let w = 0; w < 4; w += 1) scratchView.setUint32(w * 4, b[w]!);
  return g.mul(scratch);
}

const readBlock = (b: Uint8Array): Block => {
  const d = new DataView(b.buffer, b.byteOffset, 16);
  return [d.getUint32(0), d.getUint32(4), d.getUint32(8), d.getUint32(12)];
};

export class BatchFieldCipher {
  private readonly g: GhashKey;
  private readonly afterAad = new Map<string, { y: Block; aadBits: number }>();

  constructor(private readonly key: Uint8Array) {
    const e = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const hBytes = Buffer.concat([e.update(Buffer.alloc(16)), e.final()]);
    this.g = new GhashKey(readBlock(hBytes));
  }

  private aadState(context: string) {
    let s = this.afterAad.get(context);
    if (!s) {
      const aad = Buffer.from(`yc-field:v1:${context}`, 'utf8');
      s = { y: ghash(this.g, [0, 0, 0, 0], aad), aadBits: aad.length * 8 };
      this.afterAad.set(context, s);
    }
    return s;
  }

  /** Encrypts many values under one context; `ivs` only for tests (12 bytes each). */
  encryptAll(values: readonly string[], context: string, ivs?: readonly Uint8Array[]): string[] {
    const plains = values.map((v) => Buffer.from(v, 'utf8'));
    const blocks = plains.map((p) => 1 + Math.ceil(p.length / 16));
    const total = blocks.reduce((a, b) => a + b, 0);
    const counters = Buffer.alloc(total * 16);
    const random = ivs ? null : randomBytes(12 * values.length);
    const ivOf = (i: number) => (ivs ? Buffer.from(ivs[i]!) : random!.subarray(i * 12, i * 12 + 12));
    let at = 0;
    for (let i = 0; i < plains.length; i += 1) {
      const iv = ivOf(i);
      for (let c = 0; c < blocks[i]!; c += 1) {
        iv.copy(counters, at);
        counters.writeUInt32BE(c + 1, at + 12); // J0 = IV ‖ 1, then inc32 per block
        at += 16;
      }
    }
    const e = createCipheriv('sm4-ecb', this.key, null).setAutoPadding(false);
    const stream = Buffer.concat([e.update(counters), e.final()]);
    const { y: start, aadBits } = this.aadState(context);
    const out: string[] = new Array(values.length);
    at = 0;
    for (let i = 0; i < plains.length; i += 1) {
      const p = plains[i]!;
      const mask = stream.subarray(at, at + 16);
      const ct = Buffer.allocUnsafe(p.length);
      for (let k = 0; k < p.length; k += 1) ct[k] = p[k]! ^ stream[at + 16 + k]!;
      let y = ghash(this.g, start, ct);
      const ctBits = p.length * 8;
      // length block: 64-bit AAD bits ‖ 64-bit ciphertext bits (both well under 2^32 here)
      y = mulBlock(this.g, [y[0], (y[1] ^ aadBits) >>> 0, y[2], (y[3] ^ ctBits) >>> 0]);
      const tag = Buffer.alloc(16);
      for (let w = 0; w < 4; w += 1) tag.writeUInt32BE((y[w]! ^ mask.readUInt32BE(w * 4)) >>> 0, w * 4);
      out[i] = `v1.${ivOf(i).toString('base64url')}.${ct.toString('base64url')}.${tag.toString('base64url')}`;
      at += blocks[i]! * 16;
    }
    return out;
  }
}

/**
 * The kernel's `blindIndex(key, value, kind)` (HMAC-SM3 of `kind NUL normalized`), with the
 * keyed inner and outer SM3 states computed once and copied per value (RFC 2104 with a
 * 64-byte block). Same hex as the kernel (checked in the test).
 */
export class BatchBlindIndex {
  private readonly inner: Hash;
  private readonly outer: Hash;

  constructor(key: Uint8Array, private readonly kind: BlindIndexKind) {
    const block = Buffer.alloc(64);
    Buffer.from(key).copy(block);
    this.inner = createHash('sm3').update(block.map((b) => b ^ 0x36));
    this.outer = createHash('sm3').update(block.map((b) => b ^ 0x5c));
  }

  of(value: string): string {
    const inner = this.inner.copy().update(`${this.kind}\u0000${normalizeForIndex(value, this.kind)}`, 'utf8').digest();
    return this.outer.copy().update(inner).digest('hex');
  }
}
