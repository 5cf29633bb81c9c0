import { sql } from 'kysely';
import type { RegisterKey } from './fields';

/**
 * The SQL of the CSV import's fast path: rows are COPYed into a temporary staging table (dropped
 * at commit), checked for duplicates there in set operations, then moved into the register with
 * one INSERT … SELECT, their first versions with another.
 */
export type ImportRegister = Extract<RegisterKey, 'persons' | 'legal-persons'>;

export const stagingColumns: Record<ImportRegister, string[]> = {
  persons: ['line', 'id', 'name', 'id_number_enc', 'id_number_index', 'sex', 'birth_date', 'household_address', 'phone_enc', 'status'],
  'legal-persons': ['line', 'id', 'name', 'credit_code', 'entity_type', 'legal_rep', 'registered_address', 'status', 'industry_code', 'established_on'],
};

const target: Record<ImportRegister, { table: string; key: string }> = {
  persons: { table: 'registry_person', key: 'id_number_index' },
  'legal-persons': { table: 'registry_legal', key: 'credit_code' },
};

export function createStagingSql(register: ImportRegister): string {
  const types: Record<string, string> = { line: 'integer', id: 'uuid', birth_date: 'date', established_on: 'date' };
  const cols = stagingColumns[register].map((c) => `${c} ${types[c] ?? 'text'}`).join(', ');
  return `CREATE TEMP TABLE registry_stage (${cols}) ON COMMIT DROP`;
}

export const copySql = (register: ImportRegister) => `COPY registry_stage (${stagingColumns[register].join(', ')}) FROM STDIN`;

/** Lines whose identifier repeats an earlier line of the file (the first one stays), with that first line. */
export const duplicatesInFileSql = (register: ImportRegister) =>
  `SELECT line, first FROM (SELECT line, min(line) OVER (PARTITION BY ${target[register].key}) AS first FROM registry_stage) d WHERE line <> first ORDER BY line`;

/** Lines whose identifier is already in the register. */
export const duplicatesInRegisterSql = (register: ImportRegister) =>
  `SELECT s.line FROM registry_stage s JOIN ${target[register].table} r ON r.${target[register].key} = s.${target[register].key} ORDER BY s.line`;

/** For "valid rows only": removes both kinds of duplicates from the staging table. */
export const dropDuplicatesSql = (register: ImportRegister) => [
  `DELETE FROM registry_stage s USING ${target[register].table} r WHERE r.${target[register].key} = s.${target[register].key}`,
  `DELETE FROM registry_stage WHERE line IN (SELECT line FROM (SELECT line, min(line) OVER (PARTITION BY ${target[register].key}) AS first FROM registry_stage) d WHERE line <> first)`,
];

/** Personal fields appear in a version by name only (see present.ts `diff`). */
const changesSql: Record<ImportRegister, string> = {
  persons: `'{"name":{"changed":true},"idNumber":{"changed":true},"birthDate":{"changed":true},"householdAddress":{"changed":true},"phone":{"changed":true}}'::jsonb || jsonb_build_object('sex', jsonb_build_object('from', null, 'to', sex), 'status', jsonb_build_object('from', null, 'to', status))`,
  'legal-persons': `jsonb_strip_nulls(jsonb_build_object('name', jsonb_build_object('from', null, 'to', name), 'creditCode', jsonb_build_object('from', null, 'to', credit_code), 'entityType', jsonb_build_object('from', null, 'to', entity_type), 'legalRep', jsonb_build_object('from', null, 'to', legal_rep), 'registeredAddress', jsonb_build_object('from', null, 'to', registered_address), 'status', jsonb_build_object('from', null, 'to', status), 'industryCode', jsonb_build_object('from', null, 'to', industry_code), 'establishedOn', jsonb_build_object('from', null, 'to', established_on)))`,
};

export function moveIntoRegister(register: ImportRegister, sourceOrgId: string, actorId: string, actorName: string, importId: string) {
  const cols = stagingColumns[register].filter((c) => c !== 'line');
  const list = sql.raw(cols.join(', '));
  return [
    sql`INSERT INTO ${sql.table(target[register].table)} (${list}, source_org_id) SELECT ${list}, ${sourceOrgId}::uuid FROM registry_stage`,
    sql`INSERT INTO registry_version (register, record_id, version, actor_id, actor_name, source_org_id, kind, reason, changes)
        SELECT ${register}, id, 1, ${actorId}::uuid, ${actorName}, ${sourceOrgId}::uuid, 'import', ${`批量导入 ${importId}`}, ${sql.raw(changesSql[register])} FROM registry_stage`,
  ];
}
