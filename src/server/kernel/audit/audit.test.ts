import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { connect, ownTables, type Database } from '../db/database';
import { createLogger } from '../logger';
import { AuditChainRunner } from './chain-runner';
import { chainPendingAudit } from './chainer';
import type { AuditTables } from './tables';
import { verifyAuditChain } from './verify';
import { appendAudit, auditAlone } from './write';

let t: TestDatabase;
let second: Database; // another server copy: its own pool on the same database
const db = () => ownTables<AuditTables>(t.database);
const chain = () => chainPendingAudit(t.database.db);
const count = async (table: 'audit_log' | 'audit_pending') =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);

beforeAll(async () => {
  t = await freshDatabase();
  second = connect(t.url, 5);
});
afterAll(async () => {
  await second.close();
  await t.drop();
});

/** What an attacker with database access does: bypass the append-only trigger. */
async function tamper(statement: ReturnType<typeof sql>) {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.database.db);
  await statement.execute(t.database.db);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.database.db);
}

describe('the audit chain', () => {
  beforeEach(async () => {
    await tamper(sql`TRUNCATE audit_log, audit_pending`);
    await sql`DELETE FROM audit_head`.execute(t.database.db);
    for (let i = 0; i < 10; i += 1) {
      await auditAlone(t.database.db, { action: 'test.event', actorName: `用户${i}`, ip: '10.0.0.1', details: { i, note: '测试' } });
    }
    await chain();
  });

  it('verifies an intact chain', async () => {
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 10, lastSeq: 10, firstProblem: null });
  });

  it('the database refuses updates and deletes of audit records', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 3`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 3`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('names a changed record', async () => {
    await tamper(sql`UPDATE audit_log SET details = '{"i": 99}' WHERE seq = 4`);
    expect((await verifyAuditChain(db())).firstProblem).toMatchObject({ seq: 4, problem: 'changed' });
  });

  it('names the place of a removed record', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE seq = 6`);
    expect((await verifyAuditChain(db())).firstProblem).toMatchObject({ seq: 7, problem: 'removed' });
  });

  it('detects removal of the newest records through the head', async () => {
    await tamper(sql`DELETE FROM audit_log WHERE seq >= 9`);
    expect((await verifyAuditChain(db())).firstProblem).toMatchObject({ seq: 9, problem: 'removed' });
  });

  it('names an inserted record', async () => {
    // renumber to make room, then insert a forged record whose own hash is consistent
    await tamper(sql`UPDATE audit_log SET seq = seq + 100 WHERE seq > 5`);
    await tamper(sql`INSERT INTO audit_log SELECT 6, at, actor_id, 'forger', org_id, ip, action, object_type, object_id, result, details, prev_hash, hash FROM audit_log WHERE seq = 5`);
    const result = await verifyAuditChain(db());
    expect(result.ok).toBe(false);
    expect(result.firstProblem!.seq).toBe(6);
  });

  it('a change and its audit record commit or roll back together', async () => {
    await expect(
      t.database.db.transaction().execute(async (tx) => {
        await appendAudit(tx, { action: 'test.rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count('audit_pending')).toBe(0);
    await chain();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 10 });
  });

  it('keeps one line when many transactions append at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => auditAlone(t.database.db, { action: 'test.parallel', details: { i } })));
    await chain();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 30 });
  });
});

describe('asynchronous chaining (docs/decisions/0007)', () => {
  beforeEach(async () => {
    await tamper(sql`TRUNCATE audit_log, audit_pending`);
    await sql`DELETE FROM audit_head`.execute(t.database.db);
  });

  it('writers do not wait for each other: a transaction holding an audit record open does not block another', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = t.database.db.transaction().execute(async (tx) => {
      await appendAudit(tx, { action: 'test.slow' });
      await held;
    });
    // before the change, this second append queued on the head row until the first transaction ended
    await Promise.race([
      auditAlone(second.db, { action: 'test.fast' }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('the second writer waited for the first')), 5000)),
    ]);
    // the chainer sees only what has committed: the open transaction's record keeps its place for later
    expect(await chainPendingAudit(second.db)).toBe(1);
    release();
    await slow;
    expect(await chain()).toBe(1);
    const rows = await db().selectFrom('audit_log').select(['seq', 'action']).orderBy('seq').execute();
    expect(rows).toEqual([
      { seq: 1, action: 'test.fast' },
      { seq: 2, action: 'test.slow' },
    ]);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 2 });
  });

  it('keeps the content and the time of writing, and leaves nothing pending', async () => {
    const before = Date.now();
    await auditAlone(t.database.db, { actorName: '王审核', ip: '10.1.1.1', action: 'test.content', objectType: 'thing', objectId: 'T-1', result: 'denied', details: { 原因: '无权限', n: 1.5, nested: { b: 2, a: [1, '二'] } } });
    await new Promise((r) => setTimeout(r, 300));
    await chain();
    const [row] = await db().selectFrom('audit_log').selectAll().execute();
    expect(row).toMatchObject({ seq: 1, actor_name: '王审核', ip: '10.1.1.1', action: 'test.content', object_type: 'thing', object_id: 'T-1', result: 'denied', details: { 原因: '无权限', n: 1.5, nested: { b: 2, a: [1, '二'] } } });
    expect(row!.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(row!.at.getTime()).toBeLessThan(before + 250); // the time of writing, not of chaining
    expect(await count('audit_pending')).toBe(0);
  });

  it('two server copies chaining at once form one line, in batches, with nothing lost or doubled', async () => {
    for (let i = 0; i < 5; i += 1) {
      await t.database.db.transaction().execute(async (tx) => {
        for (let j = 0; j < 100; j += 1) await appendAudit(tx, { action: 'test.bulk', details: { i, j } });
      });
    }
    const moved = await Promise.all([chainPendingAudit(t.database.db, 70), chainPendingAudit(second.db, 70), chainPendingAudit(second.db, 70)]);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(500);
    expect(await count('audit_log')).toBe(500);
    expect(await count('audit_pending')).toBe(0);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 500, lastSeq: 500 });
    // pending order is kept: within one transaction the records follow each other
    const { rows } = await sql<{ ok: boolean }>`SELECT bool_and((details->>'j')::int = (seq - 1) % 100) AS ok FROM audit_log`.execute(t.database.db);
    expect(rows[0]!.ok).toBe(true);
  });

  it('the running chainer chains a committed record promptly, and verification then sees it', async () => {
    const runner = new AuditChainRunner(second.db, createLogger('silent'), { idleMs: 20 });
    runner.start();
    try {
      await auditAlone(t.database.db, { action: 'test.live' });
      await expect.poll(() => count('audit_log'), { timeout: 2000, interval: 10 }).toBe(1);
      expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 1 });
    } finally {
      await runner.stop();
    }
  });
});
