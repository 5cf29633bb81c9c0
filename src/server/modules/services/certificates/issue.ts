import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { blindIndex, encryptField, sm2Sign } from '../../../kernel/crypto';
import { appendAudit } from '../../../kernel/audit/write';
import { ownTables } from '../../../kernel/db/database';
import type { Kernel } from '../../../kernel/module';
import type { WorkflowDb } from '../../../kernel/workflow';
import { validateCreditCode, validateIdNumber } from '../../../../shared/validators';
import { orgService, type OrgTables } from '../../org';
import { serialise, type SignedCertificate } from './canonical';
import { certErrors, certField } from './errors';
import { signingKeyOf } from './signing-keys';
import type { CertTx } from './tables';
import { rememberKeys } from './keyring';
import { typeForIssue } from './types';

export interface CertificateToIssue {
  /** 证照类型代码, e.g. the catalogue's cert_type_code (issuer credit code + 3 digits) */
  typeCode: string;
  /** e.g. 食品经营许可证 */
  typeName: string;
  holderName: string;
  /** plaintext 18-char ID number or 18-char unified social credit code; stored encrypted + blind index */
  holderId: string;
  holderKind: 'person' | 'legal';
  /** the deciding department (org id) */
  issuerOrgId: string;
  /** the certificate's printed fields (e.g. 经营场所, 经营项目) */
  data: Record<string, string>;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD or null (long-term 长期) */
  validUntil: string | null;
  /** the application it came from */
  applicationId: string | null;
}

export const holderIndexKind = (kind: 'person' | 'legal'): 'id-number' | 'credit-code' => (kind === 'person' ? 'id-number' : 'credit-code');
export const holderContext = 'certificate.holder';

/** Verification codes avoid look-alike characters (0/O, 1/I/L): people type them from paper. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newVerifyCode(length = 10): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

function check(input: CertificateToIssue): string {
  const errors: ReturnType<typeof certField>[] = [];
  const id = input.holderKind === 'person' ? validateIdNumber(input.holderId) : validateCreditCode(input.holderId);
  if (!id.ok) errors.push(certField('/holderId', id.reason, '证件号码不正确', 'wrong ID number or credit code'));
  if (!input.holderName.trim()) errors.push(certField('/holderName', 'required', '持证者名称必填', 'the holder is required'));
  if (!/^[0-9A-Z]{18}\d{3}$/.test(input.typeCode)) errors.push(certField('/typeCode', 'format', '证照类型代码应为发证机关统一社会信用代码加 3 位序号', 'the type code is the issuer’s credit code + 3 digits'));
  if (!input.typeName.trim()) errors.push(certField('/typeName', 'required', '证照名称必填', 'the type name is required'));
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(input.validFrom) || Number.isNaN(Date.parse(input.validFrom))) errors.push(certField('/validFrom', 'date', '有效期起始日期不正确', 'wrong start date'));
  if (input.validUntil !== null && (!day.test(input.validUntil) || Number.isNaN(Date.parse(input.validUntil)) || input.validUntil < input.validFrom)) {
    errors.push(certField('/validUntil', 'date', '有效期截止日期不正确', 'wrong end date'));
  }
  for (const [k, v] of Object.entries(input.data)) if (typeof v !== 'string' || !k.trim()) errors.push(certField(`/data/${k}`, 'text', '证照字段必须是文字', 'printed fields are text'));
  if (errors.length > 0) throw certErrors.invalidIssue(errors);
  return id.ok ? id.normalized : input.holderId;
}

/** Next number of the type for the year: prefix + year + 6 digits, e.g. JY15001182026000042. */
async function nextNumber(tx: CertTx, typeCode: string, prefix: string, year: number): Promise<string> {
  const row = await tx
    .insertInto('certificate_sequence')
    .values({ type_code: typeCode, year, last: 1 })
    .onConflict((oc) => oc.columns(['type_code', 'year']).doUpdateSet((eb) => ({ last: eb('certificate_sequence.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}${year}${String(row.last).padStart(6, '0')}`;
}

/**
 * 制证: records a certificate inside the caller's transaction (the approval's workflow hook), signed
 * with the issuing organisation's SM2 key over its canonical serialisation. The holder's name and
 * ID are stored encrypted, the ID with a blind index for "my certificates" and reuse as materials.
 * The PDF is made when first downloaded (pdf/store.ts): an approval does not wait for rendering.
 */
export async function issueCertificate(kernel: Kernel, trx: WorkflowDb | CertTx, input: CertificateToIssue): Promise<{ id: string; number: string }> {
  const tx = trx as unknown as CertTx;
  rememberKeys(kernel.keys);
  const holderId = check(input);
  const issuer = await orgService.get(ownTables<OrgTables>(kernel.database), input.issuerOrgId).catch(() => null);
  if (!issuer) throw certErrors.invalidIssue([certField('/issuerOrgId', 'org', '发证机关不存在', 'no such issuing organisation')]);
  const type = await typeForIssue(tx, input.typeCode, input.typeName, input.issuerOrgId);
  const issuedAt = new Date();
  const number = await nextNumber(tx, type.code, type.number_prefix, Number(input.validFrom.slice(0, 4)));
  const signed: SignedCertificate = {
    v: 1,
    number,
    typeCode: type.code,
    typeName: input.typeName,
    holderName: input.holderName.trim(),
    holderId,
    holderKind: input.holderKind,
    issuerOrgId: input.issuerOrgId,
    issuerName: issuer.name,
    data: input.data,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    issuedAt: issuedAt.toISOString(),
  };
  const content = serialise(signed);
  const key = await signingKeyOf(tx as never, kernel.keys, input.issuerOrgId);
  const id = uuidv7();
  const keys = kernel.keys;
  await tx
    .insertInto('certificate')
    .values({
      id,
      number,
      verify_code: newVerifyCode(),
      type_code: type.code,
      type_name: input.typeName,
      holder_name: encryptField(keys.encryptionKey, signed.holderName, holderContext),
      holder_id: encryptField(keys.encryptionKey, holderId, holderContext),
      holder_id_index: blindIndex(keys.indexKey, holderId, holderIndexKind(input.holderKind)),
      holder_kind: input.holderKind,
      issuer_org_id: input.issuerOrgId,
      issuer_name: issuer.name,
      data: JSON.stringify(input.data) as never,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      issued_at: issuedAt,
      application_id: input.applicationId,
      signed_content: content,
      signature: sm2Sign(content, key.privateKey),
      public_key: key.publicKey,
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
    })
    .execute();
  await appendAudit(tx, { action: 'services.certificate.issue', objectType: 'certificate', objectId: id, orgId: input.issuerOrgId, details: { number, typeCode: type.code, applicationId: input.applicationId } });
  await kernel.events.publish(tx, 'services.certificate.issued', { id, number, typeCode: type.code, issuerOrgId: input.issuerOrgId, applicationId: input.applicationId });
  return { id, number };
}
