import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { ownTables } from '../db/database';
import type { AuditTables } from './tables';
import { verifyAuditChain } from './verify';
import { appendAudit, auditAlone } from './write';

let t: TestDatabase;
const db = () => ownTables<AuditTables>(t.database);

beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => {
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
    await tamper(sql`TRUNCATE audit_log`);
    await sql`DELETE FROM audit_head`.execute(t.database.db);
    for (let i = 0; i < 10; i += 1) {
      await auditAlone(t.database.db, { action: 'test.event', actorName: `用户${i}`, ip: '10.0.0.1', details: { i, note: '测试' } });
    }
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
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 10 });
  });

  it('keeps one line when many transactions append at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => auditAlone(t.database.db, { action: 'test.parallel', details: { i } })));
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 30 });
  });
});
