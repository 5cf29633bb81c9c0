import { randomBytes } from 'node:crypto';

/**
 * UUID v7 (RFC 9562) for a batch of rows from one `randomBytes` call: the uuid package draws
 * random bytes per id, which costs as much as encrypting a field on the import's path.
 * Layout: 48-bit Unix ms, version 7, 12 random bits, variant 10, 62 random bits.
 */
export function uuidV7Batch(n: number, now = Date.now()): string[] {
  const random = randomBytes(10 * n);
  const time = now.toString(16).padStart(12, '0');
  const head = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i += 1) {
    const r = random.subarray(i * 10, i * 10 + 10);
    r[2] = (r[2]! & 0x3f) | 0x80; // variant 10
    const hex = r.toString('hex');
    out[i] = `${head}${hex.slice(0, 3)}-${hex.slice(4, 8)}-${hex.slice(8, 20)}`;
  }
  return out;
}
