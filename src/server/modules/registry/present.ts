import { registers, type RegisterKey } from './fields';
import type { Plain } from './rules';
import type { RecordMeta } from './store';

export type FieldValue = string | number | null;

export interface RecordView {
  id: string;
  register: RegisterKey;
  version: number;
  updatedAt: string;
  /** only the fields granted to the reader; personal ones masked unless revealed */
  fields: Record<string, FieldValue>;
  /** the fields shown masked (a reveal would show them) */
  masked: string[];
}

/**
 * Omits fields not granted and masks personal ones (unless `reveal`). `sourceOrg` is shown by
 * name. Derived values (sex, birth date) are masked with the field they come from only where
 * the register says so (birth date: the year stays).
 */
export function presentRecord(register: RegisterKey, plain: Plain, meta: RecordMeta, sourceOrgName: string, visible: readonly string[], reveal: boolean): RecordView {
  const fields: Record<string, FieldValue> = {};
  const masked: string[] = [];
  const all: Plain = { ...plain, sourceOrg: sourceOrgName };
  for (const def of registers[register].fields) {
    if (!visible.includes(def.key)) continue;
    const value = all[def.key] ?? null;
    if (def.personal && value !== null && !reveal) {
      fields[def.key] = def.personal(String(value));
      masked.push(def.key);
    } else {
      fields[def.key] = value;
    }
  }
  return { id: meta.id, register, version: meta.version, updatedAt: meta.updatedAt.toISOString(), fields, masked };
}

/** What changed between two versions; personal fields by name only, so history never holds them in clear. */
export function diff(register: RegisterKey, before: Plain | null, after: Plain): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const def of registers[register].fields) {
    if (def.key === 'sourceOrg') continue;
    const from = before?.[def.key] ?? null;
    const to = after[def.key] ?? null;
    if (from === to) continue;
    changes[def.key] = def.personal ? { changed: true } : { from, to };
  }
  return changes;
}
