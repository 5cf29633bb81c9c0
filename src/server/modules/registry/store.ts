import { sql } from 'kysely';
import { blindIndex, decryptField, encryptField, type FieldKeys } from '../../kernel/crypto';
import type { RegisterKey } from './fields';
import type { Plain } from './rules';
import type { RegistryDb } from './tables';

/**
 * All SQL of the registers' records and versions. Records cross this boundary as plain maps
 * (decrypted); encryption and the blind index happen here, so nothing above sees ciphertext.
 */
type Keys = Pick<FieldKeys, 'encryptionKey' | 'indexKey'>;
type Table = 'registry_person' | 'registry_legal' | 'registry_place';

export const tableOf: Record<RegisterKey, Table> = { persons: 'registry_person', 'legal-persons': 'registry_legal', places: 'registry_place' };

/** AAD contexts: a ciphertext copied into another column does not decrypt. */
export const ctxIdNumber = 'registry_person.id_number';
export const ctxPhone = 'registry_person.phone';

/** plain key → column, for the columns stored as they are */
const columns: Record<RegisterKey, Record<string, string>> = {
  persons: { name: 'name', sex: 'sex', birthDate: 'birth_date', householdAddress: 'household_address', status: 'status' },
  'legal-persons': { name: 'name', creditCode: 'credit_code', entityType: 'entity_type', legalRep: 'legal_rep', registeredAddress: 'registered_address', status: 'status', industryCode: 'industry_code', establishedOn: 'established_on' },
  places: { address: 'address', street: 'street', community: 'community', road: 'road', houseNo: 'house_no', lng: 'lng', lat: 'lat', unitGridCode: 'unit_grid_code', status: 'status' },
};

export interface RecordMeta {
  id: string;
  version: number;
  sourceOrgId: string;
  updatedAt: Date;
}
export type Row = Record<string, unknown>;

export function toRow(register: RegisterKey, plain: Plain, keys: Keys): Row {
  const row: Row = {};
  for (const [key, column] of Object.entries(columns[register])) row[column] = plain[key] ?? null;
  if (register === 'persons') {
    const id = String(plain.idNumber);
    row.id_number_enc = encryptField(keys.encryptionKey, id, ctxIdNumber);
    row.id_number_index = blindIndex(keys.indexKey, id, 'id-number');
    row.phone_enc = plain.phone ? encryptField(keys.encryptionKey, String(plain.phone), ctxPhone) : null;
  }
  return row;
}

/** The fields stored as they are (no decryption). */
export function fromColumns(register: RegisterKey, row: Row): Plain {
  const plain: Plain = {};
  for (const [key, column] of Object.entries(columns[register])) {
    const value = row[column];
    plain[key] = value instanceof Date ? value.toISOString().slice(0, 10) : (value as string | number | null);
  }
  return plain;
}

export function fromRow(register: RegisterKey, row: Row, keys: Keys): { plain: Plain; meta: RecordMeta } {
  const plain = fromColumns(register, row);
  if (register === 'persons') {
    plain.idNumber = decryptField(keys.encryptionKey, String(row.id_number_enc), ctxIdNumber);
    plain.phone = row.phone_enc ? decryptField(keys.encryptionKey, String(row.phone_enc), ctxPhone) : null;
  }
  return { plain, meta: { id: String(row.id), version: Number(row.version), sourceOrgId: String(row.source_org_id), updatedAt: row.updated_at as Date } };
}

// Kysely cannot type a table chosen at run time: the casts below name one of the three tables, used only through their common columns.

export const recordStore = {
  async get(db: RegistryDb, register: RegisterKey, id: string, lock = false): Promise<Row | undefined> {
    let q = db.selectFrom(tableOf[register] as 'registry_person').selectAll().where('id', '=', id);
    if (lock) q = q.forUpdate();
    return (await q.executeTakeFirst()) as Row | undefined;
  },

  /** The id of another record with the same identifier (ID number, credit code, standard address). */
  async sameKey(db: RegistryDb, register: RegisterKey, row: Row, exceptId?: string): Promise<string | null> {
    const [table, column] = register === 'persons' ? ['registry_person', 'id_number_index'] : register === 'legal-persons' ? ['registry_legal', 'credit_code'] : ['registry_place', 'address'];
    const found = await sql<{ id: string }>`SELECT id FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${row[column]} AND id <> ${exceptId ?? '00000000-0000-0000-0000-000000000000'}::uuid LIMIT 1`.execute(db);
    return found.rows[0]?.id ?? null;
  },

  async insert(db: RegistryDb, register: RegisterKey, id: string, row: Row, sourceOrgId: string): Promise<void> {
    await db.insertInto(tableOf[register] as 'registry_person').values({ ...row, id, source_org_id: sourceOrgId } as never).execute();
  },

  async update(db: RegistryDb, register: RegisterKey, id: string, row: Row, sourceOrgId: string, version: number): Promise<void> {
    await db.updateTable(tableOf[register] as 'registry_person').set({ ...row, source_org_id: sourceOrgId, version, updated_at: new Date() } as never).where('id', '=', id).execute();
  },

  async addVersion(db: RegistryDb, v: { register: RegisterKey; recordId: string; version: number; actorId: string | null; actorName: string | null; sourceOrgId: string; kind: 'create' | 'update' | 'import' | 'correction'; reason: string | null; changes: Record<string, unknown> }): Promise<void> {
    await db
      .insertInto('registry_version')
      .values({ register: v.register, record_id: v.recordId, version: v.version, actor_id: v.actorId, actor_name: v.actorName, source_org_id: v.sourceOrgId, kind: v.kind, reason: v.reason, changes: sql`${JSON.stringify(v.changes)}::jsonb` as never })
      .execute();
  },

  history(db: RegistryDb, register: RegisterKey, id: string) {
    return db.selectFrom('registry_version').selectAll().where('register', '=', register).where('record_id', '=', id).orderBy('version', 'desc').execute();
  },
};

export interface SearchQuery {
  idNumber?: string | undefined;
  creditCode?: string | undefined;
  name?: string | undefined;
  address?: string | undefined;
  page: number;
  pageSize: number;
}

/** `%` and `_` typed by a user are searched for literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of a register, newest first; ID numbers only exactly (blind index), names by prefix, addresses by contained text. */
export async function searchRecords(db: RegistryDb, register: RegisterKey, q: SearchQuery, keys: Keys): Promise<{ rows: Row[]; total: number }> {
  const table = tableOf[register];
  const where = [sql`true`];
  if (q.idNumber !== undefined) where.push(register === 'persons' ? sql`id_number_index = ${blindIndex(keys.indexKey, q.idNumber, 'id-number')}` : sql`false`);
  if (q.creditCode !== undefined) where.push(register === 'legal-persons' ? sql`credit_code = ${q.creditCode.normalize('NFKC').trim().toUpperCase()}` : sql`false`);
  if (q.name !== undefined) where.push(register === 'places' ? sql`false` : sql`name LIKE ${`${likeEscape(q.name.trim())}%`}`);
  if (q.address !== undefined) {
    const column = register === 'persons' ? 'household_address' : register === 'legal-persons' ? 'registered_address' : 'address';
    where.push(sql`${sql.ref(column)} LIKE ${`%${likeEscape(q.address.trim())}%`}`);
  }
  const condition = sql.join(where, sql` AND `);
  const rows = await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE ${condition} ORDER BY created_at DESC, id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  const total = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${condition}`.execute(db);
  return { rows: rows.rows, total: Number(total.rows[0]!.n) };
}
