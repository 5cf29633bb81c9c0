import type { RuleObject } from 'antd/es/form';
import { checkPasswordStrength } from '../../shared/validators';
import type { Lang } from '../i18n';

/** antd form rule with the server's own password-strength messages, in the current language. */
export function passwordStrengthRule(lang: Lang): RuleObject {
  return {
    validator: async (_rule, value: unknown) => {
      const problems = checkPasswordStrength(typeof value === 'string' ? value : '');
      if (problems.length > 0) throw new Error(problems.map((p) => p.message[lang]).join('；'));
    },
  };
}
