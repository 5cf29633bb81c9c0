import type { Kysely } from 'kysely';
import { maskIdNumber, maskPhone, validateCreditCode, validateIdNumber, validateMobilePhone } from '../../../../shared/validators';
import type { Actor } from '../../../kernel/access';
import { blindIndex, decryptField, encryptField, type FieldKeys } from '../../../kernel/crypto';
import type { FieldError } from '../../../kernel/http/problem';
import type { IdentityTables } from '../../../kernel/identity/tables';
import { applicationErrors } from './errors';
import type { ApplicationRow } from './tables';

/** Who applies: a person (居民身份证) or an organisation (统一社会信用代码), with a phone for notices. */
export interface Applicant {
  kind: 'person' | 'legal';
  name: string;
  /** plaintext, validated and normalised */
  id: string;
  phone: string | null;
  accountId: string | null;
}

const idKind = (kind: Applicant['kind']): 'id-number' | 'credit-code' => (kind === 'person' ? 'id-number' : 'credit-code');
const idContext = 'service_application.applicant_id';
const phoneContext = 'service_application.phone';

/** The signed-in citizen or enterprise, from its verified profile (an online applicant cannot name someone else). */
export async function applicantOf(db: Kysely<IdentityTables>, keys: FieldKeys, actor: Actor, phone: string | undefined): Promise<Applicant> {
  if (actor.kind === 'citizen') {
    const p = await db.selectFrom('citizen_profile').selectAll().where('account_id', '=', actor.accountId).executeTakeFirst();
    if (!p) throw applicationErrors.applicantOnly();
    const own = decryptField(keys.encryptionKey, p.phone_enc, 'phone');
    return { kind: 'person', name: p.real_name, id: decryptField(keys.encryptionKey, p.id_number_enc, 'id-number'), phone: checkedPhone(phone) ?? own, accountId: actor.accountId };
  }
  if (actor.kind === 'enterprise') {
    const p = await db.selectFrom('enterprise_profile').selectAll().where('account_id', '=', actor.accountId).executeTakeFirst();
    if (!p) throw applicationErrors.applicantOnly();
    return { kind: 'legal', name: p.name, id: p.credit_code, phone: checkedPhone(phone), accountId: actor.accountId };
  }
  throw applicationErrors.applicantOnly();
}

function checkedPhone(phone: string | undefined): string | null {
  if (!phone?.trim()) return null;
  const p = validateMobilePhone(phone);
  if (!p.ok) throw applicationErrors.counterApplicant([{ field: '/body/phone', code: 'phone', message: { zh: '手机号码不正确', en: 'wrong mobile number' } }]);
  return p.normalized;
}

/** The applicant the window clerk enters for someone who came in person (ID checked by its check digit). */
export async function counterApplicant(db: Kysely<IdentityTables>, keys: FieldKeys, input: { kind: 'person' | 'legal'; name: string; id: string; phone?: string | undefined }): Promise<Applicant> {
  const errors: FieldError[] = [];
  const id = input.kind === 'person' ? validateIdNumber(input.id) : validateCreditCode(input.id);
  if (!id.ok) errors.push({ field: '/body/applicant/id', code: 'check-digit', message: input.kind === 'person' ? { zh: '居民身份证号码不正确（校验位不符）', en: 'wrong resident ID number' } : { zh: '统一社会信用代码不正确', en: 'wrong unified social credit code' } });
  if (!input.name.trim()) errors.push({ field: '/body/applicant/name', code: 'required', message: { zh: '请填写申请人姓名（名称）', en: 'the applicant’s name is required' } });
  let phone: string | null = null;
  if (input.phone?.trim()) {
    const p = validateMobilePhone(input.phone);
    if (p.ok) phone = p.normalized;
    else errors.push({ field: '/body/applicant/phone', code: 'phone', message: { zh: '手机号码不正确', en: 'wrong mobile number' } });
  }
  if (errors.length > 0 || !id.ok) throw applicationErrors.counterApplicant(errors);
  const normalized = id.normalized;
  // a registered citizen sees the counter application in "my applications" too
  let accountId: string | null = null;
  if (input.kind === 'person') {
    const p = await db.selectFrom('citizen_profile').select('account_id').where('id_number_index', '=', blindIndex(keys.indexKey, normalized, 'id-number')).executeTakeFirst();
    accountId = p?.account_id ?? null;
  } else {
    const p = await db.selectFrom('enterprise_profile').select('account_id').where('credit_code', '=', normalized).executeTakeFirst();
    accountId = p?.account_id ?? null;
  }
  return { kind: input.kind, name: input.name.trim(), id: normalized, phone, accountId };
}

/** The stored form of the applicant's personal fields: SM4-encrypted with keyed SM3 blind indexes. */
export function applicantColumns(keys: FieldKeys, a: Applicant) {
  return {
    applicant_kind: a.kind,
    applicant_name: a.name,
    applicant_account_id: a.accountId,
    applicant_id_enc: encryptField(keys.encryptionKey, a.id, idContext),
    applicant_id_index: blindIndex(keys.indexKey, a.id, idKind(a.kind)),
    phone_enc: a.phone ? encryptField(keys.encryptionKey, a.phone, phoneContext) : null,
    phone_index: a.phone ? blindIndex(keys.indexKey, a.phone, 'phone') : null,
  };
}

export const applicantIdOf = (keys: FieldKeys, row: Pick<ApplicationRow, 'applicant_id_enc'>) => decryptField(keys.encryptionKey, row.applicant_id_enc, idContext);

/** The applicant as staff and the applicant see it: ID and phone masked (the clerk reveals through the identity kernel). */
export function maskedApplicant(keys: FieldKeys, row: ApplicationRow) {
  const id = applicantIdOf(keys, row);
  return {
    kind: row.applicant_kind,
    name: row.applicant_name,
    id: row.applicant_kind === 'person' ? maskIdNumber(id) : id,
    phone: row.phone_enc ? maskPhone(decryptField(keys.encryptionKey, row.phone_enc, phoneContext)) : null,
  };
}

/** Does this ID number (or credit code) or phone belong to the application? Compared by blind index. */
export function matchesApplicant(keys: FieldKeys, row: Pick<ApplicationRow, 'applicant_id_index' | 'applicant_kind' | 'phone_index'>, value: string): boolean {
  const v = value.trim();
  if (/^1[3-9]\d{9}$/.test(v.replace(/[\s-]/g, '').replace(/^\+?86/, ''))) return row.phone_index !== null && blindIndex(keys.indexKey, v, 'phone') === row.phone_index;
  return blindIndex(keys.indexKey, v, idKind(row.applicant_kind)) === row.applicant_id_index;
}
