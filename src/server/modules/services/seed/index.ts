import { cityItems } from './city';
import { constructionItems } from './construction';
import { healthItems } from './health';
import type { SeedItem } from './helpers';
import { labourItems } from './labour';
import { marketItems } from './market';
import { policeItems } from './police';
import { socialItems } from './social';
import { transportItems } from './transport';

export type { SeedItem } from './helpers';

/** The demo catalogue of Yongchuan: main items with their sub-items and handling items, parents first. */
export const seedCatalogue: SeedItem[] = [...marketItems, ...constructionItems, ...cityItems, ...socialItems, ...labourItems, ...healthItems, ...policeItems, ...transportItems];

/** Every item of the tree, each parent before its children. */
export function flatten(items: SeedItem[], parentCode: string | null = null): Array<SeedItem & { parentCode: string | null }> {
  return items.flatMap((item) => [{ ...item, parentCode }, ...flatten(item.children ?? [], item.code)]);
}
