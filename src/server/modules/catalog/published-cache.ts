import { generationCache } from '../../kernel/db/generation-cache';
import type { CatalogDb, ResourceFields } from './tables';

/** A resource as the data authority approved it (the snapshot others see). */
export type PublishedResource = ResourceFields & { id: string; code: string; publishedAt: string; revision: number };

export interface PublishedIndex {
  byId: ReadonlyMap<string, PublishedResource>;
  byCode: ReadonlyMap<string, PublishedResource>;
}

async function load(db: CatalogDb): Promise<PublishedIndex> {
  const rows = await db.selectFrom('catalog_resource').select(['id', 'published']).where('published', 'is not', null).execute();
  const byId = new Map<string, PublishedResource>();
  const byCode = new Map<string, PublishedResource>();
  for (const row of rows) {
    const resource = { ...row.published!, id: row.id };
    byId.set(row.id, resource);
    byCode.set(resource.code, resource);
  }
  return { byId, byCode };
}

/** The published snapshots of every resource, kept in memory (migration 003 announces changes). */
export const publishedCache = (db: CatalogDb) =>
  generationCache<PublishedIndex>(db, { key: 'catalog.published', channel: 'sy_catalog_published', stateTable: 'catalog_published_state', load: (d) => load(d as CatalogDb) });
