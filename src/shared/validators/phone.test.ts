import { describe, expect, it } from 'vitest';
import { validateMobilePhone } from './phone';

describe('validateMobilePhone', () => {
  it.each(['13812345678', '19912345678', '16600000000', '14700000000'])('accepts %s', (phone) => {
    expect(validateMobilePhone(phone)).toEqual({ ok: true, normalized: phone });
  });

  it.each([
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('normalises %j', (input, normalized) => {
    expect(validateMobilePhone(input)).toEqual({ ok: true, normalized });
  });

  it.each([
    '',
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '12812345678', // 12x is not a mobile range
    '10086000000',
    '23812345678',
    '023-12345678', // a Chongqing landline
    '1381234567a',
    '+8513812345678',
  ])('refuses %j', (input) => {
    expect(validateMobilePhone(input)).toEqual({ ok: false, reason: 'format' });
  });
});
