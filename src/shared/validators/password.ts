/**
 * Password complexity (等保 2.0 level 3 "complex passwords"; the usual assessor setting
 * is 8 or more characters from 3 of the 4 classes). Shared by the server, which
 * enforces it, and the forms, which show the same messages before submitting.
 */

export const PASSWORD_MIN_LENGTH = 8;
/**
 * Upper bound: a password is hashed on every login, so a 10 MB "password" is a cheap
 * way to burn server CPU. 128 is far above any real passphrase.
 */
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordRule = 'min-length' | 'max-length' | 'character-classes';

export interface PasswordProblem {
  rule: PasswordRule;
  message: { zh: string; en: string };
}

/**
 * The four classes. Anything that is not an ASCII letter or digit counts as a symbol,
 * including spaces and Chinese characters: they enlarge the search space just as
 * punctuation does, and refusing them would only confuse users.
 */
const CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/**
 * Returns the rules the password breaks; an empty list means it is acceptable.
 * Lengths count characters (code points), not UTF-16 units, so 密 counts as one.
 * Only complexity is checked here; history, lockout and dictionary checks belong to
 * the account module, which knows the user.
 */
export function checkPasswordStrength(password: string): PasswordProblem[] {
  // Decide "too long" before looking at the content: every code point is at most two
  // UTF-16 units, so more than twice the limit in units is over the limit in characters.
  if (password.length > PASSWORD_MAX_LENGTH * 2 || [...password].length > PASSWORD_MAX_LENGTH) {
    return [
      {
        rule: 'max-length',
        message: {
          zh: `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`,
          en: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long`,
        },
      },
    ];
  }

  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push({
      rule: 'min-length',
      message: {
        zh: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
        en: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
      },
    });
  }
  const classes = CLASSES.filter((pattern) => pattern.test(password)).length;
  if (classes < PASSWORD_MIN_CLASSES) {
    problems.push({
      rule: 'character-classes',
      message: {
        zh: `密码需包含小写字母、大写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类`,
        en: `The password must contain at least ${PASSWORD_MIN_CLASSES} of: lower-case letters, upper-case letters, digits, symbols`,
      },
    });
  }
  return problems;
}
