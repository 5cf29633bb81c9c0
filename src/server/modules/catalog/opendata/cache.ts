import { generationCache } from '../../../kernel/db/generation-cache';
import type { CatalogDb } from '../tables';
import { DatasetIndex, type DistributionRow } from './dataset-index';

/** migration 002 NOTIFYs here when what package_search shows changes. */
export const openDataChannel = 'sy_opendata';

async function build(db: CatalogDb): Promise<DatasetIndex> {
  const [rows, dists, codes, groups] = await Promise.all([
    db.selectFrom('open_dataset').selectAll().where('state', '=', 'active').execute(),
    db.selectFrom('open_distribution').innerJoin('open_dataset', 'open_dataset.id', 'open_distribution.dataset_id').selectAll('open_distribution').where('open_dataset.state', '=', 'active').orderBy('position').execute(),
    db.selectFrom('open_dataset').innerJoin('catalog_resource', 'catalog_resource.id', 'open_dataset.resource_id').select(['open_dataset.id', 'catalog_resource.code']).where('open_dataset.state', '=', 'active').execute(),
    db.selectFrom('open_group').selectAll().execute(),
  ]);
  const byDataset = new Map<string, DistributionRow[]>();
  for (const d of dists) byDataset.set(d.dataset_id, [...(byDataset.get(d.dataset_id) ?? []), d]);
  return new DatasetIndex(rows, byDataset, new Map(codes.map((c) => [c.id, c.code])), new Map(groups.map((g) => [g.name, g])));
}

/** The open datasets kept in memory by each server copy (kernel/db/generation-cache.ts). */
const cacheOf = (db: CatalogDb) => generationCache(db, { key: 'catalog.opendata', channel: openDataChannel, stateTable: 'open_catalog_state', load: build });

/** The current in-memory index of the open datasets. */
export const currentDatasets = (db: CatalogDb): Promise<DatasetIndex> => cacheOf(db).current();

/** After this process committed a change: its own next search sees it at once. */
export function openDataChanged(db: CatalogDb): void {
  cacheOf(db).forget();
}
