/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * Layout: registering authority (1) + entity type (1) + region (6, GB/T 2260)
 * + organisation code (9, GB 11714) + check character (1).
 * Shared by the server and the React forms: no Node APIs here.
 */

/** The 31 characters the standard allows: digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i (0-based) is 3^i mod 31: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. */
const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export interface Label {
  zh: string;
  en: string;
}

/**
 * Names for display only. Just the codes confirmed in the reference sources are listed;
 * other authorities exist (the standard has been extended since 2015), so an unlisted
 * code gets `name: null` and is NOT refused.
 */
const AUTHORITY_NAMES: Readonly<Record<string, Label>> = {
  '1': { zh: '机构编制', en: 'Establishment administration' },
  '5': { zh: '民政', en: 'Civil affairs' },
  '9': { zh: '市场监管（工商）', en: 'Market regulation' },
  Y: { zh: '其他', en: 'Other' },
};

const ENTITY_TYPE_NAMES: Readonly<Record<string, Label>> = {
  '11': { zh: '机关', en: 'Government agency' },
  '12': { zh: '事业单位', en: 'Public institution' },
  '13': { zh: '中央编办直接管理机构编制的群众团体', en: 'Mass organisation' },
  '19': { zh: '其他', en: 'Other' },
  '51': { zh: '社会团体', en: 'Social organisation' },
  '52': { zh: '民办非企业单位', en: 'Private non-enterprise unit' },
  '53': { zh: '基金会', en: 'Foundation' },
  '59': { zh: '其他', en: 'Other' },
  '91': { zh: '企业', en: 'Enterprise' },
  '92': { zh: '个体工商户', en: 'Individual business' },
  '93': { zh: '农民专业合作社', en: "Farmers' co-operative" },
};

export interface CreditCodeParts {
  authority: { code: string; name: Label | null };
  /** Authority and type together ('91'): the type digit only means something under its authority. */
  entityType: { code: string; name: Label | null };
  region: string;
  organizationCode: string;
}

export type CreditCodeFailure = 'length' | 'format' | 'check-character';

export type CreditCodeResult =
  | ({ ok: true; normalized: string; warning?: 'check-character' } & CreditCodeParts)
  | { ok: false; normalized: string; reason: CreditCodeFailure };

export interface CreditCodeOptions {
  /**
   * Accept a wrong check character with a warning instead of refusing it. Some codes
   * issued in the early Fujian pilot fail the check yet are legally valid; use this
   * where refusing a real organisation costs more than a typo (e.g. importing records),
   * not on forms where the user can correct it.
   */
  warnOnly?: boolean;
}

/** The check character for the first 17 characters (which must be in the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  // The outer mod matters: when the sum is a multiple of 31, 31 - 0 = 31 is not a
  // valid index; the check character is then '0'. (A public TS implementation returns undefined.)
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * Checks a unified social credit code and returns its parts.
 * Normalisation: NFKC (full-width characters), trim, upper case. A lower-case letter
 * is the same code typed carelessly, so it is accepted; I, O, S, V and Z are refused
 * (`format`) because they are not in the alphabet, even though they look like 1, 0, 5, U, 2.
 */
export function validateCreditCode(input: string, options: CreditCodeOptions = {}): CreditCodeResult {
  const normalized = input.normalize('NFKC').trim().toUpperCase();
  if (normalized.length !== 18) return { ok: false, normalized, reason: 'length' };
  if (!FORMAT.test(normalized)) return { ok: false, normalized, reason: 'format' };

  const checkMatches = creditCodeCheckCharacter(normalized) === normalized[17];
  if (!checkMatches && !options.warnOnly) return { ok: false, normalized, reason: 'check-character' };

  const parts = creditCodeParts(normalized);
  return checkMatches ? { ok: true, normalized, ...parts } : { ok: true, normalized, warning: 'check-character', ...parts };
}

function creditCodeParts(code: string): CreditCodeParts {
  const authority = code.slice(0, 1);
  const entityType = code.slice(0, 2);
  return {
    authority: { code: authority, name: AUTHORITY_NAMES[authority] ?? null },
    entityType: { code: entityType, name: ENTITY_TYPE_NAMES[entityType] ?? null },
    region: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
  };
}
