/**
 * `npm run restore -- <file> [--replace]`: rebuilds the schema at the backup's
 * migration versions, loads the rows in one transaction, then applies newer
 * migrations. Stop the platform first. The target database must be empty;
 * `--replace` drops and recreates the EMBEDDED database (never an external one).
 */
import pg from 'pg';
import { loadConfig } from '../src/server/kernel/config';
import { loadBackupRows, readBackupHeader } from '../src/server/kernel/db/backup';
import { connect } from '../src/server/kernel/db/database';
import { migrate } from '../src/server/kernel/db/migrate';
import { openForTool } from '../src/server/kernel/db/open';
import { createLogger } from '../src/server/kernel/logger';
import { migrationSources } from '../src/server/platform';
import { modules } from '../src/server/modules';

export async function restoreInto(url: string, file: string, log = createLogger('warn')): Promise<Record<string, number>> {
  const header = await readBackupHeader(file);
  const upTo = new Map<string, number>();
  for (const m of header.migrations) upTo.set(m.module, Math.max(upTo.get(m.module) ?? 0, m.version));
  const database = connect(url, 2);
  try {
    await migrate(database.db, migrationSources(modules), log, { upTo });
    const counts = await loadBackupRows(url, file);
    await migrate(database.db, migrationSources(modules), log);
    return counts;
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run restore -- <backup file> [--replace]');
  const config = loadConfig();
  const log = createLogger('warn');
  const db = await openForTool(config, log);
  try {
    if (process.argv.includes('--replace')) {
      if (!db.adminUrl) throw new Error('--replace only applies to the embedded database; restore into an empty external database instead');
      const admin = new pg.Client({ connectionString: db.adminUrl });
      await admin.connect();
      await admin.query('DROP DATABASE IF EXISTS yongchuan WITH (FORCE)');
      await admin.query(`CREATE DATABASE yongchuan ENCODING 'UTF8'`);
      await admin.end();
    }
    const counts = await restoreInto(db.url, file, log);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stdout.write(`restored ${total} rows in ${Object.keys(counts).length} tables from ${file}\n`);
  } finally {
    await db.close();
  }
}

if (process.argv[1]?.endsWith('restore.ts')) await main();
