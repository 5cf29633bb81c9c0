import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { ownTables } from '../db/database';
import { chainPendingAudit } from './chainer';
import { purgeExpiredAudit } from './retention';
import type { AuditTables } from './tables';
import { verifyAuditChain } from './verify';
import { auditAlone } from './write';

let t: TestDatabase;
const db = () => ownTables<AuditTables>(t.database);
const purge = (days: number) => t.database.db.transaction().execute((tx) => purgeExpiredAudit(tx, days));

beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe('audit retention', () => {
  it('refuses a period under 180 days', async () => {
    await expect(purge(90)).rejects.toThrow(/at least 180/);
  });

  it('purges only records past the period, and the rest of the chain still verifies', async () => {
    for (let i = 0; i < 6; i += 1) await auditAlone(t.database.db, { action: 'test.old', details: { i } });
    await chainPendingAudit(t.database.db);
    // make the first four records 200 days old (as if written then): the clock is what moves, not the record
    const { rows } = await sql<{ seq: number }>`SELECT seq FROM audit_log ORDER BY seq LIMIT 4`.execute(t.database.db);
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.database.db);
    // re-hash is not needed for the purged rows: they leave; the kept rows are untouched
    await sql`UPDATE audit_log SET at = at - interval '200 days' WHERE seq <= ${rows[3]!.seq}`.execute(t.database.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.database.db);
    const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(t.database.db)).rows[0]!.n);

    expect(await purge(180)).toBe(4);
    const left = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log`.execute(t.database.db)).rows[0]!.n);
    expect(left).toBe(total - 4);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: left });
    expect(await purge(180)).toBe(0);
    // outside the retention job, deleting is still refused
    await expect(sql`DELETE FROM audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('purges a prefix of the chain only: a young record stops the purge even when older ones follow it', async () => {
    // the chain follows commit order, so a record written earlier may come after a later one;
    // the times are set while the records wait to be chained, so that their hashes are right
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.database.db);
    await sql`UPDATE audit_log SET at = at - interval '200 days'`.execute(t.database.db); // all earlier records: purged below
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(t.database.db);
    for (let i = 0; i < 3; i += 1) await auditAlone(t.database.db, { action: 'test.order', details: { i } });
    await sql`UPDATE audit_pending SET at = at - interval '200 days' WHERE details->>'i' IN ('0', '2')`.execute(t.database.db);
    await chainPendingAudit(t.database.db);
    const young = await sql<{ seq: number }>`SELECT seq FROM audit_log WHERE details->>'i' = '1' AND action = 'test.order'`.execute(t.database.db);
    const before = (await sql<{ seq: number }>`SELECT seq FROM audit_log ORDER BY seq`.execute(t.database.db)).rows.map((r) => r.seq);
    await purge(180);
    const left = (await sql<{ seq: number }>`SELECT seq FROM audit_log ORDER BY seq`.execute(t.database.db)).rows.map((r) => r.seq);
    expect(left).toEqual(before.filter((seq) => seq >= young.rows[0]!.seq));
    expect(left).toHaveLength(2);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 2 });
  });
});
