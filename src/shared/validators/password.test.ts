import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, checkPasswordStrength } from './password';

const rules = (password: string) => checkPasswordStrength(password).map((p) => p.rule);

describe('checkPasswordStrength', () => {
  it.each(['Abcdef12', 'abcdef1!', 'ABCDEF1!', 'Abcdefg!', 'correct horse Battery', '永川政务Ab12'])(
    'accepts %j',
    (password) => {
      expect(checkPasswordStrength(password)).toEqual([]);
    },
  );

  it('needs at least 8 characters, counted as characters rather than UTF-16 units', () => {
    expect(rules('Abc12!x')).toEqual(['min-length']);
    expect(rules('')).toEqual(['min-length', 'character-classes']);
    // 7 characters but 8 UTF-16 units (𠮷 is outside the BMP): still too short
    expect(rules('Ab1!xy𠮷')).toEqual(['min-length']);
    expect(rules('Ab1!xyz𠮷')).toEqual([]);
  });

  it('needs 3 of the 4 classes', () => {
    expect(rules('abcdefgh')).toEqual(['character-classes']);
    expect(rules('abcd1234')).toEqual(['character-classes']);
    expect(rules('ABCDabcd')).toEqual(['character-classes']);
    expect(rules('12345678!')).toEqual(['character-classes']);
  });

  it('refuses more than 128 characters, and a 10 MB password without scanning it', () => {
    const limit = 'Aa1!'.repeat(PASSWORD_MAX_LENGTH / 4);
    expect(rules(limit)).toEqual([]);
    expect(rules(`${limit}x`)).toEqual(['max-length']);
    expect(rules('密'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual(['max-length']);
    const started = performance.now();
    expect(rules('a'.repeat(10 * 1024 * 1024))).toEqual(['max-length']);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('explains each failure in Chinese and English', () => {
    for (const problem of checkPasswordStrength('abc')) {
      expect(problem.message.zh).toMatch(/密码/);
      expect(problem.message.en).toMatch(/password/i);
    }
    expect(checkPasswordStrength('abc')[0]!.message.zh).toContain('8');
  });
});
