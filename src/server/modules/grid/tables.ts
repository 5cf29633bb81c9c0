import type { ColumnType, Generated, Kysely } from 'kysely';
import type { AreaGeometry, PolygonGeometry } from './geometry';

export type AreaLevel = 'district' | 'street' | 'community';
export type AreaKind = 'district' | 'street' | 'town' | 'community' | 'village';

/** jsonb: read as parsed GeoJSON, written as JSON text */
type Json<T> = ColumnType<T, string, string>;

/** The tables the grid module owns (its migrations). */
export interface GridTables {
  grid_area: {
    code: string;
    name: string;
    level: AreaLevel;
    kind: AreaKind;
    parent_code: string | null;
    org_id: string | null;
    geometry: ColumnType<AreaGeometry | null, string | null, string | null>;
    min_lng: number | null;
    min_lat: number | null;
    max_lng: number | null;
    max_lat: number | null;
    demo: Generated<boolean>;
    sort_order: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  grid_unit: {
    code: string;
    name: string;
    community_code: string;
    geometry: Json<PolygonGeometry>;
    min_lng: number;
    min_lat: number;
    max_lng: number;
    max_lat: number;
    org_id: string | null;
    demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  grid_responsibility: {
    id: string;
    name: string;
    inspector_id: string | null;
    demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  grid_responsibility_member: {
    unit_code: string;
    responsibility_id: string;
  };
  grid_version: {
    id: Generated<boolean>;
    version: number;
    changed_at: Generated<Date>;
  };
}

export type GridDb = Kysely<GridTables>;
