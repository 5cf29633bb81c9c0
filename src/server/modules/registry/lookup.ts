import { sql } from 'kysely';
import { blindIndex, decryptField, normalizeForIndex } from '../../kernel/crypto';
import { statusValues, type RegisterKey } from './fields';
import type { Plain } from './rules';
import { ctxPhone, fromColumns, tableOf, type Row } from './store';
import type { RegistryDeps } from './deps';

/** The field each register is looked up by (its identifier). */
export const lookupKeyOf: Record<RegisterKey, string> = { persons: 'idNumber', 'legal-persons': 'creditCode', places: 'address' };

const sexLabel: Record<string, string> = { male: '男', female: '女' };

/**
 * One record by its identifier, in clear, for a system that was granted it (the sharing module
 * decides what may leave and logs it). One indexed read: the ID number through its blind index.
 * Only the encrypted fields in `wanted` are decrypted (data minimisation, and SM4-GCM is most of
 * the cost): a person's ID number is the one asked by — the blind index matched its normalised
 * form, which is how it was stored — and the phone is decrypted only when asked for. Coded values
 * leave as their Chinese labels (状态 正常, 性别 男), as a using department reads them.
 */
export async function lookupRecord(deps: RegistryDeps, register: RegisterKey, value: string, wanted?: ReadonlySet<string>): Promise<Plain | null> {
  const [column, key] =
    register === 'persons'
      ? ['id_number_index', blindIndex(deps.kernel.keys.indexKey, value, 'id-number')]
      : register === 'legal-persons'
        ? ['credit_code', normalizeForIndex(value, 'credit-code')]
        : ['address', normalizeForIndex(value, 'text')];
  const found = await sql<Row>`SELECT * FROM ${sql.table(tableOf[register])} WHERE ${sql.ref(column)} = ${key} LIMIT 1`.execute(deps.db);
  const row = found.rows[0];
  if (!row) return null;
  const plain = fromColumns(register, row);
  if (register === 'persons') {
    plain.idNumber = normalizeForIndex(value, 'id-number');
    plain.phone = (!wanted || wanted.has('phone')) && row.phone_enc ? decryptField(deps.kernel.keys.encryptionKey, String(row.phone_enc), ctxPhone) : null;
  }
  if (typeof plain.status === 'string') plain.status = statusValues[register][plain.status]?.zh ?? plain.status;
  if (typeof plain.sex === 'string') plain.sex = sexLabel[plain.sex] ?? plain.sex;
  return plain;
}
