import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * Logical backup that does not depend on a pg_dump of the server's exact
 * version (the embedded server is newer than most systems' clients): the
 * schema is rebuilt by our own migrations, the rows travel as COPY text.
 * Taken inside one REPEATABLE READ snapshot, so it is consistent while the
 * platform keeps running.
 *
 * Format (gzip): a JSON header line, then per table `\n@table <name> <json columns>\n`,
 * its COPY text rows and a `\.` line.
 */
export interface BackupHeader {
  format: 'smart-yongchuan-backup/1';
  createdAt: string;
  migrations: Array<{ module: string; version: number }>;
  tables: string[];
  /**
   * Partitions of partitioned tables (e.g. the iot module's daily `reading_p20261126`): migrations
   * create only the parents, and modules make partitions as data arrives, so a restore makes these
   * before it loads the rows. Absent in backups taken before partitions existed.
   */
  partitions?: Array<{ parent: string; name: string; bound: string }>;
}

async function partitionsOf(client: pg.ClientBase): Promise<Array<{ parent: string; name: string; bound: string }>> {
  const { rows } = await client.query<{ parent: string; name: string; bound: string }>(
    `SELECT p.relname AS parent, c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_inherits i ON i.inhrelid = c.oid
       JOIN pg_class p ON p.oid = i.inhparent
      WHERE n.nspname = 'public' AND c.relispartition AND c.relkind IN ('r', 'p')
      ORDER BY p.relname, c.relname`,
  );
  return rows;
}

async function tablesInDependencyOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_migrations'
      ORDER BY c.relname`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pr.relname AS parent FROM pg_constraint k
       JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pr ON pr.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND cl.relname <> pr.relname`,
  );
  const names = tables.map((t) => t.name);
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (name: string, stack: Set<string>) => {
    if (done.has(name) || stack.has(name)) return;
    stack.add(name);
    for (const e of edges) if (e.child === name) visit(e.parent, stack);
    done.add(name);
    out.push(name);
  };
  for (const name of names) visit(name, new Set());
  return out;
}

async function columnsOf(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

export async function backupDatabase(url: string, file: string): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const done = pipeline(gzip, out);
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: migrations } = await client.query<{ module: string; version: number }>(
      'SELECT module, version FROM schema_migrations ORDER BY module, version',
    );
    const tables = await tablesInDependencyOrder(client);
    const header: BackupHeader = { format: 'smart-yongchuan-backup/1', createdAt: new Date().toISOString(), migrations, tables, partitions: await partitionsOf(client) };
    await write(JSON.stringify(header) + '\n');
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      await write(`@table ${table} ${JSON.stringify(columns)}\n`);
      const cols = columns.map((c) => client.escapeIdentifier(c)).join(', ');
      const stream = client.query(copyTo(`COPY (SELECT ${cols} FROM ${client.escapeIdentifier(table)}) TO STDOUT`));
      for await (const chunk of stream) await write(chunk.toString('utf8'));
      await write('\\.\n');
    }
    await client.query('COMMIT');
    gzip.end();
    await done;
    return header;
  } catch (error) {
    gzip.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

/** Reads the header only, to decide which migrations must run before the rows are loaded. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()) });
  for await (const line of lines) {
    lines.close();
    const header = JSON.parse(line) as BackupHeader;
    if (header.format !== 'smart-yongchuan-backup/1') throw new Error(`not a Smart Yongchuan backup: ${file}`);
    return header;
  }
  throw new Error(`empty backup file: ${file}`);
}

/**
 * COPY does not move the sequences behind serial columns (e.g. audit_pending.id):
 * each continues after the largest restored value, so that new rows do not collide.
 */
async function continueSequences(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, t.oid::regclass::text AS tbl, a.attname AS col
       FROM pg_class s
       JOIN pg_namespace n ON n.oid = s.relnamespace
       JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S' AND n.nspname = 'public'`,
  );
  for (const r of rows) {
    // tbl comes quoted from regclass::text; the column is quoted here
    await client.query(`SELECT setval($1::regclass, COALESCE((SELECT max(${client.escapeIdentifier(r.col)}) FROM ${r.tbl}), 0) + 1, false)`, [r.seq]);
  }
}

/** Loads the rows of a backup into a database whose schema is at the backup's migration versions and whose tables are empty. */
export async function loadBackupRows(url: string, file: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    const header = await readBackupHeader(file);
    for (const table of header.tables) {
      const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${client.escapeIdentifier(table)}) AS any`);
      if (rows[0]!.any) throw new Error(`restore needs empty tables; ${table} has rows`);
    }
    for (const p of header.partitions ?? []) {
      // the bound comes from pg_get_expr of the same schema: FOR VALUES FROM (…) TO (…)
      if (!/^FOR VALUES /.test(p.bound) && p.bound !== 'DEFAULT') throw new Error(`backup is damaged: partition ${p.name} has bound ${p.bound.slice(0, 60)}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${client.escapeIdentifier(p.name)} PARTITION OF ${client.escapeIdentifier(p.parent)} ${p.bound}`);
    }
    const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let copy: Writable | null = null;
    let table = '';
    let first = true;
    for await (const line of lines) {
      if (first) {
        first = false;
        continue;
      }
      if (copy === null) {
        const match = /^@table (\S+) (.*)$/.exec(line);
        if (!match) throw new Error(`backup is damaged near: ${line.slice(0, 80)}`);
        table = match[1]!;
        const columns = (JSON.parse(match[2]!) as string[]).map((c) => client.escapeIdentifier(c)).join(', ');
        // empty at the start (checked above): rows now are what triggers made while earlier tables
        // loaded (e.g. a cache generation counter); the backup's own rows replace them
        await client.query(`DELETE FROM ${client.escapeIdentifier(table)}`);
        copy = client.query(copyFrom(`COPY ${client.escapeIdentifier(table)} (${columns}) FROM STDIN`));
        counts[table] = 0;
        continue;
      }
      if (line === '\\.') {
        const finished = once(copy, 'finish');
        copy.end();
        await finished;
        copy = null;
        continue;
      }
      counts[table]! += 1;
      if (!copy.write(line + '\n')) await once(copy, 'drain');
    }
    if (copy !== null) throw new Error('backup is truncated');
    await continueSequences(client);
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

