import { timingSafeEqual } from 'node:crypto';
import { decryptField, sm2Verify, sm3 } from '../../../kernel/crypto';
import type { FieldKeys } from '../../../kernel/crypto';
import { maskIdNumber, maskMiddle, maskName } from '../../../../shared/validators';
import { parseSigned, serialise, type SignedCertificate } from './canonical';
import { certErrors } from './errors';
import { holderContext } from './issue';
import { extractFromPdf } from './pdf/extract';
import { publicKeyOf } from './signing-keys';
import { dayText, maybeDayText, statusOf, type CertificateStatus } from './status';
import type { CertDb } from './tables';

/** What the public verification shows: the verdicts, and the certificate with personal data masked. */
export interface Verification {
  signatureValid: boolean;
  status: CertificateStatus;
  number: string;
  typeName: string;
  holderKind: 'person' | 'legal';
  holder: string;
  holderId: string;
  data: Record<string, string>;
  issuerName: string;
  validFrom: string;
  validUntil: string | null;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

const loadByNumber = (db: CertDb, number: string) =>
  db
    .selectFrom('certificate')
    .select(['id', 'number', 'verify_code', 'type_code', 'type_name', 'holder_name', 'holder_id', 'holder_kind', 'issuer_org_id', 'issuer_name', 'data', 'issued_at', 'signed_content', 'signature', 'public_key', 'status', 'revoked_at', 'revoke_reason', dayText('valid_from').as('valid_from'), maybeDayText('valid_until').as('valid_until')])
    .where('number', '=', number)
    .executeTakeFirst();
type Row = NonNullable<Awaited<ReturnType<typeof loadByNumber>>>;

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The record as it would be signed now: a row edited behind the platform's back no longer matches. */
function recordAsSigned(row: Row, keys: FieldKeys, signedAt: string): SignedCertificate {
  return {
    v: 1,
    number: row.number,
    typeCode: row.type_code,
    typeName: row.type_name,
    holderName: decryptField(keys.encryptionKey, row.holder_name, holderContext),
    holderId: decryptField(keys.encryptionKey, row.holder_id, holderContext),
    holderKind: row.holder_kind,
    issuerOrgId: row.issuer_org_id,
    issuerName: row.issuer_name,
    data: row.data,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    issuedAt: signedAt,
  };
}

/**
 * The signature holds when it verifies with the issuer's registered key (not merely the key copied
 * into the row) AND the record still says what was signed.
 */
async function signatureHolds(db: CertDb, keys: FieldKeys, row: Row): Promise<boolean> {
  const issuerKey = await publicKeyOf(db, row.issuer_org_id);
  const signed = parseSigned(row.signed_content);
  if (!issuerKey || !signed || issuerKey !== row.public_key) return false;
  if (!sm2Verify(row.signed_content, row.signature, issuerKey)) return false;
  try {
    return serialise(recordAsSigned(row, keys, signed.issuedAt)) === row.signed_content && signed.issuedAt === row.issued_at.toISOString();
  } catch {
    return false; // a holder field that no longer decrypts was altered too
  }
}

/** Legal persons' licences are public (双公示); a person's name, ID and printed data are masked. */
function present(row: Row, keys: FieldKeys, signatureValid: boolean): Verification {
  const person = row.holder_kind === 'person';
  let name = '***';
  let id = '******************';
  try {
    name = decryptField(keys.encryptionKey, row.holder_name, holderContext);
    id = decryptField(keys.encryptionKey, row.holder_id, holderContext);
  } catch {
    // unreadable holder fields: shown masked; signatureValid is already false
  }
  const data = Object.fromEntries(Object.entries(row.data).map(([k, v]) => [k, person ? maskMiddle(v, Math.ceil([...v].length / 3), 1) : v]));
  return {
    signatureValid,
    status: statusOf(row),
    number: row.number,
    typeName: row.type_name,
    holderKind: row.holder_kind,
    holder: person ? maskName(name) : name,
    holderId: person ? maskIdNumber(id) : id,
    data,
    issuerName: row.issuer_name,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    issuedAt: row.issued_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokeReason: row.revoke_reason,
  };
}

/** Public check by number AND verification code (from the QR code): an unknown number and a wrong code answer alike. */
export async function verifyByNumber(db: CertDb, keys: FieldKeys, number: string, code: string): Promise<Verification> {
  const row = await loadByNumber(db, number.trim());
  if (!row || !sameText(row.verify_code, code.trim().toUpperCase())) throw certErrors.notVerified();
  return present(row, keys, await signatureHolds(db, keys, row));
}

export type FileProblem = 'content' | 'signature' | 'file';
export type FileVerdict = { result: 'authentic' | 'tampered'; problems: FileProblem[]; certificate: Verification } | { result: 'unknown'; problems: []; certificate: null };

/**
 * Checks an uploaded certificate PDF: the embedded serialisation and signature must be the record's,
 * the signature must hold, and the file must be the very file handed out (SM3 of the bytes): an
 * edited page, an appended revision or altered embedded data all come out "tampered".
 */
export async function verifyPdf(db: CertDb, keys: FieldKeys, bytes: Uint8Array): Promise<FileVerdict> {
  const found = await extractFromPdf(bytes);
  if (!found.ok) {
    if (found.reason === 'not-pdf') throw certErrors.notPdf();
    return { result: 'unknown', problems: [], certificate: null };
  }
  const claimed = parseSigned(found.content);
  const row = claimed ? await loadByNumber(db, claimed.number) : undefined;
  if (!row) return { result: 'unknown', problems: [], certificate: null };
  const problems: FileProblem[] = [];
  if (found.content !== row.signed_content) problems.push('content');
  const issuerKey = await publicKeyOf(db, row.issuer_org_id);
  if (found.signature !== row.signature || !issuerKey || !sm2Verify(found.content, found.signature, issuerKey)) problems.push('signature');
  const kept = await db.selectFrom('certificate_pdf').select('sm3').where('certificate_id', '=', row.id).executeTakeFirst();
  if (!kept || kept.sm3 !== sm3(bytes)) problems.push('file');
  const recordHolds = await signatureHolds(db, keys, row);
  return { result: problems.length === 0 && recordHolds ? 'authentic' : 'tampered', problems, certificate: present(row, keys, recordHolds) };
}
