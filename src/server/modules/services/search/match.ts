import type { Doc } from './documents';
import { chars, lookupKeys } from './text';

/**
 * Ranking tiers (README § Search): exact name (or code) 100 > name prefix 80 > name contains 60 >
 * keywords, synonyms, life events and topics 40 > conditions, legal basis, department, materials 20
 * > near match (most bigrams of a longer term in the name or keywords) 13–15. A term found in more
 * than one field group adds 2 per extra group, never enough to reach the next tier.
 */
export const tiers = { exact: 100, prefix: 80, contains: 60, keywords: 40, other: 20, near: 10 } as const;

export type MatchField = 'code' | 'name' | 'keywords' | 'other' | 'fuzzy';

export interface Hit {
  score: number;
  field: MatchField;
}

function nameScore(doc: Doc, term: string): Hit | null {
  const { code, name } = doc.fields;
  if (code === term) return { score: tiers.exact, field: 'code' };
  if (term.length >= 4 && /^[0-9]+$/.test(term) && code.startsWith(term)) return { score: tiers.prefix, field: 'code' };
  if (name === term) return { score: tiers.exact, field: 'name' };
  if (name.startsWith(term)) return { score: tiers.prefix, field: 'name' };
  if (name.includes(term)) return { score: tiers.contains, field: 'name' };
  return null;
}

/** How well `term` matches the document by substring, or null. */
export function scoreTerm(doc: Doc, term: string): Hit | null {
  const byName = nameScore(doc, term);
  const byKeywords = doc.fields.keywords.some((k) => k.includes(term));
  const byOther = doc.fields.other.includes(term);
  const best: Hit | null = byName ?? (byKeywords ? { score: tiers.keywords, field: 'keywords' } : byOther ? { score: tiers.other, field: 'other' } : null);
  if (!best) return null;
  const groups = (byName ? 1 : 0) + (byKeywords ? 1 : 0) + (byOther ? 1 : 0);
  return { score: best.score + 2 * (groups - 1), field: best.field };
}

/** A near match of a term of three or more characters: at least 60 % of its bigrams in the name or keywords. */
export function nearScore(doc: Doc, term: string): Hit | null {
  if (chars(term).length < 3) return null;
  const bigrams = lookupKeys(term);
  const found = bigrams.filter((g) => doc.nameGrams.has(g)).length / bigrams.length;
  return found >= 0.6 ? { score: tiers.near + Math.round(5 * found), field: 'fuzzy' } : null;
}

/** Intersection of ascending posting lists, shortest first. */
export function intersect(lists: number[][]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let out = sorted[0]!;
  for (const list of sorted.slice(1)) {
    const set = new Set(list);
    out = out.filter((n) => set.has(n));
    if (out.length === 0) break;
  }
  return out;
}
