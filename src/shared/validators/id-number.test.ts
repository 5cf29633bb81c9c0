import { describe, expect, it } from 'vitest';
import { EARLIEST_BIRTH_YEAR, idNumberCheckCharacter, validateIdNumber } from './id-number';

describe('validateIdNumber', () => {
  it.each([
    // the standard's own examples (cn-domain §5)
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['440524188001010014', '1880-01-01', 'male', '440524'],
    ['34052419800101001X', '1980-01-01', 'male', '340524'],
    ['513231200012121657', '2000-12-12', 'male', '513231'],
  ])('accepts %s', (input, birthDate, sex, region) => {
    expect(validateIdNumber(input)).toEqual({ ok: true, normalized: input, birthDate, sex, region });
  });

  it('accepts a lower-case x and a pasted, full-width number, and normalises them', () => {
    expect(validateIdNumber('11010519491231002x')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
    expect(validateIdNumber(' １１０１０５１９４９１２３１００２Ｘ ')).toMatchObject({
      ok: true,
      normalized: '11010519491231002X',
    });
  });

  it.each([
    ['', 'length'],
    ['110105491231002', 'length'], // the old 15-digit format
    ['11010519491231002', 'length'], // 17 digits: check character missing
    ['11010519491231002XX', 'length'],
    ['1101051949123100XX', 'format'], // X only in the last place
    ['11010519491231002Y', 'format'],
    ['1101051949-231002X', 'format'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(validateIdNumber(input)).toEqual({ ok: false, reason });
  });

  it('refuses a wrong check character', () => {
    expect(validateIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'check-digit' });
    expect(validateIdNumber('513231200012121658')).toEqual({ ok: false, reason: 'check-digit' });
  });

  it('refuses impossible birth dates before checking the checksum', () => {
    const withDate = (date: string) => {
      const first17 = `500118${date}123`;
      return first17 + idNumberCheckCharacter(first17);
    };
    expect(validateIdNumber(withDate('19900230'))).toEqual({ ok: false, reason: 'birth-date' });
    expect(validateIdNumber(withDate('19901301'))).toEqual({ ok: false, reason: 'birth-date' });
    expect(validateIdNumber(withDate('19000229'))).toEqual({ ok: false, reason: 'birth-date' }); // 1900 was not a leap year
    expect(validateIdNumber(withDate('20000229'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(validateIdNumber(withDate(`${EARLIEST_BIRTH_YEAR - 1}1231`))).toEqual({ ok: false, reason: 'birth-date' });
    expect(validateIdNumber(withDate(`${EARLIEST_BIRTH_YEAR}0101`))).toMatchObject({ ok: true });
  });

  it('refuses a birth date in the future, judged by the calendar in Beijing', () => {
    const bornOn = (date: string) => {
      const first17 = `500118${date}124`;
      return first17 + idNumberCheckCharacter(first17);
    };
    // 2026-03-01 00:30 in Beijing is still 2026-02-28 in UTC: a baby born that night is valid.
    const now = new Date('2026-02-28T16:30:00Z');
    expect(validateIdNumber(bornOn('20260301'), { now })).toMatchObject({ ok: true, sex: 'female' });
    expect(validateIdNumber(bornOn('20260302'), { now })).toEqual({ ok: false, reason: 'birth-date' });
  });

  it('does not refuse region codes it does not know', () => {
    const first17 = '99999919900101123';
    expect(validateIdNumber(first17 + idNumberCheckCharacter(first17))).toMatchObject({ ok: true, region: '999999' });
  });
});
