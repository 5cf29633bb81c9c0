import { Kysely, PostgresDialect, type Generated, type Transaction } from 'kysely';
import pg from 'pg';
import { preparingPool } from './prepared';
import { createScope } from './scope';

// Return int8/numeric as JS numbers where they fit; counts come back as strings otherwise.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
});

/** Tables owned by the kernel. Modules add theirs with `db.withTables<T>()`. */
export interface KernelTables {
  schema_migrations: {
    module: string;
    version: number;
    name: string;
    checksum: string;
    applied_at: Generated<Date>;
  };
}

export type Db = Kysely<KernelTables>;
export type Tx<T = KernelTables> = Transaction<T>;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function connect(url: string, max = 20): Database {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, application_name: 'smart-yongchuan' });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<KernelTables>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  const scope = createScope(db, url);
  return {
    db,
    pool,
    close: async () => {
      await scope.close();
      await db.destroy();
    },
  };
}

/** Runs `work` in ONE transaction; pass the transaction on explicitly (DESIGN §3). */
export function inTransaction<T, R>(db: Kysely<T>, work: (tx: Transaction<T>) => Promise<R>): Promise<R> {
  return db.transaction().execute(work);
}

/**
 * A module's view of the database: typed with ONLY the tables it owns, so that
 * reaching into another module's tables does not compile. The runtime object
 * is the shared Kysely instance (one pool for the process).
 */
export function ownTables<T>(database: Database): Kysely<T> {
  return database.db as unknown as Kysely<T>;
}
