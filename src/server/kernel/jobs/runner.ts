import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';
import type { AnyTx } from '../audit/write';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { enqueue } from './enqueue';
import { jobChannel, type JobDb } from './store';

export interface JobContext {
  id: string;
  attempts: number;
}

/** Runs inside a transaction that also marks the job done: its database effects happen exactly once. */
export type JobHandler = (tx: AnyTx, payload: unknown, job: JobContext) => Promise<void>;

export interface RunnerOptions {
  workerId?: string;
  leaseMs?: number;
  pollMs?: number;
  batchSize?: number;
}

class LeaseLost extends Error {}

/** Retry after 2, 4, 8 … seconds, at most an hour, with a little jitter so that copies spread out. */
export function backoffMs(attempts: number): number {
  return Math.min(2 ** attempts * 1000, 3_600_000) + Math.floor(Math.random() * 500);
}

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED under a lease, so that several
 * server copies share the work and a job whose runner died is taken over when
 * its lease ends. Recurring jobs get one row per time slot (unique key), so each
 * slot runs once whichever copy enqueues it.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring: Array<{ name: string; everyMs: number }> = [];
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private listener: pg.PoolClient | null = null;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
    options: RunnerOptions = {},
  ) {
    this.workerId = options.workerId ?? `w-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 1000;
    this.batchSize = options.batchSize ?? 10;
  }

  private get db(): JobDb {
    return this.database.db as unknown as JobDb;
  }

  handle(name: string, handler: JobHandler): this {
    this.handlers.set(name, handler);
    return this;
  }

  every(name: string, everyMs: number, handler: JobHandler): this {
    this.recurring.push({ name, everyMs });
    return this.handle(name, handler);
  }

  /** Enqueues the current slot of every recurring job (a no-op when another copy already did). */
  async scheduleRecurring(now = Date.now()): Promise<void> {
    for (const { name, everyMs } of this.recurring) {
      const slot = Math.floor(now / everyMs);
      await this.db.transaction().execute((tx) => enqueue(tx, name, {}, { uniqueKey: `every:${name}:${slot}`, runAt: new Date(slot * everyMs) }));
    }
  }

  /** Claims and runs one batch; returns how many jobs ran. Tests call this directly. */
  async runOnce(): Promise<number> {
    const names = [...this.handlers.keys()];
    if (names.length === 0) return 0;
    const { rows } = await sql<{ id: string; name: string; payload: unknown; attempts: number; max_attempts: number }>`
      UPDATE job SET status = 'running', locked_by = ${this.workerId},
                     locked_until = now() + make_interval(secs => ${this.leaseMs / 1000}), attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM job
          WHERE name = ANY(${names}::text[])
            AND ((status = 'pending' AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
          ORDER BY run_at
          LIMIT ${this.batchSize}
          FOR UPDATE SKIP LOCKED)
      RETURNING id, name, payload, attempts, max_attempts`.execute(this.db);
    for (const job of rows) await this.runJob(job);
    return rows.length;
  }

  private async runJob(job: { id: string; name: string; payload: unknown; attempts: number; max_attempts: number }): Promise<void> {
    const handler = this.handlers.get(job.name)!;
    try {
      await this.db.transaction().execute(async (tx) => {
        await handler(tx, job.payload, { id: job.id, attempts: job.attempts });
        const done = await tx
          .updateTable('job')
          .set({ status: 'done', finished_at: new Date(), locked_by: null, locked_until: null, last_error: null })
          .where('id', '=', job.id)
          .where('locked_by', '=', this.workerId)
          .where('status', '=', 'running')
          .executeTakeFirst();
        // another copy took the job over after our lease ended: roll our effects back
        if (Number(done.numUpdatedRows) === 0) throw new LeaseLost();
      });
    } catch (error) {
      if (error instanceof LeaseLost) return;
      const dead = job.attempts >= job.max_attempts;
      this.log.warn({ err: error, job: job.name, id: job.id, attempts: job.attempts, dead }, 'job failed');
      await this.db
        .updateTable('job')
        .set({
          status: dead ? 'dead' : 'pending',
          run_at: new Date(Date.now() + backoffMs(job.attempts)),
          last_error: String(error instanceof Error ? error.message : error).slice(0, 2000),
          locked_by: null,
          locked_until: null,
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', this.workerId)
        .execute();
    }
  }

  /** Polls every `pollMs`, and at once when a job is enqueued anywhere (LISTEN/NOTIFY). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      this.listener = await this.database.pool.connect();
      this.listener.on('notification', () => this.wake?.());
      // a lost LISTEN connection (database restart) must not take the process down; polling goes on
      this.listener.on('error', (error) => this.log.warn({ err: error }, 'job runner lost its LISTEN connection; polling only'));
      await this.listener.query(`LISTEN ${jobChannel}`);
    } catch (error) {
      this.log.warn({ err: error }, 'job runner works without LISTEN; polling only');
    }
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.scheduleRecurring();
          while (this.running && (await this.runOnce()) > 0);
        } catch (error) {
          this.log.error({ err: error }, 'job runner loop');
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    if (this.listener) {
      await this.listener.query(`UNLISTEN ${jobChannel}`).catch(() => undefined);
      this.listener.release();
      this.listener = null;
    }
  }
}
