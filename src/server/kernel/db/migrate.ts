import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './database';
import type { Logger } from '../logger';

export interface MigrationSource {
  /** 'kernel' or the module name. */
  module: string;
  /** Folder with `NNN_name.sql` files. */
  folder: string;
}

interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const fileName = /^(\d{3,})_([a-z0-9_]+)\.sql$/;
// Any constant works; every copy of the server takes the same lock before migrating.
const migrationLockKey = 0x5359_0001;

async function readFolder(folder: string): Promise<MigrationFile[]> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const files: MigrationFile[] = [];
  for (const entry of names.sort()) {
    if (!entry.endsWith('.sql')) continue;
    const match = fileName.exec(entry);
    if (!match) throw new MigrationError(`migration file name ${entry} in ${folder} must look like 001_name.sql`);
    const text = await fs.readFile(path.join(folder, entry), 'utf8');
    files.push({ version: Number(match[1]), name: match[2]!, sql: text, checksum: createHash('sha256').update(text).digest('hex') });
  }
  const versions = new Set<number>();
  for (const f of files) {
    if (versions.has(f.version)) throw new MigrationError(`two migrations numbered ${f.version} in ${folder}`);
    versions.add(f.version);
  }
  return files;
}

/**
 * Applies kernel then module migrations in order, each in its own transaction,
 * recorded per module. Refuses to start if a landed migration was edited.
 * `upTo` stops each module at a version (a restore rebuilds the backup's schema first).
 */
export async function migrate(
  db: Db,
  sources: MigrationSource[],
  log: Logger,
  options: { upTo?: ReadonlyMap<string, number> } = {},
): Promise<number> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    module text NOT NULL,
    version integer NOT NULL,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (module, version)
  )`.execute(db);

  let applied = 0;
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${migrationLockKey})`.execute(conn);
    try {
      for (const source of sources) {
        const files = await readFolder(source.folder);
        const done = await conn
          .selectFrom('schema_migrations')
          .select(['version', 'checksum', 'name'])
          .where('module', '=', source.module)
          .execute();
        const doneByVersion = new Map(done.map((row) => [row.version, row]));
        const limit = options.upTo ? (options.upTo.get(source.module) ?? 0) : Infinity;
        for (const file of files) {
          if (file.version > limit) break;
          const previous = doneByVersion.get(file.version);
          if (previous) {
            if (previous.checksum !== file.checksum) {
              throw new MigrationError(
                `migration ${source.module}/${file.version}_${file.name} was edited after it was applied; add a new migration instead`,
              );
            }
            continue;
          }
          await conn.transaction().execute(async (tx) => {
            await sql.raw(file.sql).execute(tx);
            await tx
              .insertInto('schema_migrations')
              .values({ module: source.module, version: file.version, name: file.name, checksum: file.checksum })
              .execute();
          });
          applied += 1;
          log.info({ module: source.module, version: file.version, name: file.name }, 'migration applied');
        }
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${migrationLockKey})`.execute(conn);
    }
  });
  return applied;
}
