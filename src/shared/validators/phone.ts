/**
 * Mainland China mobile numbers: 11 digits, `1` then 3–9 (13x–19x; 10x, 11x and 12x
 * are not mobile ranges). Operator prefixes are not checked: new ranges are opened
 * every few years and number portability makes the prefix meaningless anyway.
 * Landlines, Hong Kong/Macau/Taiwan and foreign numbers are out of scope.
 */

export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;

export type MobilePhoneResult = { ok: true; normalized: string } | { ok: false; reason: 'format' };

/**
 * The form people type or paste: full-width digits, spaces and hyphens
 * (`138 1234 5678`, `138-1234-5678`) and the country code (`+86`, `0086`, `86`) removed.
 * The country code is only stripped in front of a full 11-digit number starting with
 * 1, so it can never eat digits of the number itself.
 */
export function normalizeMobilePhone(input: string): string {
  const compact = input.normalize('NFKC').replace(/[\s-]/g, '');
  const withoutCountryCode = /^(?:\+86|0086|86)(1\d{10})$/.exec(compact);
  return withoutCountryCode ? withoutCountryCode[1]! : compact;
}

export function validateMobilePhone(input: string): MobilePhoneResult {
  const normalized = normalizeMobilePhone(input);
  return MOBILE_PHONE_PATTERN.test(normalized) ? { ok: true, normalized } : { ok: false, reason: 'format' };
}
