import type { FacetQuery, FacetsReply } from '../schemas/public';
import { lifeEvents, topics } from '../vocab';
import { passes, type CatalogIndex } from './catalog-index';

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;

/**
 * Counts for the portal's filters. Each dimension is counted under the query and every OTHER
 * filter, so that choosing a department still shows how many items the other departments have.
 */
export function facets(index: CatalogIndex, query: FacetQuery): FacetsReply {
  const matched = index.match(query.q);
  const department = new Map<string, number>();
  const names = new Map<string, string>();
  const level = new Map<string, number>();
  const type = new Map<string, number>();
  const event = new Map<string, number>();
  const topic = new Map<string, number>();
  let total = 0;
  index.docs.forEach(({ guide: g }, n) => {
    if (matched && !matched.has(n)) return;
    if (passes(g, query)) total += 1;
    if (passes(g, query, 'department')) {
      bump(department, g.department.id);
      names.set(g.department.id, g.department.name);
    }
    if (passes(g, query, 'level')) bump(level, g.level);
    if (passes(g, query, 'type')) bump(type, g.type);
    if (passes(g, query, 'lifeEvent')) for (const e of g.lifeEvents) bump(event, e);
    if (passes(g, query, 'topic')) for (const t of g.topics) bump(topic, t);
  });
  const labelled = (counts: Map<string, number>, vocab: Record<string, { zh: string; en: string }>) =>
    [...counts].map(([code, count]) => ({ code, zh: vocab[code]?.zh ?? code, en: vocab[code]?.en ?? code, count })).sort(byCount);
  return {
    total,
    departments: [...department].map(([id, count]) => ({ id, name: names.get(id)!, count })).sort((a, b) => byCount(a, b) || a.name.localeCompare(b.name, 'zh')),
    levels: [...level].map(([code, count]) => ({ code, count })),
    types: [...type].map(([code, count]) => ({ code, count })).sort(byCount),
    lifeEvents: labelled(event, lifeEvents),
    topics: labelled(topic, topics),
  };
}
