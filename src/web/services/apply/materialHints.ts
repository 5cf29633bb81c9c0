import type { Material } from '../../api/services';
import type { Translate } from '../../i18n';

/** Why a material may need no upload: an electronic certificate one holds, shared data, or the online form. */
export function freeHint(t: Translate, m: Material, hasForm: boolean): string | null {
  if (m.certName) return t('apply.material.certFree', { name: m.certName });
  if (m.sharedSource) return t('apply.material.sharedFree', { source: m.sharedSource });
  if (hasForm && m.form === 'electronic' && m.copies === 0 && /申请(书|表)/.test(m.name)) return t('apply.material.formFree');
  return null;
}
