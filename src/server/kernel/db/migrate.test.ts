import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { createLogger } from '../logger';
import { migrate } from './migrate';

const log = createLogger('silent');
let t: TestDatabase;
let folder: string;

beforeAll(async () => {
  t = await freshDatabase();
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'sy-mig-'));
});
afterAll(async () => {
  await t.drop();
  await fs.rm(folder, { recursive: true, force: true });
});

describe('migrations runner', () => {
  it('records what the kernel and each module applied', async () => {
    const rows = await t.database.db.selectFrom('schema_migrations').select(['module', 'version']).execute();
    expect(rows).toContainEqual({ module: 'org', version: 1 });
  });

  it('applies new files in order once, and refuses an edited one', async () => {
    await fs.writeFile(path.join(folder, '001_a.sql'), 'CREATE TABLE mig_probe (n int);');
    await fs.writeFile(path.join(folder, '002_b.sql'), 'INSERT INTO mig_probe VALUES (2);');
    expect(await migrate(t.database.db, [{ module: 'probe', folder }], log)).toBe(2);
    expect(await migrate(t.database.db, [{ module: 'probe', folder }], log)).toBe(0);
    const { rows } = await sql<{ n: number }>`SELECT n FROM mig_probe`.execute(t.database.db);
    expect(rows).toEqual([{ n: 2 }]);

    await fs.writeFile(path.join(folder, '001_a.sql'), 'CREATE TABLE mig_probe (n bigint);');
    await expect(migrate(t.database.db, [{ module: 'probe', folder }], log)).rejects.toThrow(/edited after it was applied/);
  });

  it('rolls a failing migration back entirely and records nothing', async () => {
    const bad = await fs.mkdtemp(path.join(os.tmpdir(), 'sy-mig-bad-'));
    await fs.writeFile(path.join(bad, '001_half.sql'), 'CREATE TABLE half_done (n int); SELECT no_such_function();');
    await expect(migrate(t.database.db, [{ module: 'bad', folder: bad }], log)).rejects.toThrow();
    const { rows } = await sql<{ exists: boolean }>`SELECT to_regclass('half_done') IS NOT NULL AS exists`.execute(t.database.db);
    expect(rows[0]!.exists).toBe(false);
    const recorded = await t.database.db.selectFrom('schema_migrations').selectAll().where('module', '=', 'bad').execute();
    expect(recorded).toEqual([]);
    await fs.rm(bad, { recursive: true, force: true });
  });
});
