import type { Kysely } from 'kysely';
import { blindIndex } from '../../../kernel/crypto';
import { indexKeys } from './keyring';
import { maybeDayText, statusOf } from './status';
import type { CertificatesTables } from './tables';

export interface HeldCertificate {
  id: string;
  number: string;
  typeCode: string;
  typeName: string;
  status: 'valid' | 'revoked' | 'expired';
  validUntil: string | null;
}

/**
 * The certificates a person or an organisation holds (plaintext ID number or credit code in,
 * looked up by blind index under both kinds: an 18-character value could be either). For reuse as
 * materials (免提交): a material whose cert_type_code matches a valid certificate is not asked for.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any: callers pass their own module's db or transaction; only this module's table is read, through a cast
export async function certificatesHeldBy(db: Kysely<any>, holderId: string): Promise<HeldCertificate[]> {
  const keys = indexKeys();
  const indexes = [blindIndex(keys.indexKey, holderId, 'id-number'), blindIndex(keys.indexKey, holderId, 'credit-code')];
  const rows = await (db as unknown as Kysely<CertificatesTables>)
    .selectFrom('certificate')
    .select(['id', 'number', 'type_code', 'type_name', 'status', maybeDayText('valid_until').as('valid_until'), 'issued_at'])
    .where('holder_id_index', 'in', indexes)
    .orderBy('issued_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, number: r.number, typeCode: r.type_code, typeName: r.type_name, status: statusOf(r), validUntil: r.valid_until }));
}
