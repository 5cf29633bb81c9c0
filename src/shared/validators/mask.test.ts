import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskMiddle, maskName, maskPhone } from './mask';

describe('masking', () => {
  it('masks an ID number keeping the region and the last four', () => {
    expect(maskIdNumber('500118199001011234')).toBe('500118********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks a mobile number keeping the first three and last four', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks a name keeping the first character', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳修')).toBe('欧**');
    expect(maskName('𠮷田')).toBe('𠮷*'); // a character outside the BMP is not split
  });

  it('handles short, empty and missing input without throwing, masking it completely', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('12345678901')).toBe('123456*8901');
    expect(maskPhone('1381234')).toBe('*******');
    expect(maskPhone('  13812345678 ')).toBe('138****5678');
    expect(maskName('张')).toBe('*');
    for (const mask of [maskIdNumber, maskPhone, maskName]) {
      expect(mask('')).toBe('');
      expect(mask(null)).toBe('');
      expect(mask(undefined)).toBe('');
    }
    expect(maskMiddle('abc', 0, 0)).toBe('***');
  });
});
