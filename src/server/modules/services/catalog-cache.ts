import { generationCache, readGeneration, type GenerationCache } from '../../kernel/db/generation-cache';
import { CatalogIndex } from './search/catalog-index';
import { readGuide } from './snapshot';
import type { ServicesDb } from './store';

/** The trigger on service_item NOTIFYs here when what is published changes (migration 001). */
export const catalogChannel = 'sy_services';

const stateTable = 'service_catalog_state';

/** The published catalogue: the snapshot of the current version of every published item. */
async function buildIndex(db: ServicesDb): Promise<CatalogIndex> {
  const rows = await db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.version'))
    .select('v.snapshot')
    .where('i.status', '=', 'published')
    .execute();
  return new CatalogIndex(rows.map((r) => readGuide(r.snapshot)));
}

/** The catalogue and its generation, built outside any cache (bench/services.ts). */
export async function loadCatalog(db: ServicesDb): Promise<{ generation: number; index: CatalogIndex }> {
  // the generation first, as the cache does: a change during the build leaves an older number
  const generation = await readGeneration(db, stateTable);
  return { generation, index: await buildIndex(db) };
}

/**
 * The published catalogue kept in memory by each server copy (kernel/db/generation-cache.ts):
 * search and guide reads touch no database, and a publication on any copy reaches every copy.
 */
export function catalogCache(db: ServicesDb): GenerationCache<CatalogIndex> {
  return generationCache(db, { key: 'services.catalog', channel: catalogChannel, stateTable, load: buildIndex });
}

/** After this process committed a change to what is published: its own next read sees it at once. */
export function catalogChanged(db: ServicesDb): void {
  catalogCache(db).forget();
}

/** The current index of the published catalogue. */
export const currentCatalog = (db: ServicesDb): Promise<CatalogIndex> => catalogCache(db).current();

/** For a hot path: the current index, synchronously when it is ready (no promise, no await). */
export function catalogReader(db: ServicesDb): () => CatalogIndex | Promise<CatalogIndex> {
  // made on first use, not when the routes are registered
  let cache: GenerationCache<CatalogIndex> | null = null;
  return () => (cache ??= catalogCache(db)).get();
}
