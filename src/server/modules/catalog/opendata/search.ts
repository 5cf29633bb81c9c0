import { sql, type RawBuilder } from 'kysely';
import type { CatalogDb } from '../tables';

/** Facet fields as CKAN names them, and the column behind each (arrays are unnested). */
export const facetColumns = { organization: 'org_slug', tags: 'tags', groups: 'groups', res_format: 'formats', license_id: 'license_id' } as const;
export type FacetField = keyof typeof facetColumns;
const arrayColumns = new Set(['tags', 'groups', 'formats']);

export interface Filter {
  field: FacetField;
  value: string;
  negate: boolean;
}
export interface SortKey {
  key: 'score' | 'metadata_modified' | 'metadata_created' | 'name' | 'title_string' | 'views_recent' | 'downloads';
  desc: boolean;
}
export interface SearchParams {
  words: string[];
  filters: Filter[];
  rows: number;
  start: number;
  sort: SortKey[];
  facetFields: FacetField[];
  /** -1: no limit */
  facetLimit: number;
  facetMinCount: number;
}

const like = (w: string) => `%${w.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(p: SearchParams): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`state = 'active'`];
  for (const w of p.words) parts.push(sql`search_text LIKE ${like(w)}`);
  for (const f of p.filters) {
    const col = facetColumns[f.field];
    const test = arrayColumns.has(col) ? sql`${sql.ref(col)} @> ARRAY[${f.value}]::text[]` : sql`${sql.ref(col)} = ${f.value}`;
    parts.push(f.negate ? sql`NOT (${test})` : test);
  }
  return sql<boolean>`${sql.join(parts, sql` AND `)}`;
}

const orderColumn: Record<Exclude<SortKey['key'], 'score'>, string> = { metadata_modified: 'modified_at', metadata_created: 'created_at', name: 'name', title_string: 'title', views_recent: 'views', downloads: 'downloads' };

function orderBy(p: SearchParams): RawBuilder<unknown> {
  const keys: RawBuilder<unknown>[] = [];
  for (const s of p.sort) {
    const dir = s.desc ? sql`DESC` : sql`ASC`;
    if (s.key === 'score') {
      // relevance: words in the title weigh more than words elsewhere; without words every row scores alike
      if (p.words.length > 0) keys.push(sql`(${sql.join(p.words.map((w) => sql`(CASE WHEN lower(title) LIKE ${like(w)} THEN 2 ELSE 1 END)`), sql` + `)}) ${dir}`);
    } else keys.push(sql`${sql.ref(orderColumn[s.key])} ${dir}`);
  }
  keys.push(sql`modified_at DESC`, sql`id`);
  return sql.join(keys, sql`, `);
}

/**
 * package_search in SQL: one statement counts the matches and computes every facet over them
 * (a materialised CTE), one more pages through them. A GIN index serves each array filter.
 */
export async function searchDatasets(db: CatalogDb, p: SearchParams): Promise<{ count: number; ids: string[]; facets: Record<string, Array<{ name: string; count: number }>> }> {
  const w = where(p);
  const branches: RawBuilder<unknown>[] = [sql`(SELECT '' AS f, NULL::text AS v, count(*)::int AS n FROM m)`];
  const limit = p.facetLimit < 0 ? sql`ALL` : sql`${p.facetLimit}`;
  for (const field of p.facetFields) {
    const col = facetColumns[field];
    const from = arrayColumns.has(col) ? sql`m, unnest(m.${sql.ref(col)}) AS x(v)` : sql`(SELECT ${sql.ref(col)} AS v FROM m) x`;
    branches.push(sql`(SELECT ${field}::text, v, count(*)::int FROM ${from} GROUP BY v HAVING count(*) >= ${p.facetMinCount} ORDER BY count(*) DESC, v LIMIT ${limit})`);
  }
  const facetQuery = sql<{ f: string; v: string | null; n: number }>`
    WITH m AS MATERIALIZED (SELECT org_slug, tags, groups, formats, license_id FROM open_dataset WHERE ${w})
    ${sql.join(branches, sql` UNION ALL `)}`;
  const pageQuery = sql<{ id: string }>`SELECT id FROM open_dataset WHERE ${w} ORDER BY ${orderBy(p)} LIMIT ${p.rows} OFFSET ${p.start}`;
  const [facetRows, page] = await Promise.all([facetQuery.execute(db), pageQuery.execute(db)]);
  const facets: Record<string, Array<{ name: string; count: number }>> = Object.fromEntries(p.facetFields.map((f) => [f, []]));
  let count = 0;
  for (const r of facetRows.rows) {
    if (r.f === '') count = r.n;
    else if (r.v !== null) facets[r.f]!.push({ name: r.v, count: r.n });
  }
  return { count, ids: page.rows.map((r) => r.id), facets };
}
