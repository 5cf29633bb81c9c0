import type { Logger } from '../logger';
import { chainBatchSize, chainPendingAudit } from './chainer';
import type { AnyTx } from './write';

export interface ChainRunnerOptions {
  /** pause between looks when nothing is pending (ms): the longest a record waits for its place in the chain when idle */
  idleMs?: number;
  batchSize?: number;
}

/**
 * The running server's chainer: looks at audit_pending every `idleMs` (a plain
 * read, no lock, no write) and chains what it finds, batch after batch until it
 * is caught up. Safe with several server copies on one database: they take
 * turns on the head row. A short timer rather than NOTIFY, because a NOTIFY in
 * every business transaction would serialise their commits again
 * (docs/decisions/0007).
 */
export class AuditChainRunner {
  private readonly idleMs: number;
  private readonly batchSize: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly db: AnyTx,
    private readonly log: Logger,
    options: ChainRunnerOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 100;
    this.batchSize = options.batchSize ?? chainBatchSize;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      let failures = 0;
      while (this.running) {
        try {
          await chainPendingAudit(this.db, this.batchSize);
          failures = 0;
        } catch (error) {
          failures += 1;
          // the database restarting must not flood the log: back off up to ten seconds
          if (failures === 1 || failures % 20 === 0) this.log.error({ err: error, failures }, 'audit chainer');
        }
        if (!this.running) break;
        await this.pause(failures === 0 ? this.idleMs : Math.min(this.idleMs * 2 ** failures, 10_000));
      }
    })();
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Finishes the batch in hand, then stops (records left pending are chained by the next start or another copy). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }
}
