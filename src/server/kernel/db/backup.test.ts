import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreInto } from '../../../../scripts/restore';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
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

  it('refuses to load into a database that already has rows, and changes nothing', async () => {
    const file = path.join(dir, 'again.sybak');
    await backupDatabase(source.url, file);
    const before = await rows(target);
    await expect(restoreInto(target.url, file)).rejects.toThrow(/empty tables/);
    expect(await rows(target)).toEqual(before);
  });
});
