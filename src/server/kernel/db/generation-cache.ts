import { sql, type Kysely } from 'kysely';
import { ChangeListener } from './change-listener';
import { scopeOf } from './scope';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any: a view typed with whichever module's tables
type AnyDb = Kysely<any>;

export interface GenerationCacheOptions<T> {
  /** one cache per database and key, e.g. `services.catalog` */
  key: string;
  /** the channel the module's statement triggers NOTIFY at commit */
  channel: string;
  /** a one-row table with a `generation` column the same triggers bump (`[a-z_]+`) */
  stateTable: string;
  /** builds the value from the database (never from a caller's transaction) */
  load(db: AnyDb): Promise<T>;
}

/** The generation in `stateTable` (0 while it has no row: the triggers make the row with the first change). */
export async function readGeneration(db: AnyDb, stateTable: string): Promise<number> {
  const row = await sql<{ generation: string | number }>`SELECT generation FROM ${sql.table(stateTable)}`.execute(db);
  return Number(row.rows[0]?.generation ?? 0);
}

interface Built<T> {
  generation: number;
  value: T;
}

/**
 * A value derived from tables, kept in memory by each server copy and right with several copies:
 * a change anywhere bumps a generation and NOTIFYs every copy at commit, which forgets the value and
 * builds the next one on first use. A copy that is not listening (not yet, or its connection was
 * lost) compares the generation with one small read per request and rebuilds when it moved. A value
 * built while a change was announced is used once, not kept.
 */
export class GenerationCache<T> {
  private built: Built<T> | null = null;
  private local = 0;
  private loading: Promise<Built<T>> | null = null;

  constructor(
    private readonly db: AnyDb,
    private readonly options: GenerationCacheOptions<T>,
    private readonly listener: ChangeListener | null,
  ) {
    if (!/^[a-z_]+$/.test(options.stateTable)) throw new Error(`bad state table name: ${options.stateTable}`);
  }

  /** Drops the value (a change was announced, or this process committed one). */
  forget(): void {
    this.local += 1;
    this.built = null;
    this.loading = null;
  }

  /** The value when it can be used without asking the database (listening and built); else null. */
  ready(): T | null {
    return this.listener?.listening && this.built ? this.built.value : null;
  }

  async current(): Promise<T> {
    if (this.listener?.listening) return (this.built ?? (await (this.loading ?? this.load()))).value;
    const generation = await this.readGeneration();
    // a build that began before the change is too old; the callers that waited for it then share the
    // next build (the one the first of them starts) rather than each starting its own
    for (;;) {
      if (this.built && this.built.generation >= generation) return this.built.value;
      const pending = this.loading;
      if (!pending) return (await this.load()).value;
      const done = await pending;
      if (done.generation >= generation) return done.value;
    }
  }

  /** For a hot path: the value synchronously when it is ready (no promise, no await). */
  get(): T | Promise<T> {
    // not through ready(): a value that may itself be null must not read as "not ready"
    return this.listener?.listening && this.built ? this.built.value : this.current();
  }

  private readGeneration(): Promise<number> {
    return readGeneration(this.db, this.options.stateTable);
  }

  private load(): Promise<Built<T>> {
    const local = this.local;
    const loading = (async () => {
      // the generation first: a change committed during the build leaves an older number, so it is read again
      const generation = await this.readGeneration();
      return { generation, value: await this.options.load(this.db) };
    })().then(
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

// databases not opened by connect() have no scope: their caches live here and never listen
const unscoped = new WeakMap<object, Map<string, GenerationCache<unknown>>>();

/** The cache of `options.key` for the database behind `db` (one per database and process). */
export function generationCache<T>(db: AnyDb, options: GenerationCacheOptions<T>): GenerationCache<T> {
  const scope = scopeOf(db);
  if (scope) {
    return scope.use(options.key, (s) => {
      let cache: GenerationCache<T> | null = null;
      const listener = new ChangeListener(s.url, options.channel, { onChange: () => cache?.forget(), onReset: () => cache?.forget() });
      cache = new GenerationCache<T>(s.db, options, listener);
      // a first use during close() would open a LISTEN connection that nothing closes any more
      if (!s.closed) {
        listener.start();
        s.onClose(() => listener.close());
      }
      return cache;
    });
  }
  let caches = unscoped.get(db);
  if (!caches) unscoped.set(db, (caches = new Map()));
  let cache = caches.get(options.key) as GenerationCache<T> | undefined;
  if (!cache) caches.set(options.key, (cache = new GenerationCache<T>(db, options, null)));
  return cache;
}
