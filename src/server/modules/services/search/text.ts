/**
 * Text as the catalogue search sees it: NFKC (full-width letters and digits become half-width),
 * lower case, without spaces, punctuation, symbols or control characters. Chinese is matched by characters: every
 * character and every pair of neighbouring characters (bigram) is a term of the index, so any part
 * of a word matches without a dictionary or a tokenizer (README § Search).
 */
const strip = /[\s\p{P}\p{S}\p{C}]+/gu;

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(strip, '');
}

/** The query's terms: split at spaces and punctuation; every term must match (at most 8). */
export function queryTerms(q: string): string[] {
  const terms = q
    .normalize('NFKC')
    .toLowerCase()
    .split(strip)
    .filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, 8);
}

/** Characters (code points) of a normalised text. */
export const chars = (text: string): string[] => Array.from(text);

/** The characters and bigrams of a normalised text, as strings (for SQL comparisons in the bench). */
export function grams(text: string): string[] {
  const cs = chars(text);
  const out = new Set<string>(cs);
  for (let i = 0; i + 1 < cs.length; i += 1) out.add(cs[i]! + cs[i + 1]!);
  return [...out];
}

/**
 * The index keys of a normalised text as numbers (faster to hash than strings): each UTF-16 code
 * unit (< 65536) and each pair of neighbouring code units (≥ 65536). Chinese characters are one
 * code unit each; the rare ones outside the BMP are two, and are found as a pair.
 */
export function gramKeys(text: string, into: (key: number) => void): void {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    into(c);
    if (i + 1 < text.length) into((c + 1) * 65536 + text.charCodeAt(i + 1));
  }
}

/** The keys a query term is looked up by: its code unit when it has one, else its pairs. */
export function lookupKeys(term: string): number[] {
  if (term.length === 1) return [term.charCodeAt(0)];
  const keys = new Set<number>();
  for (let i = 0; i + 1 < term.length; i += 1) keys.add((term.charCodeAt(i) + 1) * 65536 + term.charCodeAt(i + 1));
  return [...keys];
}
