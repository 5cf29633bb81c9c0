import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex } from './blind-index';
import { hmacSm3 } from './sm3';

const key = new Uint8Array(randomBytes(16));

describe('blindIndex', () => {
  it('is HMAC-SM3 over the kind and the normalised value', () => {
    expect(blindIndex(key, ' 11010519491231002x ', 'id-number')).toBe(hmacSm3(key, 'id-number\u000011010519491231002X'));
    expect(blindIndex(key, '11010519491231002X', 'id-number')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds the same value however it was typed', () => {
    const id = blindIndex(key, '11010519491231002X', 'id-number');
    expect(blindIndex(key, '11010519491231002x', 'id-number')).toBe(id);
    expect(blindIndex(key, '１１０１０５１９４９１２３１００２Ｘ', 'id-number')).toBe(id);
    const phone = blindIndex(key, '13812345678', 'phone');
    expect(blindIndex(key, '+86 138-1234-5678', 'phone')).toBe(phone);
    expect(blindIndex(key, '9144030071526726xg', 'credit-code')).toBe(blindIndex(key, '9144030071526726XG', 'credit-code'));
    expect(blindIndex(key, ' 张三 ')).toBe(blindIndex(key, '张三'));
  });

  it('keeps the case of text, separates kinds, and depends on the key', () => {
    expect(blindIndex(key, 'Li Lei')).not.toBe(blindIndex(key, 'LI LEI'));
    expect(blindIndex(key, '13812345678', 'phone')).not.toBe(blindIndex(key, '13812345678', 'text'));
    expect(blindIndex(new Uint8Array(randomBytes(16)), '张三')).not.toBe(blindIndex(key, '张三'));
  });

  it('refuses a short key', () => {
    expect(() => blindIndex(new Uint8Array(8), 'x')).toThrow(RangeError);
  });
});
