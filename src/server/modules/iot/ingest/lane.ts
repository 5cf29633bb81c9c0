/**
 * One lane of the pipeline: a queue of submissions for a fixed share of the devices, flushed one
 * batch at a time — when it holds `maxBatch` readings, or when its oldest reading has waited
 * `maxDelayMs`. Devices are spread over the lanes by a hash of their id, so that the batches of
 * two lanes never touch the same roll-up or device rows and their transactions run side by side
 * instead of waiting for each other's row locks.
 */
import type { IngestResult, Reading } from './types';

export interface Ticket {
  deviceId: string;
  readings: Reading[];
  result: IngestResult;
  receivedAt: number;
  /** how stale the device's last-seen time may get before a flush writes it again */
  touchEveryMs: number;
  arrived: number;
  resolve(result: IngestResult): void;
  reject(error: Error): void;
}

export class Lane {
  private queue: Ticket[] = [];
  private pendingReadings = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly maxBatch: number,
    private readonly maxDelayMs: number,
    /** writes one batch; must not throw (it settles the tickets itself) */
    private readonly write: (tickets: Ticket[]) => Promise<void>,
    /** something besides readings waits to be written (refusal counts): flush even without tickets */
    private readonly extraWaiting: () => boolean = () => false,
  ) {}

  get pending(): number {
    return this.pendingReadings;
  }

  push(ticket: Ticket): void {
    this.queue.push(ticket);
    this.pendingReadings += ticket.readings.length;
    this.schedule();
  }

  schedule(): void {
    if (this.flushing) return; // the running flush looks again when it ends
    if (this.pendingReadings >= this.maxBatch) {
      this.start();
      return;
    }
    if (this.timer || (this.queue.length === 0 && !this.extraWaiting())) return;
    const oldest = this.queue[0]?.arrived ?? performance.now();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.start();
    }, Math.max(0, this.maxDelayMs - (performance.now() - oldest)));
  }

  /** Flushes now (if anything waits and no flush runs). */
  start(): void {
    if (this.flushing || (this.queue.length === 0 && !this.extraWaiting())) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushing = true;
    const tickets = this.take();
    void this.write(tickets).finally(() => {
      this.flushing = false;
      for (const wake of this.idle.splice(0)) wake();
      const oldest = this.queue[0]?.arrived;
      if (this.pendingReadings >= this.maxBatch || (oldest !== undefined && performance.now() - oldest >= this.maxDelayMs)) this.start();
      else this.schedule();
    });
  }

  /** Resolves when everything queued so far is written. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing) {
      this.start();
      if (this.flushing) await new Promise<void>((resolve) => this.idle.push(resolve));
    }
  }

  /** Whole submissions from the front, up to `maxBatch` readings (at least one submission). */
  private take(): Ticket[] {
    let n = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || n + this.queue[count]!.readings.length <= this.maxBatch)) {
      n += this.queue[count]!.readings.length;
      count += 1;
    }
    this.pendingReadings -= n;
    return this.queue.splice(0, count);
  }
}

/** FNV-1a: a device's lane, the same on every call. */
export function laneOf(deviceId: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < deviceId.length; i += 1) h = Math.imul(h ^ deviceId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % lanes;
}
