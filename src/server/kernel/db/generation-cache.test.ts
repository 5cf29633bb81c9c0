import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { connect, inTransaction, type Database } from './database';
import { generationCache, type GenerationCache } from './generation-cache';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any: the test's own tables, untyped
type AnyDb = Kysely<any>;

let t: TestDatabase;
let other: Database; // a second server copy on the same database
let plain: AnyDb; // a Kysely not made by connect(): no scope, so its caches never listen
let plainPool: pg.Pool;
let generationReads = 0; // on `plain`

beforeAll(async () => {
  t = await freshDatabase({ empty: true });
  other = connect(t.url, 2);
  plainPool = new pg.Pool({ connectionString: t.url, max: 3 });
  plain = new Kysely({
    dialect: new PostgresDialect({ pool: plainPool }),
    log: (event) => {
      if (event.query.sql.includes('gc_state')) generationReads += 1;
    },
  });
  // as a module's migration does: a statement trigger bumps the generation and NOTIFYs at commit
  await sql`
    CREATE TABLE gc_state (id boolean PRIMARY KEY DEFAULT true CHECK (id), generation bigint NOT NULL DEFAULT 0);
    CREATE TABLE gc_item (name text PRIMARY KEY);
    CREATE FUNCTION gc_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO gc_state (id, generation) VALUES (true, 1) ON CONFLICT (id) DO UPDATE SET generation = gc_state.generation + 1;
      PERFORM pg_notify('sy_gc_test', TG_OP);
      RETURN NULL;
    END $$;
    CREATE TRIGGER gc_item_changed AFTER INSERT OR DELETE OR UPDATE ON gc_item FOR EACH STATEMENT EXECUTE FUNCTION gc_changed();
    INSERT INTO gc_item VALUES ('a');
  `.execute(t.database.db);
});
afterAll(async () => {
  await plain.destroy();
  await other.close();
  await t.drop();
});

/** A cache of the item names with its own key; counts its builds, and can be held or made to fail. */
function names(db: AnyDb, key: string) {
  const probe = { loads: 0, fail: false, gate: null as Promise<void> | null, entered: () => {} };
  const cache = generationCache(db, {
    key,
    channel: 'sy_gc_test',
    stateTable: 'gc_state',
    async load(d) {
      probe.loads += 1;
      probe.entered();
      if (probe.gate) await probe.gate;
      if (probe.fail) throw new Error('load failed');
      return (await sql<{ name: string }>`SELECT name FROM gc_item ORDER BY name`.execute(d)).rows.map((r) => r.name);
    },
  });
  return { cache, probe };
}

/** Holds the next loads until `open()`; `entered` resolves once one of them has started. */
function hold(probe: ReturnType<typeof names>['probe']) {
  let open = () => {};
  probe.gate = new Promise<void>((resolve) => (open = resolve));
  const entered = new Promise<void>((resolve) => (probe.entered = resolve));
  return {
    entered,
    open: () => {
      probe.gate = null;
      open();
    },
  };
}

const listening = async (cache: GenerationCache<string[]>) => {
  await expect.poll(async () => (await cache.current(), cache.ready()), { timeout: 5000 }).not.toBeNull();
};

/** A change committed by another client, as another server copy or psql would. */
async function elsewhere(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe('a generation cache on a database opened by connect() (listening)', () => {
  it('is one cache per database and key, also when reached through a transaction', async () => {
    const { cache } = names(t.database.db, 'test.one');
    expect(names(t.database.db, 'test.one').cache).toBe(cache);
    expect(await inTransaction(t.database.db, async (tx) => names(tx, 'test.one').cache)).toBe(cache);
    expect(names(t.database.db, 'test.two').cache).not.toBe(cache);
    expect(() => generationCache(plain, { key: 'test.bad', channel: 'sy_gc_test', stateTable: 'gc_state; DROP TABLE gc_item', load: async () => 1 })).toThrow(/bad state table/);
  });

  it('builds the value once and reuses it, synchronously from get()', async () => {
    const { cache, probe } = names(t.database.db, 'test.reuse');
    await listening(cache);
    const loads = probe.loads;
    const value = await cache.current();
    expect(await cache.current()).toBe(value);
    expect(cache.get()).toBe(value); // the value itself, not a promise
    expect(probe.loads).toBe(loads);
  });

  it('rebuilds after a change committed by another client; another copy sees it too', async () => {
    const { cache, probe } = names(t.database.db, 'test.notify');
    const { cache: onOther } = names(other.db, 'test.notify');
    await listening(cache);
    await listening(onOther);
    const loads = probe.loads;
    expect(await cache.current()).not.toContain('n1');
    await elsewhere(`INSERT INTO gc_item VALUES ('n1')`);
    await expect.poll(() => cache.current(), { timeout: 5000 }).toContain('n1');
    await expect.poll(() => onOther.current(), { timeout: 5000 }).toContain('n1');
    expect(probe.loads).toBe(loads + 1);
    // a change inside a transaction that rolls back announces nothing
    const settled = await cache.current();
    await inTransaction(other.db, async (tx) => {
      await sql`INSERT INTO gc_item VALUES ('never')`.execute(tx);
      throw new Error('rolled back');
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 200));
    expect(await cache.current()).toBe(settled);
  });

  it('forget() makes the next read rebuild', async () => {
    const { cache, probe } = names(t.database.db, 'test.forget');
    await listening(cache);
    const value = await cache.current();
    const loads = probe.loads;
    cache.forget();
    expect(cache.ready()).toBeNull();
    const next = await cache.current();
    expect(next).not.toBe(value);
    expect(next).toEqual(value);
    expect(probe.loads).toBe(loads + 1);
  });

  it('concurrent reads share one build', async () => {
    const { cache, probe } = names(t.database.db, 'test.share');
    await listening(cache);
    cache.forget();
    const loads = probe.loads;
    const values = await Promise.all([cache.current(), cache.current(), cache.get(), cache.current()]);
    expect(new Set(values).size).toBe(1);
    expect(probe.loads).toBe(loads + 1);
  });

  it('a value built while a change was announced is used once, not kept', async () => {
    const { cache, probe } = names(t.database.db, 'test.once');
    await listening(cache);
    cache.forget();
    const held = hold(probe);
    const reading = cache.current();
    await held.entered;
    cache.forget(); // as a NOTIFY arriving during the build does
    held.open();
    const value = await reading;
    const loads = probe.loads;
    expect(cache.ready()).toBeNull();
    expect(await cache.current()).not.toBe(value);
    expect(probe.loads).toBe(loads + 1);
  });

  it('a failed build is not kept: the next read builds again', async () => {
    const { cache, probe } = names(t.database.db, 'test.fail');
    await listening(cache);
    cache.forget();
    probe.fail = true;
    await expect(Promise.all([cache.current(), cache.current()])).rejects.toThrow('load failed');
    const loads = probe.loads;
    probe.fail = false;
    expect(await cache.current()).toContain('a');
    expect(probe.loads).toBe(loads + 1);
  });
});

describe('a generation cache on a database without scope (never listening)', () => {
  it('reads the generation on every request and rebuilds only when it moved', async () => {
    const { cache, probe } = names(plain, 'test.plain');
    const first = await cache.current();
    expect(await cache.current()).toBe(first);
    expect(cache.ready()).toBeNull();
    expect(cache.get()).toBeInstanceOf(Promise);
    expect(probe.loads).toBe(1);
    await elsewhere(`INSERT INTO gc_item VALUES ('p1')`);
    const next = await cache.current(); // no wait: the generation read sees the commit
    expect(next).toContain('p1');
    expect(probe.loads).toBe(2);
    cache.forget();
    expect(await cache.current()).not.toBe(next);
    expect(probe.loads).toBe(3);
  });

  it('readers that waited for a build begun before a change share the next build', async () => {
    const { cache, probe } = names(plain, 'test.plain-share');
    await cache.current();
    await elsewhere(`INSERT INTO gc_item VALUES ('p2')`);
    const held = hold(probe);
    const early = cache.current(); // its build read the generation before the next change
    await held.entered;
    await elsewhere(`INSERT INTO gc_item VALUES ('p3')`);
    const reads = generationReads;
    const late = [cache.current(), cache.current(), cache.current()];
    await expect.poll(() => generationReads).toBe(reads + 3); // all three now wait for the early build
    const loads = probe.loads;
    held.open();
    expect(await early).toContain('p2');
    const values = await Promise.all(late);
    expect(new Set(values).size).toBe(1);
    expect(values[0]).toContain('p3');
    expect(probe.loads).toBe(loads + 1);
  });

  it('a failed build is not kept', async () => {
    const { cache, probe } = names(plain, 'test.plain-fail');
    probe.fail = true;
    await expect(cache.current()).rejects.toThrow('load failed');
    probe.fail = false;
    expect(await cache.current()).toContain('a');
    expect(probe.loads).toBe(2);
  });
});
