import type { Translate } from '../../i18n';

/** The exchange call a system makes, as a curl line to copy: with the key just issued, or placeholders. */
export function exchangeExample(t: Translate, secret?: string): string {
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return [
    `curl -H "Authorization: Bearer ${secret ?? t('sharing.usage.key')}" \\`,
    `  "${origin}/exchange/v1/resources/${t('sharing.usage.resource')}/records?${t('sharing.usage.query')}"`,
  ].join('\n');
}
