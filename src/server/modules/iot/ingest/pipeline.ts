/**
 * The ingestion pipeline: validate → buffer → flush in batches (COPY + roll-ups + last seen +
 * refusal counters, one transaction; write-batch.ts). Devices are spread over `lanes` (lane.ts);
 * each lane flushes a batch when it holds `maxBatch` readings or when its oldest reading has
 * waited `maxDelayMs`, one batch at a time, while the next one fills.
 *
 * Durability: the promise of `submit` resolves only after the transaction holding the caller's
 * readings has COMMITTED (synchronous_commit on: the WAL is on disk). It rejects when they were
 * not stored — the caller (HTTP: 503; MQTT QoS 1: no PUBACK) lets the device send them again,
 * and the primary key turns a resent reading that did get stored into a counted duplicate.
 * Nothing a device sends makes this code throw: every refusal is a counted reason.
 */
import { Buffer } from 'node:buffer';
import type pg from 'pg';
import type { Logger } from '../../../kernel/logger';
import { tokenMatches } from '../credentials';
import { IngestNotStored } from './flush';
import type { RejectionReason } from '../store';
import type { PartitionKeeper } from '../storage/partitions';
import { flushTickets, type FlushDeps, type FlushStats } from './flush';
import { Lane, laneOf } from './lane';
import type { DeviceProfile, RegistryCache } from './registry-cache';
import { RejectionTally } from './tally';
import { addRejected, unknownDeviceKey, type IngestResult, type Reading, type RejectionSink } from './types';
import { validateMessage } from './validate';

export interface IngestionOptions {
  /** readings per flush (default 5,000) */
  maxBatch?: number;
  /** longest wait of a reading before its batch is flushed (default 50 ms) */
  maxDelayMs?: number;
  /** readings waiting beyond which new submissions are refused as overloaded (default 200,000) */
  maxPending?: number;
  /** lanes, i.e. flushes at once, each on its own connection, for disjoint sets of devices (default 2) */
  lanes?: number;
  /** the server clock, epoch ms (tests move it) */
  now?: () => number;
}

export type AuthOutcome = { ok: true; device: DeviceProfile } | { ok: false; reason: Extract<RejectionReason, 'unknown_device' | 'bad_credentials' | 'disabled'> };

/** Too much is waiting already: try again shortly (HTTP 503; MQTT: no PUBACK). */
export class IngestOverloaded extends Error {
  override name = 'IngestOverloaded';
}

export { IngestNotStored } from './flush';

const brief = (s: string) => JSON.stringify(s.length > 64 ? `${s.slice(0, 64)}…` : s);

export class Ingestion {
  private readonly lanes: Lane[];
  private readonly tally = new RejectionTally();
  private closed = false;
  private readonly maxPending: number;
  /** counters for operators and the bench */
  readonly stats: FlushStats = { flushes: 0, stored: 0, failedFlushes: 0, writeMs: 0, prepareMs: 0 };

  constructor(
    private readonly pool: pg.Pool,
    readonly registry: RegistryCache,
    private readonly keeper: PartitionKeeper,
    private readonly log: Pick<Logger, 'warn' | 'error' | 'info'>,
    private readonly options: IngestionOptions = {},
  ) {
    this.maxPending = options.maxPending ?? 200_000;
    const maxBatch = options.maxBatch ?? 5000;
    const maxDelayMs = options.maxDelayMs ?? 50;
    this.lanes = Array.from({ length: Math.max(1, options.lanes ?? 2) }, (_, k) =>
      // refusal counts ride with the batches of lane 0 (or alone, when no reading comes)
      new Lane(maxBatch, maxDelayMs, (tickets) => flushTickets(this.flushDeps, tickets), k === 0 ? () => this.tally.size > 0 : undefined),
    );
  }

  now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private storedListener: ((rows: readonly Reading[]) => void) | undefined;

  /** Who is told of the new readings of each committed batch (the alarm rules). */
  onStored(listener: (rows: readonly Reading[]) => void): void {
    this.storedListener = listener;
  }

  private get flushDeps(): FlushDeps {
    return { pool: this.pool, keeper: this.keeper, tally: this.tally, log: this.log, stats: this.stats, now: () => this.now(), stored: this.storedListener };
  }

  private get pending(): number {
    return this.lanes.reduce((n, lane) => n + lane.pending, 0);
  }

  /** The registry could not be read at all (no snapshot yet and no database): the caller may retry. */
  private async lookup(deviceId: string): Promise<DeviceProfile | undefined> {
    try {
      return await this.registry.device(deviceId);
    } catch (error) {
      this.log.error({ err: error }, 'iot: the device registry cannot be read');
      throw new IngestNotStored('the device registry cannot be read');
    }
  }

  /** Checks a device's credential (HTTP `Device` header; MQTT CONNECT user name and password). Failures are counted. */
  async authenticate(deviceId: string, token: string): Promise<AuthOutcome> {
    const device = await this.lookup(deviceId);
    const at = this.now();
    const fail = (reason: Extract<AuthOutcome, { ok: false }>['reason'], key: string, detail: string): AuthOutcome => {
      this.refuse(key, reason, detail, 1, at);
      return { ok: false, reason };
    };
    if (!device) return fail('unknown_device', unknownDeviceKey, `device id ${brief(deviceId)} is not registered`);
    if (!tokenMatches(token, device.credentialHash)) return fail('bad_credentials', deviceId, 'the token does not match');
    if (device.status !== 'active') return fail('disabled', deviceId, 'the device is disabled');
    return { ok: true, device };
  }

  /** Counts a refusal decided by a transport (e.g. a request body that is not JSON). */
  refuse(deviceId: string, reason: RejectionReason, detail: string, n = 1, at = this.now()): void {
    this.tally.add(deviceId, reason, at, detail, n);
    this.lanes[0]!.schedule();
  }

  /** A raw payload as MQTT delivers it: JSON of one message or an array of messages. */
  async submitPayload(deviceId: string, payload: string | Uint8Array, receivedAt = this.now()): Promise<IngestResult> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8'));
    } catch {
      const known = (await this.lookup(deviceId)) !== undefined;
      this.refuse(known ? deviceId : unknownDeviceKey, 'malformed', 'the payload is not JSON', 1, receivedAt);
      return { accepted: 0, rejected: { malformed: 1 } };
    }
    return this.submit(deviceId, Array.isArray(parsed) ? parsed : [parsed], receivedAt);
  }

  /**
   * Validates the messages of one (authenticated) device and queues the good readings. Resolves
   * after they are committed, with what was accepted and what was refused and why.
   */
  async submit(deviceId: string, messages: readonly unknown[], receivedAt = this.now()): Promise<IngestResult> {
    if (this.closed) throw new IngestNotStored('the ingestion is closing');
    const result: IngestResult = { accepted: 0, rejected: {} };
    const device = await this.lookup(deviceId);
    const sink: RejectionSink = (reason, detail, n = 1) => {
      addRejected(result, reason, n);
      this.tally.add(device ? deviceId : unknownDeviceKey, reason, receivedAt, detail, n);
    };
    if (!device || device.status !== 'active') {
      sink(device ? 'disabled' : 'unknown_device', device ? 'the device is disabled' : `device id ${brief(deviceId)} is not registered`, messages.length);
      this.lanes[0]!.schedule();
      return result;
    }
    if (this.pending >= this.maxPending) throw new IngestOverloaded('too many readings are waiting to be stored');
    const readings: Reading[] = [];
    for (const message of messages) validateMessage(device, message, receivedAt, readings, sink);
    if (readings.length === 0) {
      this.lanes[0]!.schedule();
      return result;
    }
    const touchEveryMs = Math.min(15_000, device.type.expectedIntervalMs / 2);
    return new Promise<IngestResult>((resolve, reject) => {
      this.lanes[laneOf(deviceId, this.lanes.length)]!.push({ deviceId, readings, result, receivedAt, touchEveryMs, arrived: performance.now(), resolve, reject });
    });
  }

  /** Flushes everything waiting now and resolves when it is written (tests, shutdown). */
  async flush(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.drain()));
    if (this.tally.size > 0) {
      this.lanes[0]!.start();
      await this.lanes[0]!.drain();
    }
  }

  /** Stops taking submissions and writes what is waiting. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
