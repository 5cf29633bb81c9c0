import type { Guide } from '../schemas/guide';
import { lifeEvents, topics } from '../vocab';
import { gramKeys, normalize } from './text';

/** Field groups in ranking order (README § Search): the name, then synonyms and tags, then the rest. */
export interface DocFields {
  code: string;
  name: string;
  /** keywords (synonyms people use) and life-event and topic labels, one entry each */
  keywords: string[];
  /** conditions, legal basis, department, implementer, result, materials */
  other: string;
}

export interface Doc {
  guide: Guide;
  fields: DocFields;
  /** bigram keys of the name and keywords, for near matches */
  nameGrams: Set<number>;
}

const separator = '\u0001';
const labelOf = (vocab: Record<string, { zh: string; en: string }>, code: string) => vocab[code]?.zh ?? code;

export function makeDoc(guide: Guide): Doc {
  const keywords = [...guide.keywords, ...guide.lifeEvents.map((e) => labelOf(lifeEvents, e)), ...guide.topics.map((t) => labelOf(topics, t))].map(normalize).filter(Boolean);
  // parts joined by a control character, which no query contains: nothing matches across two parts
  const other = [guide.conditions, guide.legalBasis, guide.department.name, guide.implementer.name, guide.resultName, ...guide.materials.map((m) => m.name)].map(normalize).join(separator);
  const name = normalize(guide.name);
  const nameGrams = new Set<number>();
  for (const text of [name, ...keywords]) gramKeys(text, (key) => key >= 65536 && nameGrams.add(key));
  return { guide, fields: { code: guide.code, name, keywords, other }, nameGrams };
}

/** Posting lists: key (code unit or pair, see text.ts) → ascending document numbers, each once. */
export function buildPostings(docs: Doc[]): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  docs.forEach((doc, n) => {
    const add = (key: number) => {
      const list = postings.get(key);
      if (!list) postings.set(key, [n]);
      else if (list[list.length - 1] !== n) list.push(n);
    };
    for (const text of [doc.fields.code, doc.fields.name, ...doc.fields.keywords, doc.fields.other]) gramKeys(text, add);
  });
  return postings;
}
