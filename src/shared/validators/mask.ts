/**
 * Masking personal data for the UI, logs and exports (PIPL Art. 51 de-identification;
 * the patterns are common practice, not a national rule).
 *
 * These never throw: they run in log serialisers and table cells, where a malformed
 * value must still come out masked rather than crash the page or leak unmasked.
 * Input too short to keep both ends visible is masked completely.
 */

type Maybe = string | null | undefined;

/** `500118199001011234` → `500118********1234`: region and last four stay visible. */
export function maskIdNumber(value: Maybe): string {
  return maskMiddle(value, 6, 4);
}

/** `13812345678` → `138****5678`. */
export function maskPhone(value: Maybe): string {
  return maskMiddle(value, 3, 4);
}

/** `张三丰` → `张**`, `张三` → `张*`: only the first character (usually the surname) stays. */
export function maskName(value: Maybe): string {
  const chars = toChars(value);
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * Keeps `keepStart` and `keepEnd` characters and replaces the rest with `*`, one per
 * character, so the masked value still shows its length (people recognise an ID by it).
 */
export function maskMiddle(value: Maybe, keepStart: number, keepEnd: number): string {
  const chars = toChars(value);
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(chars.length);
  return (
    chars.slice(0, keepStart).join('') +
    '*'.repeat(chars.length - keepStart - keepEnd) +
    chars.slice(chars.length - keepEnd).join('')
  );
}

/** Code points, so a rare character outside the BMP (𠮷) is masked as one, never split in half. */
function toChars(value: Maybe): string[] {
  if (typeof value !== 'string') return [];
  return [...value.trim()];
}
