/**
 * Byte helpers for the crypto wrappers. sm-crypto-v2 reads a string argument as
 * UTF-8 in some functions and as hex in others (sm3 data vs. HMAC key), so every
 * wrapper converts to bytes here and hands the library only Uint8Array.
 */

export type BytesLike = Uint8Array | string;

const encoder = new TextEncoder();

/** Strings are UTF-8 text, never hex: `utf8('abc')` is 3 bytes. */
export function utf8(data: BytesLike): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new TypeError('not an even-length hexadecimal string');
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}
