import { ckanErrors } from './errors';
import { facetColumns, type FacetField, type Filter, type SearchParams, type SortKey } from '../opendata/search';

export type Params = Record<string, unknown>;

/** A parameter as a string (GET gives strings; POST JSON may give numbers or booleans). */
export function str(p: Params, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw ckanErrors.validation({ [name]: ['Must be a string'] });
}

export function required(p: Params, name: string): string {
  const v = str(p, name);
  if (v === undefined || v.trim() === '') throw ckanErrors.validation({ [name]: ['Missing value'] });
  return v.trim();
}

export function int(p: Params, name: string, fallback: number, min: number, max: number): number {
  const v = str(p, name);
  if (v === undefined || v === '') return fallback;
  if (!/^-?\d+$/.test(v.trim())) throw ckanErrors.validation({ [name]: ['Invalid integer'] });
  const n = Number(v);
  if (n < min) throw ckanErrors.validation({ [name]: [`Must be a natural number${min > 0 ? ' greater than zero' : ''}`] });
  return Math.min(n, max);
}

export function bool(p: Params, name: string, fallback: boolean): boolean {
  const v = p[name];
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v === 'boolean') return v;
  const s = String(v).toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(s)) return true;
  if (['false', '0', 'no', 'off'].includes(s)) return false;
  throw ckanErrors.validation({ [name]: ['Value must be one of: true, false'] });
}

/** A JSON list given as a list (POST) or as JSON text (GET), e.g. facet.field=["tags","groups"]. */
export function jsonList(p: Params, name: string): unknown[] | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') {
    try {
      const parsed: unknown = JSON.parse(v);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // falls through to the validation error
    }
  }
  throw ckanErrors.validation({ [name]: ['Invalid JSON list'] });
}

const clause = /([+-]?)([a-z_]+):(?:"([^"]*)"|(\S+))/gy;

/** fq (and field:value parts of q): organization:, tags:, groups:, res_format:, license_id:, joined by spaces or AND. */
export function parseFilters(text: string, name: string): { filters: Filter[]; rest: string[] } {
  const filters: Filter[] = [];
  const rest: string[] = [];
  let at = 0;
  const s = text.trim();
  while (at < s.length) {
    if (/\s/.test(s[at]!)) { at += 1; continue; }
    clause.lastIndex = at;
    const m = clause.exec(s);
    if (m) {
      const field = m[2]!;
      if (!(field in facetColumns)) throw ckanErrors.validation({ [name]: [`Unsupported search field: ${field} (use ${Object.keys(facetColumns).join(', ')})`] });
      filters.push({ field: field as FacetField, value: m[3] ?? m[4]!, negate: m[1] === '-' });
      at = clause.lastIndex;
      continue;
    }
    const word = /\S+/y;
    word.lastIndex = at;
    const w = word.exec(s)![0];
    at = word.lastIndex;
    if (w === 'AND' || w === '*:*') continue;
    if (w.includes(':') || w.includes('"')) throw ckanErrors.validation({ [name]: [`Search query could not be parsed: ${w}`] });
    rest.push(w);
  }
  return { filters, rest };
}

const sortKeys = ['score', 'metadata_modified', 'metadata_created', 'name', 'title_string', 'views_recent', 'downloads'];

export function parseSort(text: string | undefined): SortKey[] {
  if (!text || text.trim() === '') return [{ key: 'score', desc: true }, { key: 'metadata_modified', desc: true }];
  return text.split(',').map((part) => {
    const [key, dir = 'asc', ...extra] = part.trim().split(/\s+/);
    if (!key || !sortKeys.includes(key) || !['asc', 'desc'].includes(dir.toLowerCase()) || extra.length > 0) {
      throw ckanErrors.validation({ sort: [`Invalid sort: ${part.trim()} (fields: ${sortKeys.join(', ')}; asc or desc)`] });
    }
    return { key: key as SortKey['key'], desc: dir.toLowerCase() === 'desc' };
  });
}

/** package_search's parameters, checked. */
export function searchParams(p: Params): SearchParams {
  const q = str(p, 'q') ?? '';
  const fromQ = parseFilters(q, 'q');
  const fromFq = parseFilters(str(p, 'fq') ?? '', 'fq');
  const facetFields = (jsonList(p, 'facet.field') ?? []).map((f) => {
    if (typeof f !== 'string' || !(f in facetColumns)) throw ckanErrors.validation({ 'facet.field': [`Unsupported facet field: ${String(f)}`] });
    return f as FacetField;
  });
  return {
    words: fromQ.rest,
    filters: [...fromQ.filters, ...fromFq.filters],
    rows: int(p, 'rows', 10, 0, 1000),
    start: int(p, 'start', 0, 0, 1_000_000),
    sort: parseSort(str(p, 'sort')),
    facetFields: [...new Set(facetFields)],
    facetLimit: int(p, 'facet.limit', 50, -1, 1000),
    facetMinCount: int(p, 'facet.mincount', 1, 0, 1_000_000),
  };
}
