/**
 * Retention (per device type: raw, minute and hour roll-ups, in days). The rule:
 * - a partition whose whole period is older than the LONGEST retention of its kind is dropped
 *   (one metadata operation, no row-by-row delete);
 * - in the partitions still kept, the rows of types with a SHORTER retention that have expired
 *   are deleted by type (device ids of the type, through the primary key) — one partition per
 *   statement, so no statement grows with the size of the table;
 * - the hour roll-ups are not partitioned: expired rows are deleted by type.
 * Each step is its own short transaction and is idempotent, so a run interrupted half-way is
 * completed by the next.
 */
import { sql, type Kysely } from 'kysely';
import type { IotTables } from '../store';
import { dayMs } from './periods';
import { listPartitions, minuteTable, rawTable, type PartitionedTable, type PartitionKeeper } from './partitions';

export interface TypeRetention {
  code: string;
  raw: number;
  minute: number;
  hour: number;
}

export interface RetentionReport {
  dropped: string[];
  deletedRows: number;
}

/** Rows of readings older than this are refused at ingestion and removed by retention. */
export const expiryCut = (now: number, days: number) => now - days * dayMs;

async function typeRetentions(db: Kysely<IotTables>): Promise<TypeRetention[]> {
  const rows = await db.selectFrom('device_type').select(['code', 'raw_retention_days', 'minute_retention_days', 'hour_retention_days']).execute();
  return rows.map((r) => ({ code: r.code, raw: r.raw_retention_days, minute: r.minute_retention_days, hour: r.hour_retention_days }));
}

async function expirePartitioned(db: Kysely<IotTables>, keeper: PartitionKeeper, table: PartitionedTable, days: Array<{ code: string; days: number }>, now: number, report: RetentionReport) {
  if (days.length === 0) return;
  const longest = Math.max(...days.map((d) => d.days));
  const dropCut = expiryCut(now, longest);
  const column = table === rawTable ? 'ts' : 'bucket';
  for (const partition of await listPartitions(db, table)) {
    if (partition.end <= dropCut) {
      if (await keeper.drop(table, partition)) report.dropped.push(partition.name);
      continue;
    }
    for (const type of days) {
      const cut = expiryCut(now, type.days);
      if (type.days >= longest || partition.start >= cut) continue;
      const result = await sql`
        DELETE FROM ${sql.id(partition.name)}
         WHERE device_id IN (SELECT id FROM device WHERE type_code = ${type.code})
           AND ${sql.id(column)} < ${new Date(cut)}`.execute(db);
      report.deletedRows += Number(result.numAffectedRows ?? 0);
    }
  }
}

/** One retention run (the recurring job calls it; tests call it with a chosen `now`). */
export async function applyRetention(db: Kysely<IotTables>, keeper: PartitionKeeper, now = Date.now()): Promise<RetentionReport> {
  const report: RetentionReport = { dropped: [], deletedRows: 0 };
  const types = await typeRetentions(db);
  await expirePartitioned(db, keeper, rawTable, types.map((t) => ({ code: t.code, days: t.raw })), now, report);
  await expirePartitioned(db, keeper, minuteTable, types.map((t) => ({ code: t.code, days: t.minute })), now, report);
  for (const type of types) {
    const result = await db
      .deleteFrom('reading_hour')
      .where('device_id', 'in', (eb) => eb.selectFrom('device').select('id').where('type_code', '=', type.code))
      .where('bucket', '<', new Date(expiryCut(now, type.hour)))
      .executeTakeFirst();
    report.deletedRows += Number(result.numDeletedRows);
  }
  return report;
}
