/**
 * Reading the registry: one device, or a filtered page of them, each with its state:
 * `online` when its last stored reading is at most twice its type's expected interval old,
 * `offline` otherwise (also when it never reported), `disabled` when switched off.
 * The database clock decides, so every server copy gives the same answer.
 */
import { sql } from 'kysely';
import { iotErrors } from '../errors';
import type { DeviceStatus, IotDb } from '../store';

export type DeviceState = 'online' | 'offline' | 'disabled';

export interface DeviceView {
  id: string;
  typeCode: string;
  typeName: string;
  name: string;
  ownerOrgId: string;
  lng: number;
  lat: number;
  unitGridCode: string | null;
  communityCode: string | null;
  streetCode: string | null;
  installDate: string | null;
  status: DeviceStatus;
  state: DeviceState;
  expectedIntervalSeconds: number;
  lastSeenAt: string | null;
  credentialRotatedAt: string;
  createdAt: string;
}

export interface DeviceFilter {
  typeCode?: string | undefined;
  state?: DeviceState | undefined;
  /** a unit grid, community or street/town code */
  area?: string | undefined;
  ownerOrgId?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export const stateSql = sql<DeviceState>`CASE WHEN d.status = 'disabled' THEN 'disabled'
  WHEN d.last_seen_at >= now() - make_interval(secs => 2 * t.expected_interval_seconds) THEN 'online'
  ELSE 'offline' END`;

function base(db: IotDb) {
  return db
    .selectFrom('device as d')
    .innerJoin('device_type as t', 't.code', 'd.type_code')
    .select([
      'd.id', 'd.type_code', 't.name_zh', 'd.name', 'd.owner_org_id', 'd.lng', 'd.lat', 'd.unit_grid_code', 'd.community_code', 'd.street_code',
      'd.status', 't.expected_interval_seconds', 'd.last_seen_at', 'd.credential_rotated_at', 'd.created_at',
    ])
    .select(sql<string | null>`to_char(d.install_date, 'YYYY-MM-DD')`.as('install_day'))
    .select(stateSql.as('state'));
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function present(r: Row): DeviceView {
  return {
    id: r.id,
    typeCode: r.type_code,
    typeName: r.name_zh,
    name: r.name,
    ownerOrgId: r.owner_org_id,
    lng: r.lng,
    lat: r.lat,
    unitGridCode: r.unit_grid_code,
    communityCode: r.community_code,
    streetCode: r.street_code,
    installDate: r.install_day,
    status: r.status,
    state: r.state,
    expectedIntervalSeconds: r.expected_interval_seconds,
    lastSeenAt: r.last_seen_at?.toISOString() ?? null,
    credentialRotatedAt: r.credential_rotated_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  };
}

/** A unit grid, community or street code: devices (aliased `d`) placed in it. */
export const inArea = (area: string) => sql<boolean>`(d.unit_grid_code = ${area} OR d.community_code = ${area} OR d.street_code = ${area})`;

export const deviceQueries = {
  async get(db: IotDb, id: string): Promise<DeviceView> {
    const row = await base(db).where('d.id', '=', id).executeTakeFirst();
    if (!row) throw iotErrors.deviceNotFound(id);
    return present(row);
  },

  async list(db: IotDb, filter: DeviceFilter): Promise<{ items: DeviceView[]; total: number }> {
    let q = base(db);
    if (filter.typeCode) q = q.where('d.type_code', '=', filter.typeCode);
    if (filter.ownerOrgId) q = q.where('d.owner_org_id', '=', filter.ownerOrgId);
    if (filter.area) q = q.where(inArea(filter.area));
    if (filter.state) q = q.where(stateSql, '=', filter.state);
    const rows = await q
      .select(sql<number>`count(*) OVER ()`.as('total'))
      .orderBy('d.id')
      .limit(filter.limit ?? 200)
      .offset(filter.offset ?? 0)
      .execute();
    return { items: rows.map(present), total: Number(rows[0]?.total ?? 0) };
  },
};
