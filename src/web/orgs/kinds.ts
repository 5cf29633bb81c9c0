import type { MessageKey, Translate } from '../i18n';

export const ORG_KINDS = ['district', 'department', 'street', 'town', 'community', 'village'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export function isOrgKind(kind: string): kind is OrgKind {
  return (ORG_KINDS as readonly string[]).includes(kind);
}

function kindKey(kind: OrgKind): MessageKey {
  return `kind.${kind}`;
}

/** Localized label of an organisation kind (unknown kinds shown as sent). */
export function kindLabel(t: Translate, kind: string): string {
  return isOrgKind(kind) ? t(kindKey(kind)) : kind;
}

/** antd Tag colour per kind, so kinds are recognisable at a glance. */
export const KIND_COLORS: Readonly<Record<OrgKind, string>> = {
  district: 'red',
  department: 'blue',
  street: 'green',
  town: 'cyan',
  community: 'gold',
  village: 'orange',
};

export function kindColor(kind: string): string | undefined {
  return isOrgKind(kind) ? KIND_COLORS[kind] : undefined;
}
