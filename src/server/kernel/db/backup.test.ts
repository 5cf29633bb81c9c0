import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreInto } from '../../../../scripts/restore';
import { chainAudit } from '../../../../test/helpers/audit';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { auditAlone } from '../audit/write';
import { verifyAuditChain } from '../audit/verify';
import type { AuditTables } from '../audit/tables';
import { ownTables } from './database';
import { backupDatabase, readBackupHeader } from './backup';

let source: TestDatabase;
let target: TestDatabase;
let dir: string;

beforeAll(async () => {
  source = await freshDatabase();
  target = await freshDatabase({ empty: true });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sy-backup-'));
});
afterAll(async () => {
  await source.drop();
  await target.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

const rows = (t: TestDatabase) =>
  sql<Record<string, unknown>>`SELECT id, code, name, kind, parent_id, path, sort_order, created_at, updated_at FROM org_unit ORDER BY id`
    .execute(t.database.db)
    .then((r) => r.rows);

describe('backup and restore', () => {
  it('restores every row exactly, including text that needs escaping, into an empty database', async () => {
    await sql`UPDATE org_unit SET name = ${'区政府办公室\t"值班室"\\ 反斜杠'} WHERE code = '500118B01'`.execute(source.database.db);
    const file = path.join(dir, 'yongchuan.sybak');
    const header = await backupDatabase(source.url, file);
    expect(header.tables).toContain('org_unit');
    expect((await readBackupHeader(file)).migrations).toContainEqual({ module: 'org', version: 1 });
    expect((await fs.stat(file)).mode & 0o077).toBe(0);

    const counts = await restoreInto(target.url, file);
    expect(counts.org_unit).toBeGreaterThan(60);
    expect(await rows(target)).toEqual(await rows(source));
    const migrations = await target.database.db.selectFrom('schema_migrations').select(['module', 'version']).execute();
    expect(migrations).toContainEqual({ module: 'org', version: 1 });
  });

  it('an audit record still waiting for the chain is restored, and new records after it do not collide', async () => {
    const scratch = await freshDatabase({ empty: true });
    try {
      await auditAlone(source.database.db, { action: 'test.before-backup' });
      const file = path.join(dir, 'pending.sybak');
      await backupDatabase(source.url, file);
      await restoreInto(scratch.url, file);
      await auditAlone(scratch.database.db, { action: 'test.after-restore' });
      await chainAudit(scratch);
      const last = await sql<{ action: string }>`SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2`.execute(scratch.database.db);
      expect(last.rows.map((r) => r.action)).toEqual(['test.after-restore', 'test.before-backup']);
      expect((await verifyAuditChain(ownTables<AuditTables>(scratch.database))).ok).toBe(true);
    } finally {
      await scratch.drop();
    }
  });

  it('restores partitioned time series (a module makes partitions as data arrives): the partitions come back with their rows', async () => {
    const scratch = await freshDatabase({ empty: true });
    try {
      // readings on a day long ago, in a partition made for it (as the iot module makes them for late data)
      await sql`CREATE TABLE reading_p20250301 (LIKE reading INCLUDING DEFAULTS)`.execute(source.database.db);
      await sql`ALTER TABLE reading ATTACH PARTITION reading_p20250301 FOR VALUES FROM ('2025-03-01 00:00:00+08') TO ('2025-03-02 00:00:00+08')`.execute(source.database.db);
      const owner = await sql<{ id: string }>`SELECT id FROM org_unit LIMIT 1`.execute(source.database.db);
      await sql`INSERT INTO device (id, type_code, name, owner_org_id, lng, lat, credential_hash) VALUES ('YC-BAK-0001', 'DUST', '备份测试', ${owner.rows[0]!.id}, 105.93, 29.36, repeat('0', 64))`.execute(source.database.db);
      await sql`INSERT INTO reading (device_id, quantity, ts, value) SELECT 'YC-BAK-0001', 'pm10', '2025-03-01 08:00:00+08'::timestamptz + make_interval(mins => g), g FROM generate_series(0, 99) g`.execute(source.database.db);
      const file = path.join(dir, 'series.sybak');
      const header = await backupDatabase(source.url, file);
      expect(header.partitions).toContainEqual(expect.objectContaining({ parent: 'reading', name: 'reading_p20250301' }));
      const counts = await restoreInto(scratch.url, file);
      expect(counts.reading).toBe(100);
      const back = await sql<{ n: number; s: number }>`SELECT count(*)::int AS n, sum(value)::int AS s FROM reading_p20250301`.execute(scratch.database.db);
      expect(back.rows[0]).toEqual({ n: 100, s: 4950 });
    } finally {
      await scratch.drop();
    }
  });

  it('refuses to load into a database that already has rows, and changes nothing', async () => {
    const file = path.join(dir, 'again.sybak');
    await backupDatabase(source.url, file);
    const before = await rows(target);
    await expect(restoreInto(target.url, file)).rejects.toThrow(/empty tables/);
    expect(await rows(target)).toEqual(before);
  });
});
