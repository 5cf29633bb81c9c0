/**
 * The fixed vocabularies of the catalogue (cn-domain §2): item types with their two-digit code
 * (the first element of the item code), levels, handling kinds, target users, material forms, and
 * the life events (一件事) and topics (主题) that the portal filters by. Labels in both languages.
 */
export interface Label {
  zh: string;
  en: string;
}

/** The 10 types of the power list (权力清单) and 公共服务; `code` opens every item code. */
export const itemTypes = {
  licensing: { code: '01', zh: '行政许可', en: 'Administrative licensing' },
  penalty: { code: '02', zh: '行政处罚', en: 'Administrative penalty' },
  coercion: { code: '03', zh: '行政强制', en: 'Administrative coercion' },
  levy: { code: '04', zh: '行政征收', en: 'Administrative levy' },
  payment: { code: '05', zh: '行政给付', en: 'Administrative benefit' },
  inspection: { code: '06', zh: '行政检查', en: 'Administrative inspection' },
  confirmation: { code: '07', zh: '行政确认', en: 'Administrative confirmation' },
  award: { code: '08', zh: '行政奖励', en: 'Administrative award' },
  ruling: { code: '09', zh: '行政裁决', en: 'Administrative ruling' },
  other: { code: '10', zh: '其他行政权力', en: 'Other administrative power' },
  public_service: { code: '20', zh: '公共服务', en: 'Public service' },
} as const satisfies Record<string, Label & { code: string }>;
export type ItemType = keyof typeof itemTypes;
export const itemTypeKeys = Object.keys(itemTypes) as ItemType[];
/** Items a person applies for (依申请): the scope of online handling and 好差评. */
export const applicationTypes: ReadonlySet<ItemType> = new Set(['licensing', 'payment', 'confirmation', 'award', 'ruling', 'other', 'public_service']);

/** 三级全覆盖: district departments, town/street service centres, village/community stations. */
export const levels = {
  district: { digit: '1', zh: '区级', en: 'District' },
  town: { digit: '2', zh: '镇街级', en: 'Town / street' },
  village: { digit: '3', zh: '村（社区）级', en: 'Village / community' },
} as const satisfies Record<string, Label & { digit: string }>;
export type Level = keyof typeof levels;
export const levelKeys = Object.keys(levels) as Level[];

export type Tier = 'main' | 'sub' | 'handling';

/** 业务办理项 and their two-digit code at the end of the item code. */
export const handlingKinds = {
  new: { code: '01', zh: '新设', en: 'New' },
  change: { code: '02', zh: '变更', en: 'Change' },
  renew: { code: '03', zh: '延续', en: 'Renewal' },
  cancel: { code: '04', zh: '注销', en: 'Cancellation' },
} as const satisfies Record<string, Label & { code: string }>;
export type HandlingKind = keyof typeof handlingKinds;
export const handlingKindKeys = Object.keys(handlingKinds) as HandlingKind[];

export const targetUsers = {
  natural: { zh: '自然人', en: 'Individuals' },
  legal: { zh: '法人', en: 'Legal persons' },
} as const satisfies Record<string, Label>;
export type TargetUser = keyof typeof targetUsers;

export const materialForms = {
  paper: { zh: '纸质', en: 'Paper' },
  electronic: { zh: '电子', en: 'Electronic' },
  either: { zh: '纸质或电子', en: 'Paper or electronic' },
} as const satisfies Record<string, Label>;
export type MaterialForm = keyof typeof materialForms;

/** 一件事 (life events): what a person wants to get done, across departments. */
export const lifeEvents: Record<string, Label> = {
  'open-restaurant': { zh: '我要开餐馆', en: 'Open a restaurant' },
  'start-business': { zh: '创业', en: 'Start a business' },
  'build-house': { zh: '我要建房', en: 'Build a house' },
  birth: { zh: '生育', en: 'Having a baby' },
  marriage: { zh: '婚姻', en: 'Marriage' },
  employment: { zh: '就业', en: 'Employment' },
  retirement: { zh: '退休', en: 'Retirement' },
  hardship: { zh: '生活困难', en: 'Hardship' },
  housing: { zh: '住房', en: 'Housing' },
  medical: { zh: '就医', en: 'Medical care' },
  transport: { zh: '出行', en: 'Getting around' },
};

/** 主题 (topics) of the portal. */
export const topics: Record<string, Label> = {
  'market-access': { zh: '市场准入', en: 'Market access' },
  construction: { zh: '工程建设', en: 'Construction' },
  'social-insurance': { zh: '社会保险', en: 'Social insurance' },
  'social-assistance': { zh: '社会救助', en: 'Social assistance' },
  'city-management': { zh: '城市管理', en: 'City management' },
  health: { zh: '医疗卫生', en: 'Health' },
  'public-security': { zh: '公安户政', en: 'Police and household registration' },
  'housing-fund': { zh: '住房公积金', en: 'Housing provident fund' },
  'rural-affairs': { zh: '农业农村', en: 'Rural affairs' },
  transport: { zh: '交通运输', en: 'Transport' },
  'civil-affairs': { zh: '婚姻登记', en: 'Marriage registration' },
  employment: { zh: '就业创业', en: 'Jobs and enterprise' },
};
