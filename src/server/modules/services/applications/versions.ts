import type { Guide } from '../schemas/guide';
import { readGuide } from '../snapshot';
import type { AppsDb } from './tables';

export interface PublishedItem {
  itemId: string;
  version: number;
  guide: Guide;
}

/** The item's current published version (the one a new application is made under), or null. */
export async function publishedVersion(db: AppsDb, code: string): Promise<PublishedItem | null> {
  const row = await db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.version'))
    .select(['i.id', 'i.version', 'v.snapshot'])
    .where('i.code', '=', code)
    .where('i.status', '=', 'published')
    .executeTakeFirst();
  return row ? { itemId: row.id, version: row.version, guide: readGuide(row.snapshot) } : null;
}

/**
 * Published versions never change (a new publication is a new version), so the guides of the versions in use
 * are kept, parsed, by item id (a UUID, unique across databases) and version: a submission, its process hook
 * and its presentation read the same version three times. At most `keptGuides`, the oldest dropped.
 */
const guides = new Map<string, Guide>();
const keptGuides = 500;

/** The version an application was made under: its rules stay those, whatever is published later. */
export async function guideOf(db: AppsDb, itemId: string, version: number): Promise<Guide> {
  const key = `${itemId}:${version}`;
  const kept = guides.get(key);
  if (kept) return kept;
  const row = await db.selectFrom('service_item_version').select('snapshot').where('item_id', '=', itemId).where('version', '=', version).executeTakeFirstOrThrow();
  const guide = readGuide(row.snapshot);
  if (guides.size >= keptGuides) guides.delete(guides.keys().next().value!);
  guides.set(key, guide);
  return guide;
}

/** The department that decides: the implementing body when it is one organisation, else the competent department. */
export const decidingOrg = (guide: Guide): string => guide.implementer.orgId ?? guide.department.id;
