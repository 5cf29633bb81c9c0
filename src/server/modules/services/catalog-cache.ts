import { sql } from 'kysely';
import { ChangeListener } from '../../kernel/db/change-listener';
import { scopeOf } from '../../kernel/db/scope';
import { CatalogIndex } from './search/catalog-index';
import { readGuide } from './snapshot';
import type { ServicesDb } from './store';

/** The trigger on service_item NOTIFYs here when what is published changes (migration 001). */
export const catalogChannel = 'sy_services';

/** The published catalogue: the snapshot of the current version of every published item. */
interface Built {
  generation: number;
  index: CatalogIndex;
}

export async function loadCatalog(db: ServicesDb): Promise<Built> {
  const generation = await readGeneration(db);
  const rows = await db
    .selectFrom('service_item as i')
    .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.version'))
    .select('v.snapshot')
    .where('i.status', '=', 'published')
    .execute();
  return { generation, index: new CatalogIndex(rows.map((r) => readGuide(r.snapshot))) };
}

async function readGeneration(db: ServicesDb): Promise<number> {
  const row = await sql<{ generation: string | number }>`SELECT generation FROM service_catalog_state`.execute(db);
  return Number(row.rows[0]?.generation ?? 0);
}

/**
 * The published catalogue kept in memory by each server copy: search and guide reads touch no
 * database. Right with several copies: a publication anywhere NOTIFYs every copy at commit, which
 * forgets its index and builds the next one on first use. A copy that is not listening (not yet,
 * or its connection was lost) compares the catalogue's generation with one small read per request
 * and rebuilds when it moved. An index built while a change was announced is used once, not kept.
 */
export class CatalogCache {
  private built: Built | null = null;
  private localGeneration = 0;
  private loading: Promise<Built> | null = null;

  constructor(
    private readonly db: ServicesDb,
    private readonly listener: ChangeListener | null,
  ) {}

  /** Drops the index (a change was announced, or this process committed one). */
  forget(): void {
    this.localGeneration += 1;
    this.built = null;
    this.loading = null;
  }

  /** The index when it can be used without asking the database (listening and built); else null. */
  ready(): CatalogIndex | null {
    return this.listener?.listening && this.built ? this.built.index : null;
  }

  async current(): Promise<CatalogIndex> {
    if (this.listener?.listening) return (this.built ?? (await (this.loading ?? this.load()))).index;
    const generation = await readGeneration(this.db);
    if (this.built && this.built.generation >= generation) return this.built.index;
    const pending = this.loading ? await this.loading : null;
    return (pending && pending.generation >= generation ? pending : await this.load()).index;
  }

  private load(): Promise<Built> {
    const local = this.localGeneration;
    const loading = loadCatalog(this.db).then(
      (built) => {
        if (this.loading === loading) this.loading = null;
        if (local === this.localGeneration) this.built = built;
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

// databases not opened by connect() have no scope: their caches live here and never listen
const unscoped = new WeakMap<object, CatalogCache>();

/** The catalogue cache of the database behind `db` (one per database and process). */
export function catalogCache(db: ServicesDb): CatalogCache {
  const scope = scopeOf(db);
  if (scope) {
    return scope.use('services.catalog', (s) => {
      let cache: CatalogCache | null = null;
      const listener = new ChangeListener(s.url, catalogChannel, { onChange: () => cache?.forget(), onReset: () => cache?.forget() });
      cache = new CatalogCache(s.db as ServicesDb, listener);
      listener.start();
      s.onClose(() => listener.close());
      return cache;
    });
  }
  let cache = unscoped.get(db);
  if (!cache) unscoped.set(db, (cache = new CatalogCache(db, null)));
  return cache;
}

/** After this process committed a change to what is published: its own next read sees it at once. */
export function catalogChanged(db: ServicesDb): void {
  catalogCache(db).forget();
}

/** The current index of the published catalogue. */
export const currentCatalog = (db: ServicesDb): Promise<CatalogIndex> => catalogCache(db).current();

/** For a hot path: the current index, synchronously when it is ready (no promise, no await). */
export function catalogReader(db: ServicesDb): () => CatalogIndex | Promise<CatalogIndex> {
  let cache: CatalogCache | null = null;
  return () => {
    cache ??= catalogCache(db);
    return cache.ready() ?? cache.current();
  };
}
