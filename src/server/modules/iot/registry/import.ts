/**
 * Bulk import of devices from CSV: all or nothing. Every row is checked first (import-rows.ts, then
 * against the registry and the organisation tree); one problem anywhere and nothing is written, and
 * the answer lists every problem with its line and column. Otherwise all devices are created in ONE
 * transaction, audited once, and their tokens are returned — the only time anyone sees them.
 */
import type { Insertable } from 'kysely';
import type { IotTables } from '../store';
import type { FieldError } from '../../../kernel/http/problem';
import { newToken, tokenHash } from '../credentials';
import { iotErrors } from '../errors';
import { auditChange } from './audit';
import { CsvSyntaxError, parseCsv } from './csv';
import type { Change, RegistryDeps } from './devices';
import { mapHeader, readRow, rowError, type ImportRow } from './import-rows';
import { mayManage, resolveOwner } from './owner';
import { bumpRegistryVersion } from './version';

export const maxImportRows = 10_000;
const maxReportedErrors = 500;

export interface ImportResult {
  imported: number;
  devices: Array<{ id: string; token: string; unitGridCode: string | null }>;
}

function read(text: string) {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw iotErrors.badCsv(`第 ${error.line} 行的引号没有结束`, error.message);
    throw error;
  }
}

export async function importDevices(deps: RegistryDeps, change: Change, text: string): Promise<ImportResult> {
  const [header, ...records] = read(text);
  if (!header || records.length === 0) throw iotErrors.badCsv('没有数据行（第一行为表头）', 'no data rows (the first line is the header)');
  if (records.length > maxImportRows) throw iotErrors.badCsv(`一次最多导入 ${maxImportRows} 行`, `at most ${maxImportRows} rows per import`);
  const { index, missing } = mapHeader(header.cells);
  if (missing.length > 0) throw iotErrors.badCsv(`缺少列：${missing.join('、')}`, `missing columns: ${missing.join(', ')}`);

  const errors: FieldError[] = [];
  const rows: ImportRow[] = [];
  for (const record of records) {
    const checked = readRow(record, index);
    errors.push(...checked.errors);
    if (checked.row) rows.push(checked.row);
  }

  // against each other and the registry
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const seen = firstLine.get(row.id);
    if (seen !== undefined) errors.push(rowError(row.line, 'id', 'duplicate_id', `设备编号 ${row.id} 与第 ${seen} 行重复`, `device id ${row.id} repeats line ${seen}`));
    else firstLine.set(row.id, row.line);
  }
  const ids = [...firstLine.keys()];
  const registered = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const r of await deps.db.selectFrom('device').select('id').where('id', 'in', ids.slice(i, i + 1000)).execute()) registered.add(r.id);
  }
  const types = new Set((await deps.db.selectFrom('device_type').select('code').execute()).map((t) => t.code));
  const owners = new Map<string, { id: string; path: string[] } | null>();
  for (const name of new Set(rows.map((r) => r.owner))) owners.set(name, await resolveOwner(deps.kernel, name));
  for (const row of rows) {
    if (registered.has(row.id)) errors.push(rowError(row.line, 'id', 'duplicate_id', `设备编号 ${row.id} 已登记`, `device id ${row.id} is already registered`));
    if (!types.has(row.typeCode)) errors.push(rowError(row.line, 'type', 'unknown_type', `设备类型 ${row.typeCode} 不存在`, `no device type ${row.typeCode}`));
    const owner = owners.get(row.owner);
    if (!owner) errors.push(rowError(row.line, 'owner', 'unknown_owner', `权属单位 ${row.owner} 不存在`, `no organisation ${row.owner}`));
    else if (!mayManage(deps.kernel, change.actor, owner.path)) errors.push(rowError(row.line, 'owner', 'out_of_scope', `权属单位 ${row.owner} 不在您的管理范围内`, `organisation ${row.owner} is outside your scope`));
  }
  if (errors.length > 0) {
    errors.sort((a, b) => Number(a.field.split('/')[3]) - Number(b.field.split('/')[3]));
    const shown = errors.slice(0, maxReportedErrors);
    if (errors.length > maxReportedErrors) shown.push({ field: '/body', code: 'more', message: { zh: `另有 ${errors.length - maxReportedErrors} 处错误未列出`, en: `${errors.length - maxReportedErrors} more errors not listed` } });
    throw iotErrors.importRejected(shown, records.length);
  }

  const created: ImportResult['devices'] = [];
  const values: Array<Insertable<IotTables['device']>> = [];
  for (const row of rows) {
    const where = await deps.locate(row.lng, row.lat);
    const token = newToken();
    created.push({ id: row.id, token, unitGridCode: where.unitGridCode });
    values.push({
      id: row.id,
      type_code: row.typeCode,
      name: row.name,
      owner_org_id: owners.get(row.owner)!.id,
      lng: row.lng,
      lat: row.lat,
      unit_grid_code: where.unitGridCode,
      community_code: where.communityCode,
      street_code: where.streetCode,
      install_date: row.installDate,
      status: row.status,
      credential_hash: tokenHash(token),
    });
  }
  await deps.db.transaction().execute(async (tx) => {
    // the types stay while we insert (a concurrent delete of a type waits, then sees our devices)
    await tx.selectFrom('device_type').select('code').where('code', 'in', [...new Set(rows.map((r) => r.typeCode))]).forKeyShare().execute();
    for (let i = 0; i < values.length; i += 1000) {
      const result = await tx.insertInto('device').values(values.slice(i, i + 1000)).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      // registered meanwhile by someone else: all or nothing still holds
      if (Number(result.numInsertedOrUpdatedRows ?? 0) !== Math.min(1000, values.length - i)) {
        throw iotErrors.importRejected([{ field: '/body', code: 'duplicate_id', message: { zh: '导入期间有设备编号被他人登记，请重试', en: 'some device ids were registered meanwhile; retry' } }], records.length);
      }
    }
    await bumpRegistryVersion(tx);
    await auditChange(tx, change.actor, change.ip, 'iot.device.import', 'device', rows[0]!.id, { count: rows.length, ids: ids.slice(0, 1000), truncated: ids.length > 1000 });
  });
  deps.changed();
  return { imported: rows.length, devices: created };
}
