import type { Org } from '../api/orgs';

function bySortOrder(a: Org, b: Org): number {
  return a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);
}

/** Lookups over the flat organisation list: by id, children, ancestors. */
export class OrgIndex {
  readonly byId: ReadonlyMap<string, Org>;
  readonly roots: readonly Org[];
  private readonly childrenOf: ReadonlyMap<string, readonly Org[]>;

  constructor(readonly list: readonly Org[]) {
    const byId = new Map<string, Org>();
    for (const org of list) byId.set(org.id, org);
    const childrenOf = new Map<string, Org[]>();
    const roots: Org[] = [];
    for (const org of list) {
      if (org.parentId !== null && byId.has(org.parentId)) {
        const siblings = childrenOf.get(org.parentId) ?? [];
        siblings.push(org);
        childrenOf.set(org.parentId, siblings);
      } else {
        roots.push(org);
      }
    }
    for (const siblings of childrenOf.values()) siblings.sort(bySortOrder);
    roots.sort(bySortOrder);
    this.byId = byId;
    this.roots = roots;
    this.childrenOf = childrenOf;
  }

  children(id: string): readonly Org[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** Ancestors from the root down to the parent (excluding the org itself). */
  ancestors(id: string): Org[] {
    const chain: Org[] = [];
    const seen = new Set<string>([id]);
    let parentId = this.byId.get(id)?.parentId ?? null;
    while (parentId !== null && !seen.has(parentId)) {
      const parent = this.byId.get(parentId);
      if (!parent) break;
      chain.unshift(parent);
      seen.add(parentId);
      parentId = parent.parentId;
    }
    return chain;
  }

  /** Organisations of one kind, in list (path) order. */
  ofKind(kind: string): Org[] {
    return this.list.filter((org) => org.kind === kind);
  }
}
