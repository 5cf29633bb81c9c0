/**
 * Resident identity number (居民身份证号码), GB 11643-1999.
 *
 * Layout: region (6, GB/T 2260) + birth date (YYYYMMDD) + sequence (3; odd = male,
 * even = female) + check character (ISO 7064 MOD 11-2).
 * Residence permits for Hong Kong, Macau and Taiwan residents (810000/820000/830000)
 * and the new foreigner permanent-residence ID (starting with 9) use the same layout
 * and checksum, so they pass too.
 *
 * Shared by the server and the React forms: no Node APIs here.
 */

export type IdNumberFailure = 'length' | 'format' | 'birth-date' | 'check-digit';

export type IdNumberResult =
  | { ok: true; normalized: string; birthDate: string; sex: 'male' | 'female'; region: string }
  | { ok: false; reason: IdNumberFailure };

export interface IdNumberOptions {
  /** The current instant, for the "not born in the future" rule; defaults to now (tests pin it). */
  now?: Date;
}

/**
 * The earliest accepted birth year. 1800 rather than 1900 because the standard's own
 * example, 440524188001010014, was born in 1880; nobody alive was born before 1900,
 * but historical records (archives, family registers) still carry such numbers.
 */
export const EARLIEST_BIRTH_YEAR = 1800;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Index = weighted sum mod 11. */
const CHECK_CHARACTERS = '10X98765432';

/** China has used UTC+8 all year since 1992: "today" for a birth date means Beijing time. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The check character for the first 17 digits (which must be digits). */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Checks a resident ID number and returns its parts.
 *
 * Normalisation: NFKC (full-width digits and `Ｘ` from Chinese input methods become
 * ASCII), surrounding spaces trimmed, and a lower-case `x` accepted as `X`. The issue
 * lists lower-case x as bad input to try; we accept it because the card prints an
 * upper-case X and a lower-case one is only ever a typing slip, never a different
 * number. `normalized` always carries the upper-case form, so store that.
 *
 * 15-digit numbers (the pre-1999 format) and 17-digit strings are refused with
 * `length`: first-generation cards expired in 2013, and converting them is a separate
 * decision. Unknown region codes are NOT refused: division codes change every year
 * and a number keeps the code of where it was first issued (Yongchuan was 500383
 * before it became a district in 2006), so a code table would lock out real residents.
 */
export function validateIdNumber(input: string, options: IdNumberOptions = {}): IdNumberResult {
  const normalized = input.normalize('NFKC').trim().toUpperCase();
  if (normalized.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(normalized)) return { ok: false, reason: 'format' };

  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isPlausibleBirthDate(birthDate, options.now ?? new Date())) return { ok: false, reason: 'birth-date' };

  if (idNumberCheckCharacter(normalized) !== normalized[17]) return { ok: false, reason: 'check-digit' };

  return {
    ok: true,
    normalized,
    birthDate,
    sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
    region: normalized.slice(0, 6),
  };
}

/** A real calendar date, not before EARLIEST_BIRTH_YEAR and not after today in Beijing time. */
function isPlausibleBirthDate(isoDate: string, now: Date): boolean {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  if (year < EARLIEST_BIRTH_YEAR) return false;
  // Date.UTC rolls 02-30 over to 03-02; a round trip that changes the date means it does not exist.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const todayInShanghai = new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  // Both are YYYY-MM-DD, so string order is date order. A baby born today may be registered today.
  return isoDate <= todayInShanghai;
}
