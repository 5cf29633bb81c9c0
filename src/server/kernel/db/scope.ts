import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any: a view typed with whichever module's tables
type AnyDb = Kysely<any>;

/**
 * What a process keeps about one database beside its pool: caches and the
 * listeners that keep them right (e.g. the working calendar). Reached from any
 * Kysely view of the database, including a transaction, so that a function
 * given only `tx` can use it.
 */
export interface DatabaseScope {
  /** the database itself (never a transaction): for reads that must not depend on a caller's snapshot */
  readonly db: AnyDb;
  /** connection string, for a dedicated LISTEN connection outside the pool */
  readonly url: string;
  /** one value per key for this database, made on first use */
  use<T>(key: string, make: (scope: DatabaseScope) => T): T;
  /** runs when the database is closed, before the pool ends */
  onClose(hook: () => Promise<void>): void;
  readonly closed: boolean;
}

// keyed by the dialect adapter: one per root Kysely instance, shared by its table views and transactions
const scopes = new WeakMap<object, DatabaseScope>();

/**
 * The link from a Kysely instance or transaction to its scope. Kysely marks
 * getExecutor() internal, but it is the one link from a transaction to its
 * database (pinned Kysely version); without it, callers simply work uncached.
 */
function keyOf(db: AnyDb): object | null {
  const withExecutor = db as unknown as { getExecutor?: () => { adapter: object } };
  return typeof withExecutor.getExecutor === 'function' ? withExecutor.getExecutor().adapter : null;
}

export function createScope(db: AnyDb, url: string): { scope: DatabaseScope; close(): Promise<void> } {
  const values = new Map<string, unknown>();
  const hooks: Array<() => Promise<void>> = [];
  let closed = false;
  const scope: DatabaseScope = {
    db,
    url,
    use<T>(key: string, make: (s: DatabaseScope) => T): T {
      if (!values.has(key)) values.set(key, make(scope));
      return values.get(key) as T;
    },
    onClose(hook) {
      hooks.push(hook);
    },
    get closed() {
      return closed;
    },
  };
  const key = keyOf(db);
  if (key) scopes.set(key, scope);
  return {
    scope,
    close: async () => {
      closed = true;
      await Promise.allSettled(hooks.map((hook) => hook()));
    },
  };
}

/** The scope of the database behind `db` (null for a Kysely instance not made by connect()). */
export function scopeOf(db: AnyDb): DatabaseScope | null {
  const key = keyOf(db);
  return key ? (scopes.get(key) ?? null) : null;
}
