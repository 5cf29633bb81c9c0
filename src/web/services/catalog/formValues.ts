import type { Draft, ItemUpdate, NewItem } from '../../api/services';

type Fields = Omit<ItemUpdate, 'revision'>;

/** What the editor's form holds: the item's elements, with the fee in yuan (people think in yuan, the API counts fen). */
export type FormValues = Omit<Fields, 'feeFen' | 'responsibility'> & {
  feeYuan: number;
  duties: Array<{ stage: string; content: string }>;
  accountability: string;
  type?: NewItem['type'];
  parentId?: string | null;
  handlingKind?: NewItem['handlingKind'];
};

const standardDuties = ['受理责任', '审查责任', '决定责任', '送达责任', '事后监管责任'];

/** A new main item of `departmentId`, with the usual defaults filled in. */
export function blankItem(departmentId: string, departmentName: string): FormValues {
  return {
    type: 'licensing',
    parentId: null,
    handlingKind: null,
    name: '',
    competentOrgId: departmentId,
    implementingOrgId: departmentId,
    implementer: departmentName,
    level: 'district',
    legalBasis: '',
    targetUsers: ['natural', 'legal'],
    conditions: '',
    resultName: '',
    steps: [{ name: '受理', days: 1, description: '' }],
    statutoryDays: 20,
    promisedDays: 5,
    instant: false,
    feeYuan: 0,
    feeBasis: '不收费',
    place: '永川区政务服务中心',
    hours: '周一至周五 9:00—12:00，13:30—17:30（法定节假日除外）',
    enquiryPhone: '',
    complaintPhone: '12345',
    visits: 0,
    onlineDepth: 4,
    online: false,
    lifeEvents: [],
    topics: [],
    keywords: [],
    materials: [],
    duties: standardDuties.map((stage) => ({ stage, content: '' })),
    accountability: '',
  };
}

export function draftToForm(d: Draft): FormValues {
  const { feeFen, responsibility, id: _i, code: _c, tier: _t, parent: _p, department: _d, status: _s, version: _v, revision: _r, dirty: _di, publishedAt: _pu, updatedAt: _u, parentId: _pi, ...fields } = d;
  return { ...fields, feeYuan: feeFen / 100, duties: responsibility?.duties ?? [], accountability: responsibility?.accountability ?? '' };
}

/** The form's values as the API's body (every element; responsibility null when none is given). */
export function formToFields(v: FormValues): Fields {
  const { feeYuan, duties, accountability, type: _t, parentId: _p, handlingKind: _h, ...rest } = v;
  const filled = (duties ?? []).filter((d) => d.stage?.trim() && d.content?.trim());
  return {
    ...rest,
    statutoryDays: rest.statutoryDays ?? null,
    implementingOrgId: rest.implementingOrgId ?? null,
    keywords: rest.keywords ?? [],
    lifeEvents: rest.lifeEvents ?? [],
    topics: rest.topics ?? [],
    steps: (rest.steps ?? []).map((s) => ({ name: s.name, days: s.days ?? null, description: s.description ?? '' })),
    materials: (rest.materials ?? []).map((m) => ({ ...m, note: m.note ?? '', sampleFileId: m.sampleFileId || null, sharedSource: m.sharedSource || null, certTypeCode: m.certTypeCode || null, certName: m.certName || null })),
    feeFen: Math.round((feeYuan ?? 0) * 100),
    responsibility: filled.length > 0 || accountability?.trim() ? { duties: filled, accountability: accountability ?? '' } : null,
  };
}

/** Where a server field error belongs in the form: `/body/materials/0/copies` → ['materials', 0, 'copies']. */
export function formPath(field: string): Array<string | number> | null {
  const parts = field.replace(/^\/body\/?/, '').split('/').filter(Boolean);
  if (parts.length === 0) return null;
  if (parts[0] === 'feeFen') return ['feeYuan'];
  if (parts[0] === 'responsibility') return parts[1] === 'accountability' ? ['accountability'] : parts[1] === 'duties' && parts[2] ? ['duties', Number(parts[2]), ...parts.slice(3)] : ['duties'];
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
