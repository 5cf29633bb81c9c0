/**
 * Checking the rows of a device CSV (columns by header name, English or Chinese): every problem of
 * every row is collected — unknown type, coordinates outside China, duplicate id (in the file or
 * already registered), unknown owner, owner outside the importer's scope, bad date, missing value —
 * so that one report tells the importer everything to fix.
 */
import type { FieldError } from '../../../kernel/http/problem';
import type { DeviceStatus } from '../store';
import type { CsvRecord } from './csv';
import { insideChina } from './location';

export const columns = {
  id: ['id', '编号', '设备编号'],
  type: ['type', 'typecode', '类型', '设备类型'],
  name: ['name', '名称', '设备名称'],
  owner: ['owner', 'ownerorgid', '权属单位', '所属单位'],
  lng: ['lng', 'longitude', '经度'],
  lat: ['lat', 'latitude', '纬度'],
  installDate: ['installdate', 'install_date', '安装日期'],
  status: ['status', '状态'],
} as const;

export type Column = keyof typeof columns;
export const requiredColumns: Column[] = ['id', 'type', 'name', 'owner', 'lng', 'lat'];

export interface ImportRow {
  line: number;
  id: string;
  typeCode: string;
  name: string;
  owner: string;
  lng: number;
  lat: number;
  installDate: string | null;
  status: DeviceStatus;
}

/** header cell → column, by its lower-cased, trimmed name; unknown headers are ignored */
export function mapHeader(header: string[]): { index: Partial<Record<Column, number>>; missing: Column[] } {
  const index: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const name = h.trim().toLowerCase();
    for (const [column, aliases] of Object.entries(columns) as Array<[Column, readonly string[]]>) if (aliases.includes(name) && index[column] === undefined) index[column] = i;
  });
  return { index, missing: requiredColumns.filter((c) => index[c] === undefined) };
}

const idPattern = /^[A-Z0-9][A-Z0-9-]{2,39}$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const statuses: Record<string, DeviceStatus> = { active: 'active', disabled: 'disabled', 启用: 'active', 停用: 'disabled', '': 'active' };

const validDate = (s: string) => {
  const m = datePattern.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s && Number(m[1]) >= 1990 && d.getTime() <= Date.now() + 366 * 86_400_000;
};

export const rowError = (line: number, column: string, code: string, zh: string, en: string): FieldError => ({
  field: `/body/rows/${line}/${column}`,
  code,
  message: { zh: `第 ${line} 行：${zh}`, en: `line ${line}: ${en}` },
});

/** Checks what can be checked from the row alone; returns the row or its errors. */
export function readRow(record: CsvRecord, index: Partial<Record<Column, number>>): { row: ImportRow | null; errors: FieldError[] } {
  const cell = (c: Column) => (index[c] === undefined ? '' : (record.cells[index[c]!] ?? '').trim());
  const errors: FieldError[] = [];
  const line = record.line;
  for (const c of requiredColumns) if (cell(c) === '') errors.push(rowError(line, c, 'required', '缺少必填值', 'value required'));
  const id = cell('id').toUpperCase();
  if (id !== '' && !idPattern.test(id)) errors.push(rowError(line, 'id', 'pattern', `设备编号 ${id} 格式不正确（大写字母、数字、连字符，3–40 位）`, `device id ${id} must be 3–40 capital letters, digits or hyphens`));
  if (cell('name').length > 60) errors.push(rowError(line, 'name', 'maxLength', '名称不能超过 60 个字', 'name must have at most 60 characters'));
  const lng = Number(cell('lng'));
  const lat = Number(cell('lat'));
  if (cell('lng') !== '' && cell('lat') !== '' && !insideChina(lng, lat)) {
    errors.push(rowError(line, 'lng', 'outside_china', `坐标 ${cell('lng')}, ${cell('lat')} 不在中国境内`, `coordinates ${cell('lng')}, ${cell('lat')} are outside China`));
  }
  const installDate = cell('installDate');
  if (installDate !== '' && !validDate(installDate)) errors.push(rowError(line, 'installDate', 'date', `安装日期 ${installDate} 应为 YYYY-MM-DD`, `install date ${installDate} must be a date YYYY-MM-DD`));
  const status = statuses[cell('status').toLowerCase()];
  if (!status) errors.push(rowError(line, 'status', 'status', `状态 ${cell('status')} 应为 active/disabled（启用/停用）`, `status ${cell('status')} must be active or disabled`));
  if (errors.length > 0) return { row: null, errors };
  return { row: { line, id, typeCode: cell('type').toUpperCase(), name: cell('name'), owner: cell('owner'), lng, lat, installDate: installDate || null, status: status! }, errors };
}
