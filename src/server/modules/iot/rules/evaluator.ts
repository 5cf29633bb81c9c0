/**
 * Rules are evaluated as readings arrive: the ingestion hands every committed batch here (never
 * waiting for it: a device's acknowledgement does not depend on alarm evaluation), and batches
 * are evaluated one after another. Each batch's alarm changes are written in one transaction.
 *
 * threshold  the reading crosses the value and has done so for `forSeconds` (checked in the database)
 * rate       |Δvalue| per minute from the previous reading above `perMinute`
 * anomaly    more than `sigmas` standard deviations from the mean of the last `hours` (≥ minCount readings)
 * missing    (raised by a job, missing-data.ts) cleared here by any reading of the quantity
 * Every kind clears by itself when a reading no longer meets its condition.
 */
import type { EventBus } from '../../../kernel/events/bus';
import type { Logger } from '../../../kernel/logger';
import type { RegistryCache } from '../ingest/registry-cache';
import type { Reading } from '../ingest/types';
import type { IotDb } from '../store';
import { clearOpen, keepsLowest, openRuleAlarmKeys, raise, type Trigger } from './alarm-store';
import { crossedThroughout, crosses, isAnomaly, isRate, isThreshold, movingStats, previousReading, ratePerMinute, sigmasAway, type Moving } from './conditions';
import type { Rule, RuleSet } from './rule-set';

type Op = { kind: 'raise'; trigger: Trigger } | { kind: 'clear'; rule: Rule; deviceId: string };

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export class AlarmEvaluator {
  private queue: Reading[][] = [];
  private running: Promise<void> | null = null;
  private open = new Set<string>();
  private openCheckedAt = -Infinity;
  private readonly previous = new Map<string, { ts: number; value: number }>();
  private readonly baselines = new Map<string, { at: number; stats: Moving }>();
  /** batches dropped because evaluation fell too far behind (operators see it in the log) */
  dropped = 0;

  constructor(
    private readonly db: IotDb,
    private readonly rules: RuleSet,
    private readonly registry: RegistryCache,
    private readonly events: Pick<EventBus, 'publish'>,
    private readonly log: Pick<Logger, 'warn' | 'error'>,
    private readonly maxQueued = 1000,
  ) {}

  /** Called after a batch of new readings committed. */
  accept(rows: readonly Reading[]): void {
    if (rows.length === 0) return;
    if (this.queue.length >= this.maxQueued) {
      this.queue.shift();
      this.dropped += 1;
      if (this.dropped % 100 === 1) this.log.warn({ dropped: this.dropped }, 'iot: alarm evaluation is behind; the oldest batches are skipped');
    }
    this.queue.push([...rows]);
    this.running ??= this.run().finally(() => (this.running = null));
  }

  /** Resolves when everything accepted so far is evaluated (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Another part of this copy opened or closed an alarm (the console, the missing-data job). */
  forgetOpen(): void {
    this.openCheckedAt = -Infinity;
  }

  private async run(): Promise<void> {
    for (let rows = this.queue.shift(); rows; rows = this.queue.shift()) {
      try {
        await this.evaluate(rows);
      } catch (error) {
        this.log.error({ err: error }, 'iot: alarm evaluation of a batch failed');
      }
    }
  }

  private async evaluate(rows: Reading[]): Promise<void> {
    if (performance.now() - this.openCheckedAt > 5000) {
      this.open = await openRuleAlarmKeys(this.db);
      this.openCheckedAt = performance.now();
    }
    await this.rules.refresh();
    const ops: Op[] = [];
    // rows come sorted by device: one registry lookup per device, none for types no rule watches
    let deviceId = '';
    let typeCode: string | null = null;
    for (const r of rows) {
      if (r.deviceId !== deviceId) {
        deviceId = r.deviceId;
        const device = await this.registry.device(deviceId);
        typeCode = device && this.rules.watchesType(device.type.code) ? device.type.code : null;
      }
      if (typeCode === null) continue;
      const rules = this.rules.current(typeCode, r.deviceId, r.quantity);
      if (rules.length === 0) continue;
      for (const rule of rules) {
        const verdict = await this.judge(rule, r);
        const key = `${rule.id}/${r.deviceId}`;
        if (verdict === null) {
          if (this.open.has(key)) {
            ops.push({ kind: 'clear', rule, deviceId: r.deviceId });
            this.open.delete(key);
          }
        } else if (verdict !== 'quiet') {
          const last = ops.at(-1);
          // consecutive triggers of one alarm in a batch are one write
          if (last?.kind === 'raise' && last.trigger.rule.id === rule.id && last.trigger.deviceId === r.deviceId) {
            last.trigger.count += 1;
            last.trigger.value = r.value;
            last.trigger.peak = keepsLowest(rule) ? Math.min(last.trigger.peak, r.value) : Math.max(last.trigger.peak, r.value);
            last.trigger.ts = r.ts;
          } else ops.push({ kind: 'raise', trigger: { rule, deviceId: r.deviceId, value: r.value, peak: r.value, ts: r.ts, detail: verdict, count: 1 } });
          this.open.add(key);
        }
      }
      this.previous.set(`${r.deviceId}/${r.quantity}`, { ts: r.ts, value: r.value });
    }
    if (ops.length === 0) return;
    await this.db.transaction().execute(async (tx) => {
      for (const op of ops) {
        if (op.kind === 'raise') await raise(tx, this.events, op.trigger);
        else await clearOpen(tx, this.events, op.rule.id, op.deviceId);
      }
    });
  }

  /**
   * A description of why the reading triggers the rule; null when the condition is not met (an
   * open alarm clears); 'quiet' when it is met but not (yet) long enough.
   */
  private async judge(rule: Rule, r: Reading): Promise<string | null | 'quiet'> {
    const p = rule.params;
    const key = `${rule.id}/${r.deviceId}`;
    if (rule.kind === 'missing') return null;
    if (isThreshold(p)) {
      if (!crosses(p, r.value)) return null;
      const why = `${r.quantity}=${fmt(r.value)} ${p.op === 'above' ? '>' : '<'} ${fmt(p.value)}${p.forSeconds > 0 ? ` ≥ ${Math.round(p.forSeconds / 60)} min` : ''}`;
      if (this.open.has(key)) return why;
      return (await crossedThroughout(this.db, r.deviceId, r.quantity, p, r.ts)) ? why : 'quiet';
    }
    if (isRate(p)) {
      const cached = this.previous.get(`${r.deviceId}/${r.quantity}`);
      const prev = cached && cached.ts < r.ts ? cached : await previousReading(this.db, r.deviceId, r.quantity, r.ts);
      if (!prev) return null;
      const rate = ratePerMinute(prev, r);
      return rate > p.perMinute ? `${r.quantity} ${fmt(prev.value)} → ${fmt(r.value)}: ${fmt(rate)}/min > ${fmt(p.perMinute)}/min` : null;
    }
    if (isAnomaly(p)) {
      const stats = await this.baseline(r, p.hours, p.minCount);
      if (stats.count < p.minCount) return null;
      const away = sigmasAway(stats, r.value);
      return away > p.sigmas ? `${r.quantity}=${fmt(r.value)}: ${fmt(away)}σ from ${fmt(stats.mean)} (σ ${fmt(stats.sd)}, n ${stats.count})` : null;
    }
    return null;
  }

  /** The moving baseline, read at most every 10 minutes per device and quantity. */
  private async baseline(r: Reading, hours: number, minCount: number): Promise<Moving> {
    const key = `${r.deviceId}/${r.quantity}/${hours}`;
    const cached = this.baselines.get(key);
    if (cached && performance.now() - cached.at < 600_000) return cached.stats;
    const stats = await movingStats(this.db, r.deviceId, r.quantity, hours, r.ts);
    // a baseline still too short to judge is read again next time, not kept for ten minutes
    if (stats.count >= minCount) this.baselines.set(key, { at: performance.now(), stats });
    return stats;
  }
}
