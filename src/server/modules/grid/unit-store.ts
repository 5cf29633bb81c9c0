import { sql } from 'kysely';
import type { BBox, PolygonGeometry } from './geometry';
import type { GridDb } from './tables';

export interface UnitWriteRow {
  code: string;
  name: string;
  communityCode: string;
  geometry: PolygonGeometry;
  bbox: BBox;
  orgId: string | null;
}

const columns = ['code', 'name', 'community_code', 'geometry', 'org_id', 'demo'] as const;

/** All SQL of `grid_unit`. */
export const unitStore = {
  byCode: (db: GridDb, code: string) => db.selectFrom('grid_unit').select(columns).where('code', '=', code).executeTakeFirst(),

  byCommunity: (db: GridDb, community: string, limit: number) =>
    db.selectFrom('grid_unit').select(columns).where('community_code', '=', community).orderBy('code').limit(limit).execute(),

  /** Grids whose bounding box meets `box` (GiST index on the box), optionally of one community. */
  meeting: (db: GridDb, box: BBox, limit: number, community?: string) => {
    let q = db
      .selectFrom('grid_unit')
      .select(columns)
      .where(sql<boolean>`box(point(min_lng, min_lat), point(max_lng, max_lat)) && box(point(${box.minLng}, ${box.minLat}), point(${box.maxLng}, ${box.maxLat}))`);
    if (community) q = q.where('community_code', '=', community);
    return q.orderBy('code').limit(limit).execute();
  },

  existing: async (db: GridDb, codes: string[]) =>
    codes.length === 0
      ? []
      : (await db.selectFrom('grid_unit').select(['code', 'community_code']).where('code', 'in', codes).execute()),

  /** For the in-memory index. */
  all: (db: GridDb) => db.selectFrom('grid_unit').select(['code', 'name', 'community_code', 'geometry']).execute(),

  count: async (db: GridDb, community?: string) => {
    let q = db.selectFrom('grid_unit').select((eb) => eb.fn.countAll<number>().as('n'));
    if (community) q = q.where('community_code', '=', community);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },

  /** Inserts or replaces grids by code, in one statement; says how many were new. */
  upsert: async (db: GridDb, rows: UnitWriteRow[], demo: boolean): Promise<{ created: number; updated: number }> => {
    if (rows.length === 0) return { created: 0, updated: 0 };
    const input = rows.map((r) => ({ code: r.code, name: r.name, community_code: r.communityCode, geometry: r.geometry, org_id: r.orgId, ...r.bbox }));
    const result = await sql<{ created: number; updated: number }>`
      WITH written AS (
        INSERT INTO grid_unit (code, name, community_code, geometry, min_lng, min_lat, max_lng, max_lat, org_id, demo)
        SELECT code, name, community_code, geometry, "minLng", "minLat", "maxLng", "maxLat", org_id, ${demo}
          FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
            AS r(code text, name text, community_code text, geometry jsonb, org_id uuid,
                 "minLng" double precision, "minLat" double precision, "maxLng" double precision, "maxLat" double precision)
        ON CONFLICT (code) DO UPDATE
           SET name = EXCLUDED.name, geometry = EXCLUDED.geometry, min_lng = EXCLUDED.min_lng, min_lat = EXCLUDED.min_lat,
               max_lng = EXCLUDED.max_lng, max_lat = EXCLUDED.max_lat, org_id = EXCLUDED.org_id, demo = EXCLUDED.demo, updated_at = now()
        RETURNING (xmax = 0) AS inserted
      )
      SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`.execute(db);
    return result.rows[0] ?? { created: 0, updated: 0 };
  },
};
