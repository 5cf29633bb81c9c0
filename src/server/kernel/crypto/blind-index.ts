import { normalizeMobilePhone } from '../../../shared/validators/phone';
import { hmacSm3 } from './sm3';

/**
 * Blind index: a keyed hash stored next to an encrypted field so the exact value can
 * be looked up (`WHERE id_number_index = $1`) without decrypting every row.
 *
 * Keyed (HMAC-SM3) rather than a plain hash: ID numbers and phone numbers have so few
 * possible values that an unkeyed SM3 could be reversed by trying them all. The key
 * must differ from the encryption key (keys.ts derives both from one secret), so that
 * leaking one does not weaken the other.
 */

export type BlindIndexKind = 'id-number' | 'credit-code' | 'phone' | 'text';

const MIN_KEY_BYTES = 16;

/**
 * The form that is indexed, so the same value typed differently finds the same row:
 * NFKC (full-width input) and trim for all; upper case for ID numbers and credit codes
 * (x and X are the same check character); phone numbers without spaces, hyphens or +86.
 * Text keeps its case: names and addresses are compared as written.
 */
export function normalizeForIndex(value: string, kind: BlindIndexKind): string {
  switch (kind) {
    case 'id-number':
    case 'credit-code':
      return value.normalize('NFKC').trim().toUpperCase();
    case 'phone':
      return normalizeMobilePhone(value);
    case 'text':
      return value.normalize('NFKC').trim();
  }
}

/**
 * 64 hex characters. The kind is part of the hashed input, so the same string indexed
 * as a phone number and as text gives unrelated values: columns cannot be joined on
 * their indexes. Search with the same kind the value was stored with.
 */
export function blindIndex(key: Uint8Array, value: string, kind: BlindIndexKind = 'text'): string {
  if (!(key instanceof Uint8Array) || key.length < MIN_KEY_BYTES) {
    throw new RangeError(`a blind-index key must be at least ${MIN_KEY_BYTES} bytes`);
  }
  return hmacSm3(key, `${kind}\u0000${normalizeForIndex(value, kind)}`);
}
