import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import type { RegistryDeps } from './deps';
import { registryErrors } from './errors';
import { readCsv } from './csv';
import { copySql, createStagingSql, dropDuplicatesSql, duplicatesInFileSql, duplicatesInRegisterSql, moveIntoRegister, stagingColumns, type ImportRegister } from './import-staging';
import { requireOwner } from './records';
import { checkRecord, type Plain } from './rules';
import { BatchBlindIndex, BatchFieldCipher } from './batch-cipher';
import { uuidV7Batch } from './batch-ids';
import { ctxIdNumber, ctxPhone, toRow } from './store';
import type { RegistryTables } from './tables';

/**
 * Bulk import of a register from CSV, ALL OR NOTHING by default: the whole file is one
 * transaction, and if any row is rejected nothing is written and the report lists the rejected
 * rows. `mode: 'valid-only'` is the caller's explicit choice to write the valid rows and skip the
 * rejected ones (still one transaction). The file is streamed: rows are validated, encrypted and
 * blind-indexed in Node and COPYed into a staging table in batches, so memory does not grow with
 * the file; the HTTP route refuses bodies over its limit before reading them.
 */
export type ImportMode = 'all-or-nothing' | 'valid-only';

export interface RejectedRow {
  line: number;
  field: string | null;
  code: string;
  zh: string;
  en: string;
}

export interface ImportReport {
  importId: string;
  register: ImportRegister;
  mode: ImportMode;
  committed: boolean;
  rows: number;
  imported: number;
  rejectedCount: number;
  /** the first REPORT_LIMIT rejected rows, by line */
  rejected: RejectedRow[];
}

export const REPORT_LIMIT = 1000;
const BATCH = 2000;

const headers: Record<ImportRegister, Record<string, string>> = {
  persons: { 姓名: 'name', name: 'name', 身份证号: 'idNumber', 公民身份号码: 'idNumber', idNumber: 'idNumber', 户籍地址: 'householdAddress', householdAddress: 'householdAddress', 联系电话: 'phone', phone: 'phone', 状态: 'status', status: 'status' },
  'legal-persons': {
    名称: 'name', name: 'name', 统一社会信用代码: 'creditCode', creditCode: 'creditCode', 法定代表人: 'legalRep', legalRep: 'legalRep', 注册地址: 'registeredAddress', registeredAddress: 'registeredAddress',
    状态: 'status', 登记状态: 'status', status: 'status', 行业代码: 'industryCode', industryCode: 'industryCode', 成立日期: 'establishedOn', establishedOn: 'establishedOn',
  },
};
const required: Record<ImportRegister, string[]> = { persons: ['name', 'idNumber'], 'legal-persons': ['name', 'creditCode'] };

/** COPY text format: backslash escapes, \N for null. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * Rows of a batch of checked records: for persons, the ID numbers and phones encrypted and the
 * blind indexes computed a batch at a time (batch-cipher.ts: same tokens as the kernel, one
 * native SM4 call per batch); other registers hold nothing encrypted.
 */
function encodeBatch(register: ImportRegister, plains: Plain[], keys: RegistryDeps['kernel']['keys'], cipher: BatchFieldCipher, index: BatchBlindIndex): Array<Record<string, unknown>> {
  if (register !== 'persons') return plains.map((p) => toRow(register, p, keys));
  const ids = cipher.encryptAll(plains.map((p) => String(p.idNumber)), ctxIdNumber);
  const withPhone = plains.flatMap((p, i) => (p.phone ? [i] : []));
  const phones = cipher.encryptAll(withPhone.map((i) => String(plains[i]!.phone)), ctxPhone);
  const phoneOf = new Map(withPhone.map((i, k) => [i, phones[k]!]));
  return plains.map((p, i) => ({
    name: p.name,
    sex: p.sex,
    birth_date: p.birthDate,
    household_address: p.householdAddress,
    status: p.status,
    id_number_enc: ids[i],
    id_number_index: index.of(String(p.idNumber)),
    phone_enc: phoneOf.get(i) ?? null,
  }));
}

/** A Kysely bound to one pg client, so audit and outbox writes share the import's transaction with the COPY. */
function onClient(client: pg.PoolClient): Kysely<RegistryTables> {
  const pool = { connect: async () => ({ query: client.query.bind(client), release: () => undefined }), end: async () => undefined };
  return new Kysely<RegistryTables>({ dialect: new PostgresDialect({ pool: pool as never }) });
}

export async function importCsv(
  deps: RegistryDeps,
  actor: Actor,
  register: ImportRegister,
  source: AsyncIterable<Uint8Array | string>,
  options: { mode: ImportMode; maxBytes?: number; ip: string | null },
): Promise<ImportReport> {
  await requireOwner(deps, actor, register);
  const sourceOrg = actor.orgId ?? (await deps.ownerOf(register));
  const keys = deps.kernel.keys;
  const importId = uuidv7();
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  const reject = (r: RejectedRow) => {
    rejectedCount += 1;
    if (rejected.length < REPORT_LIMIT) rejected.push(r);
  };
  let rows = 0;

  const client = await deps.kernel.database.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(createStagingSql(register));
    const copy = client.query(copyFrom(copySql(register)));
    const cols = stagingColumns[register];
    let columnOf: string[] | null = null;
    const cipher = new BatchFieldCipher(keys.encryptionKey);
    const index = new BatchBlindIndex(keys.indexKey, 'id-number');
    let pending: Array<{ line: number; plain: Plain }> = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const rows = encodeBatch(register, pending.map((p) => p.plain), keys, cipher, index);
      const ids = uuidV7Batch(rows.length);
      let text = '';
      for (let r = 0; r < rows.length; r += 1) {
        const row = rows[r]!;
        row.line = pending[r]!.line;
        row.id = ids[r];
        for (let i = 0; i < cols.length; i += 1) text += (i === 0 ? '' : '\t') + copyValue(row[cols[i]!]);
        text += '\n';
      }
      pending = [];
      if (!copy.write(text)) await once(copy, 'drain');
    };
    const tooBig = (bytes: number) => {
      if (options.maxBytes !== undefined && bytes > options.maxBytes) throw registryErrors.importTooLarge(options.maxBytes);
    };
    try {
      for await (const item of readCsv(source, tooBig)) {
        if (!columnOf) {
          if ('broken' in item) throw registryErrors.importHeader(required[register]);
          columnOf = item.fields.map((h) => headers[register][h.trim()] ?? '');
          const missing = required[register].filter((r) => !columnOf!.includes(r));
          if (missing.length > 0) throw registryErrors.importHeader(missing);
          continue;
        }
        rows += 1;
        if ('broken' in item) {
          reject({ line: item.line, field: null, code: 'quoting', zh: '引号不匹配，无法解析该行', en: 'broken quoting: the line cannot be read' });
          continue;
        }
        if (item.fields.length !== columnOf.length) {
          reject({ line: item.line, field: null, code: 'columns', zh: `列数应为 ${columnOf.length}，实为 ${item.fields.length}`, en: `expected ${columnOf.length} columns, found ${item.fields.length}` });
          continue;
        }
        const input: Plain = {};
        for (let i = 0; i < columnOf.length; i += 1) if (columnOf[i]) input[columnOf[i]!] = item.fields[i]!;
        const checked = checkRecord(register, null, input);
        if (!checked.ok) {
          reject({ line: item.line, ...checked.failure });
          continue;
        }
        pending.push({ line: item.line, plain: checked.plain });
        if (pending.length >= BATCH) await flush();
      }
      if (!columnOf) throw registryErrors.importHeader(required[register]);
      await flush();
      copy.end();
      await finished(copy);
    } catch (error) {
      // the server answers an aborted COPY with an error of its own: expected here, the transaction is rolled back below
      copy.on('error', () => undefined);
      copy.destroy();
      throw error;
    }

    const key = register === 'persons' ? 'idNumber' : 'creditCode';
    const inFile = await client.query<{ line: number; first: number }>(duplicatesInFileSql(register));
    for (const d of inFile.rows) reject({ line: d.line, field: key, code: 'duplicate-in-file', zh: `与第 ${d.first} 行重复`, en: `duplicates line ${d.first}` });
    const inRegister = await client.query<{ line: number }>(duplicatesInRegisterSql(register));
    const dupLines = new Set(inFile.rows.map((d) => d.line));
    for (const d of inRegister.rows) if (!dupLines.has(d.line)) reject({ line: d.line, field: key, code: 'duplicate-in-register', zh: '库中已有该记录', en: 'already in the register' });
    rejected.sort((a, b) => a.line - b.line);

    const report = (committed: boolean, imported: number): ImportReport => ({ importId, register, mode: options.mode, committed, rows, imported, rejectedCount, rejected });
    if (rejectedCount > 0 && options.mode === 'all-or-nothing') {
      await client.query('ROLLBACK');
      return report(false, 0);
    }
    if (rejectedCount > 0) for (const statement of dropDuplicatesSql(register)) await client.query(statement);
    const tx = onClient(client);
    const [records, versions] = moveIntoRegister(register, sourceOrg, actor.accountId, actor.displayName, importId);
    const imported = Number((await records!.execute(tx)).numAffectedRows ?? 0);
    await versions!.execute(tx);
    await deps.kernel.events.publish(tx, 'registry.imported', { register, importId, imported });
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: options.ip, action: 'registry.import', objectType: register, objectId: importId, details: { mode: options.mode, rows, imported, rejected: rejectedCount } });
    await client.query('COMMIT');
    return report(true, imported);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
