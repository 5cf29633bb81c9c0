/**
 * Refusals counted in memory between flushes (a flood of bad messages costs map increments, not
 * queries), written with the next batch. Samples are capped per device and per flush, so that one
 * noisy device neither fills the table nor hides the others.
 */
import type { RejectionReason } from '../store';

export interface RejectionCount {
  deviceId: string;
  reason: RejectionReason;
  count: number;
  firstAt: number;
  lastAt: number;
}

export interface RejectionSample {
  deviceId: string;
  reason: RejectionReason;
  at: number;
  detail: string;
}

const samplesPerDevice = 5;
const samplesPerFlush = 100;

export class RejectionTally {
  private counts = new Map<string, RejectionCount>();
  private samples: RejectionSample[] = [];
  private samplesOf = new Map<string, number>();

  get size(): number {
    return this.counts.size;
  }

  add(deviceId: string, reason: RejectionReason, at: number, detail: string, n = 1): void {
    this.count(deviceId, reason, at, at, n);
    const taken = this.samplesOf.get(deviceId) ?? 0;
    if (taken < samplesPerDevice && this.samples.length < samplesPerFlush) {
      this.samples.push({ deviceId, reason, at, detail: detail.slice(0, 300) });
      this.samplesOf.set(deviceId, taken + 1);
    }
  }

  private count(deviceId: string, reason: RejectionReason, firstAt: number, lastAt: number, n: number): void {
    const key = `${deviceId}\u0000${reason}`;
    const c = this.counts.get(key);
    if (c) {
      c.count += n;
      c.firstAt = Math.min(c.firstAt, firstAt);
      c.lastAt = Math.max(c.lastAt, lastAt);
    } else {
      this.counts.set(key, { deviceId, reason, count: n, firstAt, lastAt });
    }
  }

  /** Hands over everything counted so far and starts afresh. */
  take(): { counts: RejectionCount[]; samples: RejectionSample[] } {
    const taken = { counts: [...this.counts.values()], samples: this.samples };
    this.counts = new Map();
    this.samples = [];
    this.samplesOf = new Map();
    return taken;
  }

  /** Puts back the counts a failed flush could not write (its samples are dropped: counts are what operators rely on). */
  restore(taken: { counts: RejectionCount[] }): void {
    for (const c of taken.counts) this.count(c.deviceId, c.reason, c.firstAt, c.lastAt, c.count);
  }
}
