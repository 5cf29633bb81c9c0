import type { Org } from '../api/orgs';
import { ORG_KINDS, type OrgKind } from './kinds';
import type { OrgIndex } from './OrgIndex';

export type KindCounts = Record<OrgKind, number>;

export function countByKind(orgs: readonly Org[]): KindCounts {
  const counts = Object.fromEntries(ORG_KINDS.map((kind) => [kind, 0])) as KindCounts;
  for (const org of orgs) {
    if (org.kind in counts) counts[org.kind as OrgKind] += 1;
  }
  return counts;
}

export interface GrassrootsCount {
  unit: Org;
  communities: number;
  villages: number;
}

function isStreetOrTown(org: Org): boolean {
  return org.kind === 'street' || org.kind === 'town';
}

/** For each street and town (list order): communities and villages under it, at any depth. */
export function grassrootsByUnit(index: OrgIndex): GrassrootsCount[] {
  const rows = new Map<string, GrassrootsCount>();
  for (const org of index.list) {
    if (isStreetOrTown(org)) rows.set(org.id, { unit: org, communities: 0, villages: 0 });
  }
  for (const org of index.list) {
    if (org.kind !== 'community' && org.kind !== 'village') continue;
    const unit = index.ancestors(org.id).reverse().find(isStreetOrTown);
    const row = unit ? rows.get(unit.id) : undefined;
    if (!row) continue;
    if (org.kind === 'community') row.communities += 1;
    else row.villages += 1;
  }
  return [...rows.values()];
}
