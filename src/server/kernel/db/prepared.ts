import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Simple statements that the platform runs over and over (a workflow action is a
 * dozen keyed SELECTs, INSERTs and UPDATEs) become named, prepared statements on
 * each connection: PostgreSQL parses and plans them once per connection instead
 * of on every call, which was close to half of their time in the database.
 *
 * Only statements whose plan cannot go wrong when reused are prepared: keyed
 * reads and writes without joins, aggregates, pattern matches, array operators
 * or subqueries. Reports and searches keep being planned for their actual
 * arguments. A statement whose result columns changed under it (a migration
 * while this process runs, e.g. a column added to a table read with `select *`)
 * fails once on that connection and is prepared afresh under a new name.
 */
const maxPreparedPerConnection = 300;
const maxLength = 2000;
const maxParameters = 100;
const notSimple = /\b(join|group\s+by|having|union|intersect|except|over|distinct|like|ilike|similar|exists|with)\b|\(\s*select\b|count\s*\(|&&|@>|<@|\bany\s*\(/i;

/** A statement worth preparing, by its text. */
export function isPreparable(text: string, parameterCount: number): boolean {
  return parameterCount > 0 && parameterCount <= maxParameters && text.length <= maxLength && /^\s*(select|insert|update|delete)\b/i.test(text) && !notSimple.test(text);
}

interface ConnectionState {
  /** statement text → its current name on this connection */
  names: Map<string, string>;
  retired: number;
}

const staleResultType = (error: unknown) =>
  (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test(String((error as Error).message));

/** Eligibility by text, decided once: the regular expressions are not run per call. */
const eligible = new Map<string, boolean>();
function preparable(text: string, parameterCount: number): boolean {
  const key = `${parameterCount}:${text}`;
  let known = eligible.get(key);
  if (known === undefined) {
    if (eligible.size >= 10_000) eligible.clear();
    known = isPreparable(text, parameterCount);
    eligible.set(key, known);
  }
  return known;
}

function wrap(client: pg.PoolClient): PostgresPoolClient {
  const state: ConnectionState = { names: new Map(), retired: 0 };
  const nameFor = (text: string): string | null => {
    const known = state.names.get(text);
    if (known) return known;
    if (state.names.size >= maxPreparedPerConnection) return null;
    const name = `sy_${createHash('sha1').update(text).digest('hex').slice(0, 24)}_${state.retired}`;
    state.names.set(text, name);
    return name;
  };
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never) as unknown as PostgresCursor<R>;
    const values = [...(parameters ?? [])];
    const name = preparable(sqlOrCursor, values.length) ? nameFor(sqlOrCursor) : null;
    if (!name) return client.query(sqlOrCursor, values) as unknown as Promise<PostgresQueryResult<R>>;
    return (client.query({ name, text: sqlOrCursor, values }) as unknown as Promise<PostgresQueryResult<R>>).catch((error: unknown) => {
      // the old statement stays on the server under its old name (it cannot be deallocated inside the failed transaction)
      if (staleResultType(error)) {
        state.names.delete(sqlOrCursor);
        state.retired += 1;
      }
      throw error;
    });
  }
  return { query, release: (destroy?: boolean) => client.release(destroy) };
}

/** The pool as Kysely sees it: the same connections, with simple statements prepared. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let view = wrapped.get(client);
      if (!view) {
        view = wrap(client);
        wrapped.set(client, view);
      }
      return view;
    },
    end: () => pool.end(),
  };
}
