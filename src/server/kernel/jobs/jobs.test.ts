import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { connect, type Database } from '../db/database';
import { EventBus } from '../events/bus';
import { createLogger } from '../logger';
import { enqueue } from './enqueue';
import { JobRunner } from './runner';

const log = createLogger('silent');
let t: TestDatabase;
let second: Database; // a second server copy: its own pool on the same database

beforeAll(async () => {
  t = await freshDatabase();
  second = connect(t.url, 5);
  await sql`CREATE TABLE effect (key text, n int NOT NULL DEFAULT 1)`.execute(t.database.db);
});
afterAll(async () => {
  await second.close();
  await t.drop();
});
beforeEach(async () => {
  await sql`TRUNCATE job, outbox_event, effect`.execute(t.database.db);
});

const effects = async () =>
  (await sql<{ key: string; n: number }>`SELECT key, count(*)::int AS n FROM effect GROUP BY key ORDER BY key`.execute(t.database.db)).rows;
const recordEffect = async (tx: Parameters<Parameters<JobRunner['handle']>[1]>[0], key: string) => {
  await sql`INSERT INTO effect (key) VALUES (${key})`.execute(tx);
};

describe('jobs', () => {
  it('two runners on one database run each of 200 jobs exactly once', async () => {
    await t.database.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 200; i += 1) await enqueue(tx, 'test.effect', { key: `k${i}` });
    });
    const make = (db: Database, id: string) =>
      new JobRunner(db, log, { workerId: id, batchSize: 7 }).handle('test.effect', (tx, payload) => recordEffect(tx, (payload as { key: string }).key));
    const a = make(t.database, 'a');
    const b = make(second, 'b');
    const drain = async (r: JobRunner) => {
      while ((await r.runOnce()) > 0);
    };
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    const rows = await effects();
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM job WHERE status = 'done'`.execute(t.database.db);
    expect(done.rows[0]!.n).toBe(200);
  });

  it('a unique key makes a job exist once however often it is asked for (e.g. one escalation per level)', async () => {
    const results = await Promise.all(
      [t.database, second, t.database].map((db) => db.db.transaction().execute((tx) => enqueue(tx, 'test.effect', { key: 'escalate' }, { uniqueKey: 'escalate:case-1:level-2' }))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('retries a failing job with backoff, rolling back its partial effects, then marks it dead', async () => {
    await t.database.db.transaction().execute((tx) => enqueue(tx, 'test.flaky', {}, { maxAttempts: 2 }));
    let calls = 0;
    const runner = new JobRunner(t.database, log).handle('test.flaky', async (tx) => {
      calls += 1;
      await recordEffect(tx, 'partial');
      throw new Error('SMS gateway unreachable');
    });
    expect(await runner.runOnce()).toBe(1);
    const [afterFirst] = (await sql<{ status: string; run_at: Date; last_error: string }>`SELECT status, run_at, last_error FROM job`.execute(t.database.db)).rows;
    expect(afterFirst).toMatchObject({ status: 'pending', last_error: 'SMS gateway unreachable' });
    expect(afterFirst!.run_at.getTime()).toBeGreaterThan(Date.now() + 1000);
    expect(await runner.runOnce()).toBe(0); // not due yet
    await sql`UPDATE job SET run_at = now()`.execute(t.database.db);
    expect(await runner.runOnce()).toBe(1);
    expect((await sql<{ status: string }>`SELECT status FROM job`.execute(t.database.db)).rows[0]!.status).toBe('dead');
    expect(calls).toBe(2);
    expect(await effects()).toEqual([]);
  });

  it('takes over a job whose runner died (lease expired), and the late runner cannot also complete it', async () => {
    await t.database.db.transaction().execute((tx) => enqueue(tx, 'test.effect', { key: 'taken-over' }));
    // runner "dead" claimed it and vanished
    await sql`UPDATE job SET status = 'running', locked_by = 'dead', locked_until = now() - interval '1 second', attempts = 1`.execute(t.database.db);
    const alive = new JobRunner(second, log, { workerId: 'alive' }).handle('test.effect', (tx, p) => recordEffect(tx, (p as { key: string }).key));
    expect(await alive.runOnce()).toBe(1);
    expect(await effects()).toEqual([{ key: 'taken-over', n: 1 }]);
  });

  it('a recurring job runs once per time slot even when two copies schedule it', async () => {
    let runs = 0;
    const make = (db: Database) => new JobRunner(db, log).every('test.hourly', 3_600_000, async () => void (runs += 1));
    const a = make(t.database);
    const b = make(second);
    const now = Date.now();
    await Promise.all([a.scheduleRecurring(now), b.scheduleRecurring(now), a.scheduleRecurring(now + 1000)]);
    await Promise.all([a.runOnce(), b.runOnce()]);
    expect(runs).toBe(1);
  });

  it('start() wakes on NOTIFY and runs new work promptly; stop() finishes cleanly', async () => {
    const runner = new JobRunner(second, log, { pollMs: 60_000 }).handle('test.effect', (tx, p) => recordEffect(tx, (p as { key: string }).key));
    await runner.start();
    await new Promise((r) => setTimeout(r, 200));
    await t.database.db.transaction().execute((tx) => enqueue(tx, 'test.effect', { key: 'notified' }));
    await expect.poll(effects, { timeout: 5000 }).toEqual([{ key: 'notified', n: 1 }]);
    await runner.stop();
  });
});

describe('transactional outbox', () => {
  it('an event exists only if its change committed; each subscriber gets it once, also after a crash before dispatch', async () => {
    const runnerA = new JobRunner(t.database, log);
    const busA = new EventBus(runnerA);
    const seen: string[] = [];
    busA.subscribe('org.renamed', 'notify.inbox', async (tx, e) => recordEffect(tx, `inbox:${(e.payload as { name: string }).name}`));
    busA.subscribe('org.renamed', 'search.reindex', async (tx, e) => {
      seen.push(e.id);
      await recordEffect(tx, `search:${(e.payload as { name: string }).name}`);
    });

    await expect(
      t.database.db.transaction().execute(async (tx) => {
        await busA.publish(tx, 'org.renamed', { name: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    await busA.publish(t.database.db, 'org.renamed', { name: '区民政局' }).catch(() => undefined);

    // "crash": the publishing process never dispatches; another copy, started later, delivers
    const runnerB = new JobRunner(second, log);
    const busB = new EventBus(runnerB);
    busB.subscribe('org.renamed', 'notify.inbox', async (tx, e) => recordEffect(tx, `inbox:${(e.payload as { name: string }).name}`));
    busB.subscribe('org.renamed', 'search.reindex', async (tx, e) => recordEffect(tx, `search:${(e.payload as { name: string }).name}`));
    await Promise.all([runnerB.runOnce(), runnerA.runOnce()]);
    await runnerB.runOnce();
    expect(await effects()).toEqual([
      { key: 'inbox:区民政局', n: 1 },
      { key: 'search:区民政局', n: 1 },
    ]);
    const outbox = await sql<{ n: number }>`SELECT count(*)::int AS n FROM outbox_event`.execute(t.database.db);
    expect(outbox.rows[0]!.n).toBe(1);
    expect(seen.length).toBeLessThanOrEqual(1);
  });
});
