import { sql } from 'kysely';
import type { AreaGeometry, BBox } from './geometry';
import type { AreaKind, AreaLevel, GridDb } from './tables';

export interface AreaSyncRow {
  code: string;
  name: string;
  level: AreaLevel;
  kind: AreaKind;
  parent_code: string | null;
  org_id: string | null;
  sort_order: number;
}

export interface AreaGeometryRow {
  code: string;
  geometry: AreaGeometry;
  bbox: BBox;
}

/** All SQL of `grid_area`. */
export const areaStore = {
  all: (db: GridDb) => db.selectFrom('grid_area').selectAll().orderBy('code').execute(),

  byLevel: (db: GridDb, level: AreaLevel) =>
    db.selectFrom('grid_area').selectAll().where('level', '=', level).orderBy('sort_order').orderBy('code').execute(),

  byCode: (db: GridDb, code: string) => db.selectFrom('grid_area').selectAll().where('code', '=', code).executeTakeFirst(),

  /** The community-level areas (社区 and 村) among `codes`. */
  communities: (db: GridDb, codes: string[]) =>
    codes.length === 0
      ? Promise.resolve([])
      : db.selectFrom('grid_area').select(['code', 'name', 'org_id']).where('level', '=', 'community').where('code', 'in', codes).execute(),

  hasGeometry: async (db: GridDb) =>
    (await db.selectFrom('grid_area').select('code').where('geometry', 'is not', null).limit(1).executeTakeFirst()) !== undefined,

  /** Inserts missing areas and updates changed ones, in one statement; returns how many rows changed. */
  sync: async (db: GridDb, rows: AreaSyncRow[]): Promise<number> => {
    if (rows.length === 0) return 0;
    const result = await sql<{ n: number }>`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r(code text, name text, level text, kind text, parent_code text, org_id uuid, sort_order integer)
      ), changed AS (
        INSERT INTO grid_area (code, name, level, kind, parent_code, org_id, sort_order)
        SELECT code, name, level, kind, parent_code, org_id, sort_order FROM input
        ON CONFLICT (code) DO UPDATE
           SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code,
               org_id = EXCLUDED.org_id, sort_order = EXCLUDED.sort_order, updated_at = now()
         WHERE (grid_area.name, grid_area.kind, grid_area.parent_code, grid_area.org_id, grid_area.sort_order)
               IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.parent_code, EXCLUDED.org_id, EXCLUDED.sort_order)
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM changed`.execute(db);
    return result.rows[0]?.n ?? 0;
  },

  setGeometry: async (db: GridDb, rows: AreaGeometryRow[], demo: boolean): Promise<void> => {
    if (rows.length === 0) return;
    const input = rows.map((r) => ({ code: r.code, geometry: r.geometry, ...r.bbox }));
    await sql`
      UPDATE grid_area a
         SET geometry = r.geometry, min_lng = r."minLng", min_lat = r."minLat", max_lng = r."maxLng", max_lat = r."maxLat",
             demo = ${demo}, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
          AS r(code text, geometry jsonb, "minLng" double precision, "minLat" double precision, "maxLng" double precision, "maxLat" double precision)
       WHERE a.code = r.code`.execute(db);
  },
};
