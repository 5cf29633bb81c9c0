/**
 * Writing one lane's batch: make the partitions its days need (refusing only the readings of a day
 * that cannot get one), sort and de-duplicate, take the refusal counts gathered so far, write it
 * all in one transaction (write-batch.ts; retried on deadlock or a partition dropped behind our
 * back), then settle every submission: accepted and duplicate counts after COMMIT, or rejected
 * with `IngestNotStored` when nothing was stored. Never throws.
 */
import type pg from 'pg';
import type { Logger } from '../../../kernel/logger';
import type { PartitionKeeper } from '../storage/partitions';
import { dayStart } from '../storage/periods';
import type { Ticket } from './lane';
import { sortUnique } from './rollup';
import type { RejectionTally } from './tally';
import { addRejected, type Reading } from './types';
import { writeBatch } from './write-batch';

/** The readings were not stored (database unavailable, or the pipeline is closing). */
export class IngestNotStored extends Error {
  override name = 'IngestNotStored';
}

export interface FlushStats {
  flushes: number;
  stored: number;
  failedFlushes: number;
  writeMs: number;
  prepareMs: number;
}

export interface FlushDeps {
  pool: pg.Pool;
  keeper: PartitionKeeper;
  tally: RejectionTally;
  log: Pick<Logger, 'error'>;
  stats: FlushStats;
  now(): number;
  /** told of the new readings of every committed batch (alarm rules); must not throw */
  stored?: (rows: readonly Reading[]) => void;
}

const retryable = new Set(['40P01', '40001']);
const isMissingPartition = (error: unknown) => (error as { code?: string }).code === '23514' && /no partition/i.test(String((error as Error).message));

export async function flushTickets(deps: FlushDeps, tickets: Ticket[]): Promise<void> {
  const started = performance.now();
  try {
    const days = new Set<number>();
    for (const t of tickets) for (const r of t.readings) days.add(dayStart(r.ts));
    refuseUnpartitioned(deps.tally, tickets, await deps.keeper.ensureDays(days));
    const { rows, repeats } = sortUnique(tickets.flatMap((t) => t.readings));
    for (const r of repeats) deps.tally.add(r.deviceId, 'duplicate', deps.now(), 'the same reading twice in one batch');
    const seen = new Map<string, { at: number; staleMs: number }>();
    for (const t of tickets) seen.set(t.deviceId, { at: Math.max(seen.get(t.deviceId)?.at ?? 0, t.receivedAt), staleMs: t.touchEveryMs });
    const rejections = deps.tally.take();
    let outcome;
    const writing = performance.now();
    deps.stats.prepareMs += writing - started;
    for (let attempt = 1; ; attempt += 1) {
      try {
        outcome = await writeBatch(deps.pool, { rows, seen, rejections });
        break;
      } catch (error) {
        if (attempt >= 3 || !(retryable.has((error as { code?: string }).code ?? '') || isMissingPartition(error))) {
          deps.tally.restore(rejections);
          throw error;
        }
        if (isMissingPartition(error)) {
          // dropped or never made behind our back: learn the catalogue again and make what is missing
          deps.keeper.forget();
          await deps.keeper.ensureDays(days);
        }
      }
    }
    deps.stats.writeMs += performance.now() - writing;
    deps.stats.flushes += 1;
    deps.stats.stored += rows.length - outcome.duplicates.length;
    const notNew = new Set<Reading>([...repeats, ...outcome.duplicates]);
    try {
      deps.stored?.(notNew.size === 0 ? rows : rows.filter((r) => !notNew.has(r)));
    } catch (error) {
      // committed is committed: the senders are still told so
      deps.log.error({ err: error }, 'iot: a listener of stored readings failed');
    }
    for (const t of tickets) {
      let duplicates = 0;
      if (notNew.size > 0) for (const r of t.readings) if (notNew.has(r)) duplicates += 1;
      if (duplicates > 0) addRejected(t.result, 'duplicate', duplicates);
      t.result.accepted = t.readings.length - duplicates;
      t.resolve(t.result);
    }
  } catch (error) {
    deps.stats.failedFlushes += 1;
    deps.log.error({ err: error, readings: tickets.reduce((n, t) => n + t.readings.length, 0) }, 'iot: a batch of readings could not be stored; its senders are told');
    for (const t of tickets) t.reject(new IngestNotStored('the readings could not be stored'));
  }
}

/** Readings of days whose partition could not be made are refused, not the whole batch. */
function refuseUnpartitioned(tally: RejectionTally, tickets: Ticket[], failedDays: Set<number>): void {
  if (failedDays.size === 0) return;
  for (const t of tickets) {
    const kept = t.readings.filter((r) => !failedDays.has(dayStart(r.ts)));
    const refused = t.readings.length - kept.length;
    if (refused === 0) continue;
    addRejected(t.result, 'no_partition', refused);
    tally.add(t.deviceId, 'no_partition', t.receivedAt, `${refused} reading(s) for a day whose partition could not be created`, refused);
    t.readings = kept;
  }
}
