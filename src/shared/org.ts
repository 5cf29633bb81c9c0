/** Kinds of organisation in the administrative tree (区县 → 部门 | 街道/镇 → 社区/村). */
export const orgKinds = ['district', 'department', 'street', 'town', 'community', 'village'] as const;
export type OrgKind = (typeof orgKinds)[number];

export const orgKindLabels: Record<OrgKind, { zh: string; en: string }> = {
  district: { zh: '区县', en: 'District' },
  department: { zh: '部门', en: 'Department' },
  street: { zh: '街道', en: 'Street' },
  town: { zh: '镇', en: 'Town' },
  community: { zh: '社区', en: 'Community' },
  village: { zh: '村', en: 'Village' },
};

/** Which kinds may sit directly under which: the shape of a Chinese district's administration. */
export const allowedChildKinds: Record<OrgKind, readonly OrgKind[]> = {
  district: ['department', 'street', 'town'],
  // internal divisions of a department (科室) are departments too
  department: ['department'],
  street: ['community', 'village'],
  town: ['community', 'village'],
  community: [],
  village: [],
};
