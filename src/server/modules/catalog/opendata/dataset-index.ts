import type { Selectable } from 'kysely';
import type { CatalogTables } from '../tables';
import type { FacetField, SearchParams, SortKey } from './search';

type DatasetRow = Selectable<CatalogTables['open_dataset']>;
export type DistributionRow = Selectable<CatalogTables['open_distribution']>;
export type GroupRow = Selectable<CatalogTables['open_group']>;

/** What package_search needs of one dataset, ready for matching, facets and sorting. */
interface Doc {
  row: DatasetRow;
  title: string;
  modified: number;
  created: number;
  /** per facet field, the ids of its values in that field's dictionary */
  facet: Record<FacetField, number[]>;
}
const facetFields: FacetField[] = ['organization', 'tags', 'groups', 'res_format', 'license_id'];
type OrderKey = Exclude<SortKey['key'], 'score'>;

const compareBy: Record<OrderKey, (a: Doc, b: Doc) => number> = {
  metadata_modified: (a, b) => a.modified - b.modified,
  metadata_created: (a, b) => a.created - b.created,
  name: (a, b) => (a.row.name < b.row.name ? -1 : a.row.name > b.row.name ? 1 : 0),
  title_string: (a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
  // counters as of the last rebuild (CKAN's views_recent is a periodic figure too)
  views_recent: (a, b) => Number(a.row.views) - Number(b.row.views),
  downloads: (a, b) => Number(a.row.downloads) - Number(b.row.downloads),
};

/**
 * The active open datasets in memory: package_search (matching, five facets, sorting, paging)
 * without a database round trip. Same semantics as the SQL in search.ts, which it replaced on the
 * hot path (bench/catalog.ts measures both designs).
 */
export class DatasetIndex {
  private readonly docs: Doc[];
  /** facet values interned per field: counting is then array increments, not string hashing */
  private readonly values = new Map<FacetField, { names: string[]; ids: Map<string, number> }>(facetFields.map((f) => [f, { names: [], ids: new Map() }]));
  /** the documents in ascending order of each sort key (ties: newest first), made once per build */
  private readonly orders = new Map<OrderKey, Doc[]>();
  readonly byId: Map<string, DatasetRow>;

  constructor(
    rows: DatasetRow[],
    readonly distributions: Map<string, DistributionRow[]>,
    readonly resourceCodes: Map<string, string>,
    readonly groups: Map<string, GroupRow>,
  ) {
    this.docs = rows.map((row) => ({
      row,
      title: row.title.toLowerCase(),
      modified: row.modified_at.getTime(),
      created: row.created_at.getTime(),
      facet: {
        organization: this.intern('organization', [row.org_slug]),
        tags: this.intern('tags', row.tags),
        groups: this.intern('groups', row.groups),
        res_format: this.intern('res_format', row.formats),
        license_id: this.intern('license_id', [row.license_id]),
      },
    }));
    this.byId = new Map(rows.map((r) => [r.id, r]));
    for (const key of Object.keys(compareBy) as OrderKey[]) {
      this.orders.set(key, [...this.docs].sort((a, b) => compareBy[key](a, b) || b.modified - a.modified || (a.row.id < b.row.id ? -1 : 1)));
    }
  }

  /**
   * The documents in the order of the sort: the last key's order is made at build time; the keys
   * before it are applied by a stable sort of the (usually few) matches. Score counts only with words.
   */
  private ordered(p: SearchParams, words: string[]): { docs: Doc[]; then: Array<(a: Doc, b: Doc) => number> } {
    const keys = p.sort.filter((s) => s.key !== 'score' || words.length > 0);
    const last = keys.at(-1);
    const base: { key: OrderKey; desc: boolean } = last && last.key !== 'score' ? { key: last.key, desc: last.desc } : { key: 'metadata_modified', desc: true };
    const order = this.orders.get(base.key)!;
    const docs = base.desc ? [...order].reverse() : order;
    const score = (d: Doc) => words.reduce((n, w) => n + (d.title.includes(w) ? 2 : 1), 0);
    const then = keys.slice(0, last && last.key !== 'score' ? -1 : undefined).map((s) => {
      const sign = s.desc ? -1 : 1;
      const key = s.key;
      return key === 'score' ? (a: Doc, b: Doc) => sign * (score(a) - score(b)) : (a: Doc, b: Doc) => sign * compareBy[key](a, b);
    });
    return { docs, then };
  }

  private intern(field: FacetField, names: string[]): number[] {
    const dict = this.values.get(field)!;
    return names.map((name) => {
      let id = dict.ids.get(name);
      if (id === undefined) {
        id = dict.names.length;
        dict.names.push(name);
        dict.ids.set(name, id);
      }
      return id;
    });
  }

  get size(): number {
    return this.docs.length;
  }

  search(p: SearchParams): { count: number; ids: string[]; facets: Record<string, Array<{ name: string; count: number }>> } {
    const words = p.words.map((w) => w.toLowerCase());
    const { docs, then } = this.ordered(p, words);
    // a value the index has never seen matches nothing (-1)
    const filters = p.filters.map((f) => ({ field: f.field, id: this.values.get(f.field)!.ids.get(f.value) ?? -1, negate: f.negate }));
    const matched = docs.filter((d) => {
      for (const w of words) if (!d.row.search_text.includes(w)) return false;
      for (const f of filters) if (d.facet[f.field].includes(f.id) === f.negate) return false;
      return true;
    });
    const facets: Record<string, Array<{ name: string; count: number }>> = {};
    for (const field of p.facetFields) {
      const names = this.values.get(field)!.names;
      const counts = new Int32Array(names.length);
      for (const d of matched) for (const id of d.facet[field]) counts[id]! += 1;
      const items: Array<{ name: string; count: number }> = [];
      counts.forEach((count, id) => {
        if (count >= Math.max(1, p.facetMinCount)) items.push({ name: names[id]!, count });
      });
      items.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      facets[field] = p.facetLimit < 0 ? items : items.slice(0, p.facetLimit);
    }
    // stable: rows equal under the leading keys keep the order of the last key
    const sorted = then.length === 0 ? matched : matched.sort((a, b) => {
      for (const k of then) {
        const c = k(a, b);
        if (c !== 0) return c;
      }
      return 0;
    });
    return { count: matched.length, ids: sorted.slice(p.start, p.start + p.rows).map((d) => d.row.id), facets };
  }
}
