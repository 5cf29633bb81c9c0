import { validateCreditCode, validateIdNumber, validateMobilePhone } from '../../../shared/validators';
import { statusOf, type RegisterKey } from './fields';

/**
 * The rules of each register's fields, shared by forms, corrections and the CSV import. Values
 * are "plain" (decrypted, domain names); store.ts turns them into rows. A failure names the
 * field and says why, so the import can report it per row and the API per field.
 */
export type Plain = Record<string, string | number | null>;
export interface Failure {
  field: string;
  code: string;
  zh: string;
  en: string;
}
export type Checked = { ok: true; plain: Plain } | { ok: false; failure: Failure };

const fail = (field: string, code: string, zh: string, en: string): Checked => ({ ok: false, failure: { field, code, zh, en } });
const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).normalize('NFKC').trim());
const opt = (value: unknown) => text(value) || null;

const idReasons: Record<string, [string, string]> = {
  length: ['身份证号应为 18 位', 'an ID number has 18 characters'],
  format: ['身份证号格式错误', 'malformed ID number'],
  'birth-date': ['身份证号中的出生日期无效', 'the birth date in the ID number is invalid'],
  'check-digit': ['身份证号校验码错误', 'wrong check digit'],
};
const codeReasons: Record<string, [string, string]> = {
  length: ['统一社会信用代码应为 18 位', 'a credit code has 18 characters'],
  format: ['统一社会信用代码含非法字符', 'illegal characters in the credit code'],
  'check-character': ['统一社会信用代码校验码错误', 'wrong check character'],
};

/** GB/T 4754: a section letter alone, or with the 2-, 3- or 4-digit class code. */
const INDUSTRY = /^[A-T]([0-9]{2,4})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The whole record after applying `patch` to `current` (null: a new record). Derived fields are recomputed. */
export function checkRecord(register: RegisterKey, current: Plain | null, patch: Plain): Checked {
  const next: Plain = { ...(current ?? {}), ...patch };
  switch (register) {
    case 'persons':
      return checkPerson(next);
    case 'legal-persons':
      return checkLegal(next);
    case 'places':
      return checkPlace(next);
  }
}

function checkPerson(v: Plain): Checked {
  const name = text(v.name);
  if (!name || [...name].length > 50) return fail('name', 'name', '姓名必填，最多 50 字', 'name is required, at most 50 characters');
  const id = validateIdNumber(text(v.idNumber));
  if (!id.ok) return fail('idNumber', id.reason, ...idReasons[id.reason]!);
  let phone: string | null = null;
  if (text(v.phone)) {
    const p = validateMobilePhone(text(v.phone));
    if (!p.ok) return fail('phone', 'phone', '手机号码格式错误', 'malformed mobile number');
    phone = p.normalized;
  }
  const status = statusOf('persons', text(v.status));
  if (!status) return fail('status', 'status', '状态应为 正常/死亡/迁出/注销', 'status must be 正常/死亡/迁出/注销');
  const address = opt(v.householdAddress);
  if (address && [...address].length > 200) return fail('householdAddress', 'length', '地址最多 200 字', 'at most 200 characters');
  return { ok: true, plain: { name, idNumber: id.normalized, sex: id.sex, birthDate: id.birthDate, householdAddress: address, phone, status } };
}

function checkLegal(v: Plain): Checked {
  const name = text(v.name);
  if (!name || [...name].length > 100) return fail('name', 'name', '名称必填，最多 100 字', 'name is required, at most 100 characters');
  const code = validateCreditCode(text(v.creditCode));
  if (!code.ok) return fail('creditCode', code.reason, ...codeReasons[code.reason]!);
  const status = statusOf('legal-persons', text(v.status));
  if (!status) return fail('status', 'status', '状态应为 存续/注销/吊销', 'status must be 存续/注销/吊销');
  const industry = opt(v.industryCode)?.toUpperCase() ?? null;
  if (industry && !INDUSTRY.test(industry)) return fail('industryCode', 'industry', '行业代码应符合 GB/T 4754（如 C1531）', 'industry code as in GB/T 4754 (e.g. C1531)');
  const established = opt(v.establishedOn);
  if (established && (!DATE.test(established) || Number.isNaN(Date.parse(established)))) return fail('establishedOn', 'date', '成立日期格式应为 YYYY-MM-DD', 'date as YYYY-MM-DD');
  return {
    ok: true,
    plain: { name, creditCode: code.normalized, entityType: code.entityType.code, legalRep: opt(v.legalRep), registeredAddress: opt(v.registeredAddress), status, industryCode: industry, establishedOn: established },
  };
}

function checkPlace(v: Plain): Checked {
  const parts = ['street', 'community', 'road', 'houseNo'] as const;
  for (const p of parts) if (!text(v[p]) || [...text(v[p])].length > 40) return fail(p, 'required', '地址各级必填，每级最多 40 字', 'every address part is required, at most 40 characters');
  const lng = Number(v.lng);
  const lat = Number(v.lat);
  if (!Number.isFinite(lng) || lng < 73 || lng > 136) return fail('lng', 'lng', '经度无效', 'invalid longitude');
  if (!Number.isFinite(lat) || lat < 3 || lat > 54) return fail('lat', 'lat', '纬度无效', 'invalid latitude');
  const status = statusOf('places', text(v.status));
  if (!status) return fail('status', 'status', '状态应为 有效/已废止', 'status must be 有效/已废止');
  const [street, community, road, houseNo] = parts.map((p) => text(v[p]));
  // 标准地址: 区-街镇-社区-路-号 (the district is implied: every place is in Yongchuan)
  const address = `重庆市永川区${street}${community}${road}${houseNo}${/号$/.test(houseNo!) ? '' : '号'}`;
  return { ok: true, plain: { address, street: street!, community: community!, road: road!, houseNo: houseNo!, lng, lat, status, unitGridCode: v.unitGridCode ?? null } };
}
