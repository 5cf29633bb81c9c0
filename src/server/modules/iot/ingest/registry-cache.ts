/**
 * The ingestion's view of the registry: every device with its type's quantities, ranges and raw
 * retention, and its credential hash, held in memory so that no reading costs a query. Freshness
 * across server copies: every registry change bumps `device_registry_version` in its transaction;
 * a lookup made `checkEveryMs` (2 s) or more after the last check reads that one row and reloads
 * the snapshot when it moved. The copy that made a change reloads at once (`invalidate`).
 * So a disabled device or a rotated token stops working everywhere within about 2 s.
 */
import { Buffer } from 'node:buffer';
import type { Logger } from '../../../kernel/logger';
import type { DeviceStatus, IotDb, Quantity } from '../store';
import { registryVersion } from '../registry/version';
import { dayMs } from '../storage/periods';

export interface TypeProfile {
  code: string;
  quantities: ReadonlyMap<string, { min: number; max: number }>;
  rawRetentionMs: number;
  expectedIntervalMs: number;
}

export interface DeviceProfile {
  id: string;
  status: DeviceStatus;
  /** the 32 bytes of SM3(token) */
  credentialHash: Buffer;
  type: TypeProfile;
}

interface Snapshot {
  version: number;
  devices: ReadonlyMap<string, DeviceProfile>;
}

export async function loadSnapshot(db: IotDb): Promise<Snapshot> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      const version = await registryVersion(tx);
      const types = new Map<string, TypeProfile>();
      for (const t of await tx.selectFrom('device_type').select(['code', 'quantities', 'raw_retention_days', 'expected_interval_seconds']).execute()) {
        const quantities = new Map((t.quantities as Quantity[]).map((q) => [q.key, { min: q.min, max: q.max }]));
        types.set(t.code, { code: t.code, quantities, rawRetentionMs: t.raw_retention_days * dayMs, expectedIntervalMs: t.expected_interval_seconds * 1000 });
      }
      const devices = new Map<string, DeviceProfile>();
      for (const d of await tx.selectFrom('device').select(['id', 'status', 'credential_hash', 'type_code']).execute()) {
        devices.set(d.id, { id: d.id, status: d.status, credentialHash: Buffer.from(d.credential_hash, 'hex'), type: types.get(d.type_code)! });
      }
      return { version, devices };
    });
}

export class RegistryCache {
  private snapshot: Snapshot | null = null;
  private checkedAt = -Infinity;
  private pending: Promise<Snapshot> | null = null;

  constructor(
    private readonly db: IotDb,
    private readonly options: { checkEveryMs?: number; now?: () => number; log?: Pick<Logger, 'warn'> } = {},
  ) {}

  private now(): number {
    return this.options.now?.() ?? performance.now();
  }

  async device(id: string): Promise<DeviceProfile | undefined> {
    return (await this.current()).devices.get(id);
  }

  /** After a change made by this copy: the next lookup reloads. */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  private async current(): Promise<Snapshot> {
    if (this.snapshot && this.now() - this.checkedAt < (this.options.checkEveryMs ?? 2000)) return this.snapshot;
    this.pending ??= this.refresh().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async refresh(): Promise<Snapshot> {
    const checkedAt = this.now();
    try {
      if (this.snapshot) {
        if ((await registryVersion(this.db)) === this.snapshot.version) {
          this.checkedAt = checkedAt;
          return this.snapshot;
        }
      }
      this.snapshot = await loadSnapshot(this.db);
      this.checkedAt = checkedAt;
      return this.snapshot;
    } catch (error) {
      // the database is unreachable for a moment: keep answering from what we have
      if (!this.snapshot) throw error;
      this.options.log?.warn({ err: error }, 'iot registry: version check failed; answering from the loaded snapshot');
      this.checkedAt = checkedAt;
      return this.snapshot;
    }
  }
}
