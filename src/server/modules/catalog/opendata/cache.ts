import { sql } from 'kysely';
import { ChangeListener } from '../../../kernel/db/change-listener';
import { scopeOf } from '../../../kernel/db/scope';
import type { CatalogDb } from '../tables';
import { DatasetIndex, type DistributionRow } from './dataset-index';

/** migration 002 NOTIFYs here when what package_search shows changes. */
export const openDataChannel = 'sy_opendata';

interface Built {
  generation: number;
  index: DatasetIndex;
}

async function readGeneration(db: CatalogDb): Promise<number> {
  const row = await sql<{ generation: number | string }>`SELECT generation FROM open_catalog_state`.execute(db);
  return Number(row.rows[0]?.generation ?? 0);
}

async function build(db: CatalogDb): Promise<Built> {
  const generation = await readGeneration(db);
  const [rows, dists, codes, groups] = await Promise.all([
    db.selectFrom('open_dataset').selectAll().where('state', '=', 'active').execute(),
    db.selectFrom('open_distribution').innerJoin('open_dataset', 'open_dataset.id', 'open_distribution.dataset_id').selectAll('open_distribution').where('open_dataset.state', '=', 'active').orderBy('position').execute(),
    db.selectFrom('open_dataset').innerJoin('catalog_resource', 'catalog_resource.id', 'open_dataset.resource_id').select(['open_dataset.id', 'catalog_resource.code']).where('open_dataset.state', '=', 'active').execute(),
    db.selectFrom('open_group').selectAll().execute(),
  ]);
  const byDataset = new Map<string, DistributionRow[]>();
  for (const d of dists) byDataset.set(d.dataset_id, [...(byDataset.get(d.dataset_id) ?? []), d]);
  return { generation, index: new DatasetIndex(rows, byDataset, new Map(codes.map((c) => [c.id, c.code])), new Map(groups.map((g) => [g.name, g]))) };
}

/**
 * The open datasets kept in memory by each server copy, as the service catalogue does
 * (services/catalog-cache.ts): a change anywhere NOTIFYs every copy at commit, which forgets its
 * index and builds the next one on first use. A copy that is not listening compares the generation
 * with one small read per request and rebuilds when it moved.
 */
class DatasetCache {
  private built: Built | null = null;
  private loading: Promise<Built> | null = null;
  private local = 0;

  constructor(
    private readonly db: CatalogDb,
    private readonly listener: ChangeListener | null,
  ) {}

  forget(): void {
    this.local += 1;
    this.built = null;
    this.loading = null;
  }

  async current(): Promise<DatasetIndex> {
    if (this.listener?.listening) return (this.built ?? (await (this.loading ?? this.load()))).index;
    const generation = await readGeneration(this.db);
    if (this.built && this.built.generation >= generation) return this.built.index;
    return (await this.load()).index;
  }

  private load(): Promise<Built> {
    const local = this.local;
    const loading = build(this.db).then(
      (built) => {
        if (this.loading === loading) this.loading = null;
        if (local === this.local) this.built = built;
        return built;
      },
      (error: unknown) => {
        if (this.loading === loading) this.loading = null;
        throw error;
      },
    );
    this.loading = loading;
    return loading;
  }
}

const unscoped = new WeakMap<object, DatasetCache>();

function cacheOf(db: CatalogDb): DatasetCache {
  const scope = scopeOf(db);
  if (scope) {
    return scope.use('catalog.opendata', (s) => {
      let cache: DatasetCache | null = null;
      const listener = new ChangeListener(s.url, openDataChannel, { onChange: () => cache?.forget(), onReset: () => cache?.forget() });
      cache = new DatasetCache(s.db as CatalogDb, listener);
      listener.start();
      s.onClose(() => listener.close());
      return cache;
    });
  }
  let cache = unscoped.get(db);
  if (!cache) unscoped.set(db, (cache = new DatasetCache(db, null)));
  return cache;
}

/** The current in-memory index of the open datasets. */
export const currentDatasets = (db: CatalogDb): Promise<DatasetIndex> => cacheOf(db).current();

/** After this process committed a change: its own next search sees it at once. */
export function openDataChanged(db: CatalogDb): void {
  cacheOf(db).forget();
}
