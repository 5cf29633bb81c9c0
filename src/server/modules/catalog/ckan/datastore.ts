import { sql, type RawBuilder } from 'kysely';
import type { CatalogDb, DatastoreField } from '../tables';
import { ckanErrors } from './errors';
import { bool, int, str, type Params } from './params';

const numeric = new Set(['int', 'numeric']);

function parseJsonParam(p: Params, name: string): unknown {
  const v = p[name];
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    throw ckanErrors.validation({ [name]: ['Cannot parse JSON'] });
  }
}

function fieldList(p: Params, known: Map<string, DatastoreField>): string[] {
  const v = p.fields;
  if (v === undefined || v === null || v === '') return ['_id', ...known.keys()];
  const list = Array.isArray(v) ? v.map(String) : String(v).split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (f !== '_id' && !known.has(f)) throw ckanErrors.validation({ fields: [`field "${f}" not in table`] });
  return list;
}

/**
 * datastore_search over a live table: filters (exact values, or any of a list), q (full text over
 * every value), fields, sort, limit/offset, and the total. Unknown fields are 409 with CKAN's words.
 */
export async function datastoreSearch(db: CatalogDb, p: Params, resource: { id: string; fields: DatastoreField[] }, path: string) {
  const known = new Map(resource.fields.map((f) => [f.id, f]));
  const fields = fieldList(p, known);
  const limit = int(p, 'limit', 100, 0, 32000);
  const offset = int(p, 'offset', 0, 0, 10_000_000);
  const includeTotal = bool(p, 'include_total', true);
  const conditions: RawBuilder<unknown>[] = [sql`distribution_id = ${resource.id}`];
  const filters = parseJsonParam(p, 'filters');
  if (filters !== undefined && filters !== null && filters !== '') {
    if (typeof filters !== 'object' || Array.isArray(filters)) throw ckanErrors.validation({ filters: ['Not a json object'] });
    for (const [k, v] of Object.entries(filters as Record<string, unknown>)) {
      const values = (Array.isArray(v) ? v : [v]).map((x) => (x === null ? null : String(x)));
      if (k === '_id') {
        conditions.push(sql`row_no::text = ANY(${values})`);
        continue;
      }
      if (!known.has(k)) throw ckanErrors.validation({ filters: [`field "${k}" not in table`] });
      conditions.push(sql`record->>${k} = ANY(${values})`);
    }
  }
  const q = str(p, 'q');
  if (q && q.trim() !== '') {
    const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`EXISTS (SELECT 1 FROM jsonb_each_text(record) e WHERE e.value ILIKE ${pattern})`);
  }
  const order: RawBuilder<unknown>[] = [];
  const sort = str(p, 'sort');
  if (sort && sort.trim() !== '') {
    for (const part of sort.split(',')) {
      const [name = '', dir = 'asc', ...extra] = part.trim().replace(/^"|"$/g, '').split(/\s+/);
      if (extra.length > 0 || !['asc', 'desc'].includes(dir.toLowerCase())) throw ckanErrors.validation({ sort: [`Invalid sort: ${part.trim()}`] });
      const d = dir.toLowerCase() === 'desc' ? sql`DESC` : sql`ASC`;
      if (name === '_id') { order.push(sql`row_no ${d}`); continue; }
      const f = known.get(name);
      if (!f) throw ckanErrors.validation({ sort: [`field "${name}" not in table`] });
      order.push(numeric.has(f.type) ? sql`(record->>${name})::numeric ${d} NULLS LAST` : sql`record->>${name} ${d}`);
    }
  }
  order.push(sql`row_no`);
  const w = sql.join(conditions, sql` AND `);
  const [rows, total] = await Promise.all([
    sql<{ row_no: number; record: Record<string, unknown> }>`SELECT row_no, record FROM open_datastore_row WHERE ${w} ORDER BY ${sql.join(order, sql`, `)} LIMIT ${limit} OFFSET ${offset}`.execute(db),
    includeTotal ? sql<{ n: number }>`SELECT count(*)::int AS n FROM open_datastore_row WHERE ${w}`.execute(db) : Promise.resolve(null),
  ]);
  const start = `${path}?resource_id=${encodeURIComponent(resource.id)}`;
  return {
    include_total: includeTotal,
    resource_id: resource.id,
    fields: fields.map((id) => (id === '_id' ? { id: '_id', type: 'int' } : { id, type: known.get(id)!.type, ...(known.get(id)!.label ? { info: { label: known.get(id)!.label } } : {}) })),
    records_format: 'objects',
    records: rows.rows.map((r) => Object.fromEntries(fields.map((f) => [f, f === '_id' ? r.row_no : (r.record[f] ?? null)]))),
    limit,
    ...(offset ? { offset } : {}),
    _links: { start, next: `${start}&offset=${offset + limit}` },
    ...(total ? { total: total.rows[0]!.n, total_was_estimated: false } : {}),
  };
}
