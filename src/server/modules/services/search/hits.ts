import type { Guide } from '../schemas/guide';
import type { FacetQuery, SearchHit } from '../schemas/public';
import type { Hit } from './match';

export type Filters = Omit<FacetQuery, 'q'>;
type Dimension = 'department' | 'level' | 'type' | 'lifeEvent' | 'topic';

/** Does the guide pass every filter (except the one dimension left out, for facet counts)? */
export function passes(g: Guide, f: Filters, except?: Dimension): boolean {
  if (f.department && except !== 'department' && g.department.id !== f.department) return false;
  if (f.level && except !== 'level' && g.level !== f.level) return false;
  if (f.type && except !== 'type' && g.type !== f.type) return false;
  if (f.lifeEvent && except !== 'lifeEvent' && !g.lifeEvents.includes(f.lifeEvent)) return false;
  if (f.topic && except !== 'topic' && !g.topics.includes(f.topic)) return false;
  if (f.target && !g.targetUsers.includes(f.target)) return false;
  if (f.online === true && !g.online) return false;
  return true;
}

/** One search result: what the list shows of an item. */
export function presentHit(g: Guide, parentName: string | null, hit: Hit | null): SearchHit {
  return {
    code: g.code,
    name: g.name,
    type: g.type,
    tier: g.tier,
    handlingKind: g.handlingKind,
    parentName,
    department: g.department,
    level: g.level,
    statutoryDays: g.statutoryDays,
    promisedDays: g.promisedDays,
    instant: g.instant,
    visits: g.visits,
    onlineDepth: g.onlineDepth,
    online: g.online,
    score: hit?.score ?? 0,
    matched: hit?.field ?? null,
  };
}
