import type { GrantScope } from '../../api/admin';
import type { MessageKey, Translate } from '../../i18n';

export const SCOPES: readonly GrantScope[] = ['own', 'subtree', 'district'];

const KEYS: Record<GrantScope, MessageKey> = { own: 'roles.scope.own', subtree: 'roles.scope.subtree', district: 'roles.scope.district' };

/** 本机构 / 本机构及下级 / 全区 in the current language (the raw value for unknown scopes). */
export function scopeLabel(t: Translate, scope: string): string {
  return scope in KEYS ? t(KEYS[scope as GrantScope]) : scope;
}
