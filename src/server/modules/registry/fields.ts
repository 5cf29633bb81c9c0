import { maskIdNumber, maskMiddle, maskName, maskPhone } from '../../../shared/validators/mask';

/**
 * The schema of each register (GovStack Digital Registries: a schema per register, access per
 * field). Records travel as `{ field: value }` maps so that a field not granted to the reader is
 * simply absent. Field names are the API names; the store maps them to columns.
 */
export type RegisterKey = 'persons' | 'legal-persons' | 'places';
export const registerKeys: readonly RegisterKey[] = ['persons', 'legal-persons', 'places'];

export interface FieldDef {
  key: string;
  zh: string;
  en: string;
  /** personal information (个人信息): masked by default, reads audited, clear only through an audited reveal */
  personal?: (value: string) => string;
  /** computed from another field (sex and birth date from the ID number): never written directly */
  derived?: boolean;
}

export interface RegisterDef {
  key: RegisterKey;
  zh: string;
  en: string;
  /** the department that owns the register and decides objections (责任部门) */
  owner: string;
  fields: readonly FieldDef[];
}

/** `重庆市永川区中山路街道…` keeps the first 9 characters (district and street), the rest starred. */
const maskAddress = (value: string) => maskMiddle(value, Math.min(9, Math.max(0, [...value].length - 1)), 0);
const maskDate = (value: string) => `${value.slice(0, 4)}-**-**`;

export const registers: Record<RegisterKey, RegisterDef> = {
  persons: {
    key: 'persons',
    zh: '自然人',
    en: 'Natural persons',
    owner: '区公安局',
    fields: [
      { key: 'name', zh: '姓名', en: 'Name', personal: maskName },
      { key: 'idNumber', zh: '身份证号', en: 'ID number', personal: maskIdNumber },
      { key: 'sex', zh: '性别', en: 'Sex', derived: true },
      { key: 'birthDate', zh: '出生日期', en: 'Birth date', derived: true, personal: maskDate },
      { key: 'householdAddress', zh: '户籍地址', en: 'Household registration address', personal: maskAddress },
      { key: 'phone', zh: '联系电话', en: 'Contact phone', personal: maskPhone },
      { key: 'status', zh: '状态', en: 'Status' },
      { key: 'sourceOrg', zh: '来源部门', en: 'Source department', derived: true },
    ],
  },
  'legal-persons': {
    key: 'legal-persons',
    zh: '法人',
    en: 'Legal persons',
    owner: '区市场监管局',
    fields: [
      { key: 'name', zh: '名称', en: 'Name' },
      { key: 'creditCode', zh: '统一社会信用代码', en: 'Unified social credit code' },
      { key: 'entityType', zh: '机构类型', en: 'Entity type', derived: true },
      { key: 'legalRep', zh: '法定代表人', en: 'Legal representative' },
      { key: 'registeredAddress', zh: '注册地址', en: 'Registered address' },
      { key: 'status', zh: '登记状态', en: 'Status' },
      { key: 'industryCode', zh: '行业代码', en: 'Industry code (GB/T 4754)' },
      { key: 'establishedOn', zh: '成立日期', en: 'Established on' },
      { key: 'sourceOrg', zh: '来源部门', en: 'Source department', derived: true },
    ],
  },
  places: {
    key: 'places',
    zh: '地理空间（标准地址）',
    en: 'Places (standard addresses)',
    owner: '区规划自然资源局',
    fields: [
      { key: 'address', zh: '标准地址', en: 'Standard address', derived: true },
      { key: 'street', zh: '街道（镇）', en: 'Street or town' },
      { key: 'community', zh: '社区（村）', en: 'Community or village' },
      { key: 'road', zh: '路（街、巷）', en: 'Road' },
      { key: 'houseNo', zh: '门牌号', en: 'House number' },
      { key: 'lng', zh: '经度', en: 'Longitude' },
      { key: 'lat', zh: '纬度', en: 'Latitude' },
      { key: 'unitGridCode', zh: '单元网格', en: 'Unit grid', derived: true },
      { key: 'status', zh: '状态', en: 'Status' },
      { key: 'sourceOrg', zh: '来源部门', en: 'Source department', derived: true },
    ],
  },
};

export const statusValues: Record<RegisterKey, Record<string, { zh: string; en: string }>> = {
  persons: { normal: { zh: '正常', en: 'Normal' }, deceased: { zh: '死亡', en: 'Deceased' }, moved_out: { zh: '迁出', en: 'Moved out' }, cancelled: { zh: '注销', en: 'Cancelled' } },
  'legal-persons': { active: { zh: '存续', en: 'Active' }, deregistered: { zh: '注销', en: 'Deregistered' }, revoked: { zh: '吊销', en: 'Licence revoked' } },
  places: { active: { zh: '有效', en: 'Active' }, retired: { zh: '已废止', en: 'Retired' } },
};

/** Status as written in a CSV or form: the code or its Chinese label. */
export function statusOf(register: RegisterKey, input: string): string | null {
  const values = statusValues[register];
  const text = input.trim();
  if (text === '') return Object.keys(values)[0]!;
  if (values[text]) return text;
  return Object.entries(values).find(([, label]) => label.zh === text)?.[0] ?? null;
}

export function fieldOf(register: RegisterKey, key: string): FieldDef | undefined {
  return registers[register].fields.find((f) => f.key === key);
}

export const isPersonal = (register: RegisterKey, key: string) => fieldOf(register, key)?.personal !== undefined;
