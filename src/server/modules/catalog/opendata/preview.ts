import type { Readable } from 'node:stream';
import type { DatastoreField } from '../tables';

export const previewRows = 20;

export interface Preview {
  fields: Array<{ id: string; label: string }>;
  rows: Array<Record<string, unknown>>;
  total: number | null;
}

/** RFC 4180 CSV lines → cells (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string, maxRows: number): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length && out.length <= maxRows; i += 1) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i += 1;
      row.push(cell); out.push(row); row = []; cell = '';
    } else cell += c;
  }
  if ((cell !== '' || row.length > 0) && out.length <= maxRows) { row.push(cell); out.push(row); }
  return out;
}

export function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= limit) { stream.destroy(); break; }
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

/** The first rows of a file for the preview table: CSV rows, JSON array items, GeoJSON features' properties. */
export function previewFile(format: 'CSV' | 'JSON' | 'GeoJSON', bytes: Buffer): Preview {
  const text = bytes.toString('utf8');
  if (format === 'CSV') {
    const [head = [], ...rest] = parseCsv(text, previewRows + 1);
    return { fields: head.map((h) => ({ id: h, label: h })), rows: rest.slice(0, previewRows).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? '']))), total: null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { fields: [], rows: [], total: null };
  }
  const items: unknown[] = format === 'GeoJSON'
    ? ((parsed as { features?: Array<{ properties?: object; geometry?: { type?: string; coordinates?: unknown } }> }).features ?? []).map((f) => ({ ...(f.properties ?? {}), geometry: f.geometry?.type === 'Point' ? (f.geometry.coordinates as number[]).join(',') : f.geometry?.type ?? '' }))
    : Array.isArray(parsed) ? parsed : [parsed];
  const rows = items.slice(0, previewRows).filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) as Array<Record<string, unknown>>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { fields: keys.map((k) => ({ id: k, label: k })), rows, total: items.length };
}

export function datastoreFields(fields: DatastoreField[]) {
  return fields.map((f) => ({ id: f.id, label: f.label ?? f.id }));
}
