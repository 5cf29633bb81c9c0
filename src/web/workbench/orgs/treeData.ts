import type { Org } from '../../api/orgs';
import type { OrgIndex } from '../../orgs/OrgIndex';

/** A node of the organisation tree, ready for antd Tree (key = org id). */
export interface OrgTreeNode {
  key: string;
  org: Org;
  children: OrgTreeNode[];
}

export interface FilteredTree {
  nodes: OrgTreeNode[];
  /** Ids of the organisations whose name matches the query. */
  matchIds: string[];
  /** Ids to expand so that every match is visible. */
  expandIds: string[];
}

export function normalizeQuery(query: string): string {
  return query.trim().toLowerCase();
}

export function nameMatches(org: Org, normalizedQuery: string): boolean {
  return normalizedQuery !== '' && org.name.toLowerCase().includes(normalizedQuery);
}

/**
 * The tree built from the flat list. With a query, keeps only matching
 * organisations, their ancestors and the subtrees under matches.
 */
export function filterTree(index: OrgIndex, query: string): FilteredTree {
  const q = normalizeQuery(query);
  const matchIds: string[] = [];
  const expand = new Set<string>();

  const build = (org: Org, keepAll: boolean): OrgTreeNode | null => {
    const matched = nameMatches(org, q);
    if (matched) {
      matchIds.push(org.id);
      for (const ancestor of index.ancestors(org.id)) expand.add(ancestor.id);
    }
    const children: OrgTreeNode[] = [];
    for (const child of index.children(org.id)) {
      const node = build(child, keepAll || matched || q === '');
      if (node) children.push(node);
    }
    if (!keepAll && !matched && q !== '' && children.length === 0) return null;
    return { key: org.id, org, children };
  };

  const nodes: OrgTreeNode[] = [];
  for (const root of index.roots) {
    const node = build(root, q === '');
    if (node) nodes.push(node);
  }
  return { nodes, matchIds, expandIds: [...expand] };
}
