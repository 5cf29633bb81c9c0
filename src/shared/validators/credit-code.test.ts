import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, validateCreditCode } from './credit-code';

/** Independent of the implementation: weights written out as in cn-domain §5. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const weightedSum = (first17: string) =>
  [...first17].reduce((sum, c, i) => sum + CREDIT_CODE_ALPHABET.indexOf(c) * WEIGHTS[i]!, 0);

describe('validateCreditCode', () => {
  it.each([
    '914403001922038216',
    '9144030071526726XG',
    '91330100716105852F',
    '91110000600037341L',
    '91350100M000100Y43',
    '11500226MB1D37341C', // a Chongqing government body
  ])('accepts %s', (code) => {
    expect(validateCreditCode(code)).toMatchObject({ ok: true, normalized: code });
    expect(validateCreditCode(code)).not.toHaveProperty('warning');
  });

  it('returns the parts with their names', () => {
    expect(validateCreditCode('11500226MB1D37341C')).toEqual({
      ok: true,
      normalized: '11500226MB1D37341C',
      authority: { code: '1', name: { zh: '机构编制', en: 'Establishment administration' } },
      entityType: { code: '11', name: { zh: '机关', en: 'Government agency' } },
      region: '500226',
      organizationCode: 'MB1D37341',
    });
    expect(validateCreditCode('914403001922038216')).toMatchObject({
      authority: { code: '9' },
      entityType: { code: '91', name: { zh: '企业' } },
    });
  });

  it('uses the outer mod: a code whose weighted sum is a multiple of 31 has check character 0', () => {
    // Constructed for this test: the 17th character W was chosen so that the sum is 2790 = 90 × 31.
    const first17 = '91500118MA5YC0Q7W';
    expect(weightedSum(first17) % 31).toBe(0);
    expect(creditCodeCheckCharacter(first17)).toBe('0');
    expect(validateCreditCode(`${first17}0`)).toMatchObject({ ok: true });
    expect(validateCreditCode(`${first17}Y`)).toMatchObject({ ok: false, reason: 'check-character' });
  });

  it('normalises case, full-width characters and surrounding spaces', () => {
    expect(validateCreditCode(' 9144030071526726xg ')).toMatchObject({ ok: true, normalized: '9144030071526726XG' });
    expect(validateCreditCode('９１１１００００６０００３７３４１Ｌ')).toMatchObject({ ok: true });
  });

  it.each([
    ['91440300192203821', 'length'],
    ['9144030019220382166', 'length'],
    ['', 'length'],
    ['91440300I92203821O', 'format'], // I and O look like 1 and 0 but are not in the alphabet
    ['9144030071526726SG', 'format'],
    ['9144030071526726VG', 'format'],
    ['9144030071526726ZG', 'format'],
    ['914403001922038217', 'check-character'],
  ])('refuses %j (%s)', (code, reason) => {
    expect(validateCreditCode(code)).toMatchObject({ ok: false, reason });
  });

  it('in warn-only mode accepts a failing check character with a warning (early Fujian pilot codes)', () => {
    expect(validateCreditCode('914403001922038217', { warnOnly: true })).toMatchObject({
      ok: true,
      warning: 'check-character',
      authority: { code: '9' },
    });
    // warn-only relaxes the check character only, not the format
    expect(validateCreditCode('91440300I922038216', { warnOnly: true })).toMatchObject({ ok: false, reason: 'format' });
  });

  it('does not refuse an authority it has no name for', () => {
    const first17 = 'N2500118MA5YC0Q7W';
    expect(validateCreditCode(first17 + creditCodeCheckCharacter(first17))).toMatchObject({
      ok: true,
      authority: { code: 'N', name: null },
      entityType: { code: 'N2', name: null },
    });
  });
});
