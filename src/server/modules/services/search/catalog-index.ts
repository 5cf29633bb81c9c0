import type { Guide, GuideReply, RelatedItem } from '../schemas/guide';
import type { SearchHit, SearchQuery } from '../schemas/public';
import { buildPostings, makeDoc, type Doc } from './documents';
import { intersect, nearScore, scoreTerm, type Hit } from './match';
import { chars, lookupKeys, queryTerms } from './text';
import { passes, presentHit } from './hits';

export { passes, type Filters } from './hits';

const tierOrder = { main: 0, sub: 1, handling: 2 } as const;

/**
 * The published catalogue in memory: guides by code, parents and children, and an inverted index
 * of characters and bigrams. Built once per catalogue generation; read-only afterwards.
 */
export class CatalogIndex {
  readonly docs: Doc[];
  private readonly byCode = new Map<string, number>();
  private readonly children = new Map<string, RelatedItem[]>();
  private readonly postings: Map<number, number[]>;
  private readonly replies = new Map<string, Buffer>();

  constructor(guides: Guide[]) {
    this.docs = [...guides].sort((a, b) => a.code.localeCompare(b.code)).map(makeDoc);
    this.docs.forEach((d, n) => this.byCode.set(d.guide.code, n));
    for (const { guide: g } of this.docs) {
      if (!g.parentCode) continue;
      const list = this.children.get(g.parentCode) ?? [];
      list.push({ code: g.code, name: g.name, tier: g.tier, handlingKind: g.handlingKind });
      this.children.set(g.parentCode, list);
    }
    this.postings = buildPostings(this.docs);
  }

  get size(): number {
    return this.docs.length;
  }

  /**
   * A reply serialised once and kept while this index lives (it never changes): guides, lists and
   * repeated searches cost no work but the copy to the socket. At most 2,000 (a few MB), the oldest
   * dropped first.
   */
  reply(key: string, make: () => unknown): Buffer {
    const kept = this.replies.get(key);
    if (kept) return kept;
    const made = Buffer.from(JSON.stringify(make()));
    this.replies.set(key, made);
    if (this.replies.size > 2000) this.replies.delete(this.replies.keys().next().value!);
    return made;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  guide(code: string): GuideReply | null {
    const n = this.byCode.get(code);
    if (n === undefined) return null;
    const { responsibility: _duties, keywords: _keywords, id: _id, ...g } = this.docs[n]!.guide;
    const parent = this.parentOf(this.docs[n]!.guide);
    return {
      ...g,
      // absent rather than null: most materials have neither a sample nor a 免提交 source
      materials: g.materials.map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== null)) as GuideReply['materials'][number]),
      parent: parent ? { code: parent.code, name: parent.name, tier: parent.tier, handlingKind: parent.handlingKind } : null,
      children: this.children.get(code) ?? [],
    };
  }

  private parentOf(g: Guide): Guide | undefined {
    return g.parentCode ? this.docs[this.byCode.get(g.parentCode) ?? -1]?.guide : undefined;
  }

  /** Documents matching every term of `q`, with their score; null when there is no query (everything matches). */
  match(q: string | undefined): Map<number, Hit> | null {
    const terms = q ? queryTerms(q) : [];
    if (terms.length === 0) return null;
    let result: Map<number, Hit> | null = null;
    for (const term of terms) {
      const lists = lookupKeys(term).map((k) => this.postings.get(k) ?? []);
      const hits = new Map<number, Hit>();
      for (const n of intersect(lists)) {
        const hit = scoreTerm(this.docs[n]!, term);
        if (hit) hits.set(n, hit);
      }
      if (chars(term).length >= 3) {
        for (const n of new Set(lists.flat())) {
          if (hits.has(n)) continue;
          const near = nearScore(this.docs[n]!, term);
          if (near) hits.set(n, near);
        }
      }
      if (result === null) result = hits;
      else {
        const prev: Map<number, Hit> = result;
        result = new Map([...hits].filter(([n]) => prev.has(n)).map(([n, h]) => [n, { score: prev.get(n)!.score + h.score, field: prev.get(n)!.field }]));
      }
      if (result.size === 0) break;
    }
    return result;
  }

  search(query: SearchQuery): { total: number; page: number; pageSize: number; items: SearchHit[] } {
    const matched = this.match(query.q);
    const found: Array<{ n: number; hit: Hit | null }> = [];
    this.docs.forEach((d, n) => {
      const hit = matched ? matched.get(n) : null;
      if ((matched && !hit) || !passes(d.guide, query)) return;
      found.push({ n, hit: hit ?? null });
    });
    if (matched) {
      found.sort((a, b) => {
        const ga = this.docs[a.n]!.guide;
        const gb = this.docs[b.n]!.guide;
        return b.hit!.score - a.hit!.score || tierOrder[ga.tier] - tierOrder[gb.tier] || ga.name.length - gb.name.length || ga.code.localeCompare(gb.code);
      });
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const items = found.slice((page - 1) * pageSize, page * pageSize).map(({ n, hit }) => presentHit(this.docs[n]!.guide, this.parentOf(this.docs[n]!.guide)?.name ?? null, hit));
    return { total: found.length, page, pageSize, items };
  }
}
