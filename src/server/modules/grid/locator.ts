/**
 * `GridService`: point → grid for other modules (cases, iot), from an in-memory
 * index loaded lazily on first use. Freshness across server copies: every
 * change bumps the one-row `grid_version` in its transaction; a lookup made
 * `checkEveryMs` (5 s) or more after the last check first reads that row (one
 * primary-key read) and rebuilds the index when it moved. The copy that made a
 * change reloads at once (`reload()`). See README.md, "The index".
 */
import type { Database } from '../../kernel/db/database';
import type { Logger } from '../../kernel/logger';
import { ownTables } from '../../kernel/db/database';
import { areaStore } from './area-store';
import { GridIndex, type GridHit } from './grid-index';
import { responsibilityStore } from './responsibility-store';
import type { GridDb, GridTables } from './tables';
import { unitStore } from './unit-store';
import { versionStore } from './version-store';

export interface GridServiceOptions {
  /** how stale an index may get before a lookup asks the database for the version (default 5000 ms) */
  checkEveryMs?: number;
  /** clock, for tests */
  now?: () => number;
  log?: Pick<Logger, 'warn'>;
}

/** Reads one consistent version of the data (one REPEATABLE READ snapshot) and builds its index. */
export async function loadIndex(db: GridDb): Promise<GridIndex> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      const version = await versionStore.get(tx);
      const [areas, units, memberships] = [await areaStore.all(tx), await unitStore.all(tx), await responsibilityStore.memberships(tx)];
      return GridIndex.build({
        version,
        areas: areas.map((a) => ({ code: a.code, name: a.name, level: a.level, parentCode: a.parent_code, orgId: a.org_id, geometry: a.geometry })),
        units: units.map((u) => ({ code: u.code, name: u.name, communityCode: u.community_code, geometry: u.geometry })),
        memberships: memberships.map((m) => ({ unitCode: m.unit_code, responsibilityId: m.responsibility_id })),
      });
    });
}

export class GridService {
  private index: GridIndex | null = null;
  private pending: Promise<GridIndex> | null = null;
  private checkedAt = 0;
  private readonly checkEveryMs: number;
  private readonly now: () => number;
  private readonly log: Pick<Logger, 'warn'> | undefined;

  constructor(
    private readonly db: GridDb,
    options: GridServiceOptions = {},
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 5000;
    this.now = options.now ?? (() => performance.now());
    this.log = options.log;
  }

  /** The unit grid at a point (WGS 84 / CGCS2000 longitude, latitude), or null outside every unit grid. */
  async locate(lng: number, lat: number): Promise<GridHit | null> {
    return (this.index && this.now() - this.checkedAt < this.checkEveryMs ? this.index : await this.current()).locate(lng, lat);
  }

  async insideDistrict(lng: number, lat: number): Promise<boolean> {
    return (await this.current()).insideDistrict(lng, lat);
  }

  /** The current index, for many synchronous lookups in a row (e.g. a batch of sensor readings). */
  async current(): Promise<GridIndex> {
    if (this.index && this.now() - this.checkedAt < this.checkEveryMs) return this.index;
    this.pending ??= this.refresh().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Rebuilds from the database now (after a change made by this copy); a failure leaves the next lookup to retry. */
  async reload(): Promise<void> {
    await this.pending?.catch(() => undefined);
    this.pending = this.rebuild().finally(() => {
      this.pending = null;
    });
    try {
      await this.pending;
    } catch (error) {
      this.checkedAt = -Infinity;
      throw error;
    }
  }

  private async refresh(): Promise<GridIndex> {
    if (!this.index) return this.rebuild();
    try {
      if ((await versionStore.get(this.db)) === this.index.version) {
        this.checkedAt = this.now();
        return this.index;
      }
      return await this.rebuild();
    } catch (error) {
      // the database is unreachable for a moment: keep answering from the index we have, try again later
      this.log?.warn({ err: error }, 'grid index: version check failed; answering from the loaded index');
      this.checkedAt = this.now();
      return this.index;
    }
  }

  private async rebuild(): Promise<GridIndex> {
    const checkedAt = this.now();
    const index = await loadIndex(this.db);
    // two overlapping reloads: the newer data wins whichever finishes last
    if (this.index && this.index.version > index.version) return this.index;
    this.index = index;
    this.checkedAt = checkedAt;
    return index;
  }
}

const services = new WeakMap<Database, GridService>();

/** The grid service of a database: one per process and database (the index is shared by every caller). */
export function gridService(kernel: { database: Database; log?: Logger }): GridService {
  let service = services.get(kernel.database);
  if (!service) {
    service = new GridService(ownTables<GridTables>(kernel.database), kernel.log ? { log: kernel.log } : {});
    services.set(kernel.database, service);
  }
  return service;
}
