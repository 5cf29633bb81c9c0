/**
 * Native range partitions of the time-series tables: `reading` by local day, `reading_minute`
 * by local month. A partition is created as a plain table and then ATTACHed, which needs only a
 * SHARE UPDATE EXCLUSIVE lock on the parent: ingestion (ROW EXCLUSIVE) never waits for it.
 * Creation is idempotent and safe when several server copies race (see `create`).
 */
import { sql } from 'kysely';
import type { Logger } from '../../../kernel/logger';
import type { IotDb } from '../store';
import { nextPeriod, parseLabel, periodLabel, periodStart, type PeriodUnit } from './periods';

export interface PartitionedTable {
  parent: 'reading' | 'reading_minute';
  unit: PeriodUnit;
  /** leaves room on each page for HOT updates of upserted rows */
  fillfactor?: number;
}

export const rawTable: PartitionedTable = { parent: 'reading', unit: 'day' };
export const minuteTable: PartitionedTable = { parent: 'reading_minute', unit: 'month', fillfactor: 80 };
export const partitionedTables = [rawTable, minuteTable] as const;

export function partitionName(table: PartitionedTable, start: number): string {
  return `${table.parent}_p${periodLabel(table.unit, start)}`;
}

/** DDL and catalogue queries go through raw SQL; the module's view of the database is enough. */
type AnyDb = IotDb;

export interface PartitionInfo {
  name: string;
  start: number;
  end: number;
}

/** The partitions of `table` that follow our naming, oldest first (others are left alone). */
export async function listPartitions(db: AnyDb, table: PartitionedTable): Promise<PartitionInfo[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = ${table.parent}::regclass`.execute(db);
  const prefix = `${table.parent}_p`;
  const out: PartitionInfo[] = [];
  for (const { name } of rows) {
    if (!name.startsWith(prefix)) continue;
    const start = parseLabel(table.unit, name.slice(prefix.length));
    if (start !== null) out.push({ name, start, end: nextPeriod(table.unit, start) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Creates and attaches the partition of the period starting at `start`; a no-op when it exists. */
async function create(db: AnyDb, table: PartitionedTable, start: number): Promise<void> {
  const name = partitionName(table, start);
  const from = new Date(start).toISOString();
  const to = new Date(nextPeriod(table.unit, start)).toISOString();
  const storage = table.fillfactor ? sql.raw(` WITH (fillfactor = ${table.fillfactor})`) : sql.raw('');
  try {
    await db.transaction().execute(async (tx) => {
      await sql`SET LOCAL lock_timeout = '5s'`.execute(tx);
      await sql`CREATE TABLE IF NOT EXISTS ${sql.id(name)} (LIKE ${sql.id(table.parent)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)${storage}`.execute(tx);
      const attached = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_inherits WHERE inhrelid = ${name}::regclass`.execute(tx);
      if (attached.rows[0]!.n > 0) return;
      await sql`ALTER TABLE ${sql.id(table.parent)} ATTACH PARTITION ${sql.id(name)} FOR VALUES FROM (${sql.lit(from)}) TO (${sql.lit(to)})`.execute(tx);
    });
  } catch (error) {
    // another copy created or attached it at the same moment: fine if it is there now
    if ((await listPartitions(db, table)).some((p) => p.name === name)) return;
    throw error;
  }
}

/**
 * Knows which partitions exist (loaded once from the catalogue, then kept up to date by its own
 * creations and drops), so that a batch checks its periods without asking the database.
 */
export class PartitionKeeper {
  private known: Map<string, Set<number>> | null = null;
  private loading: Promise<Map<string, Set<number>>> | null = null;

  constructor(
    private readonly db: AnyDb,
    private readonly log?: Pick<Logger, 'warn' | 'info'>,
  ) {}

  /** Forget what is known (after a storage error that says a partition is missing). */
  forget(): void {
    this.known = null;
  }

  private async load(): Promise<Map<string, Set<number>>> {
    if (this.known) return this.known;
    this.loading ??= (async () => {
      const known = new Map<string, Set<number>>();
      for (const table of partitionedTables) known.set(table.parent, new Set((await listPartitions(this.db, table)).map((p) => p.start)));
      this.known = known;
      return known;
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /**
   * Makes sure the partitions of the given instants exist in every partitioned table. Returns the
   * start (local day) of each day whose partitions could not be made: their readings are refused
   * (`no_partition`) rather than failing the batch.
   */
  async ensureDays(dayStarts: Iterable<number>): Promise<Set<number>> {
    const known = await this.load();
    const failed = new Set<number>();
    for (const day of dayStarts) {
      for (const table of partitionedTables) {
        const start = periodStart(table.unit, day);
        const set = known.get(table.parent)!;
        if (set.has(start)) continue;
        try {
          await create(this.db, table, start);
          set.add(start);
          this.log?.info({ partition: partitionName(table, start) }, 'created a partition');
        } catch (error) {
          this.log?.warn({ err: error, partition: partitionName(table, start) }, 'could not create a partition; its readings are refused');
          failed.add(day);
        }
      }
    }
    return failed;
  }

  /** Drops a partition (after retention): waits at most 2 s for its lock, else leaves it for the next run. */
  async drop(table: PartitionedTable, partition: PartitionInfo): Promise<boolean> {
    try {
      await this.db.transaction().execute(async (tx) => {
        await sql`SET LOCAL lock_timeout = '2s'`.execute(tx);
        await sql`DROP TABLE IF EXISTS ${sql.id(partition.name)}`.execute(tx);
      });
      this.known?.get(table.parent)?.delete(partition.start);
      return true;
    } catch (error) {
      this.log?.warn({ err: error, partition: partition.name }, 'could not drop an expired partition now; the next run tries again');
      return false;
    }
  }
}
