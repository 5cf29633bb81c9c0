import type { Static } from '@sinclair/typebox';
import type { Selectable } from 'kysely';
import type { AreaFeatureSchema, ExportFeatureSchema, ResponsibilityGrid, UnitGridFeatureSchema } from './schemas';
import type { ResponsibilityRow } from './responsibility-store';
import type { GridTables } from './tables';

type AreaRow = Selectable<GridTables['grid_area']>;
type UnitRow = Pick<Selectable<GridTables['grid_unit']>, 'code' | 'name' | 'community_code' | 'geometry' | 'org_id' | 'demo'>;

/** GeoJSON presentation of the module's rows. */
export const present = {
  area: (row: AreaRow): Static<typeof AreaFeatureSchema> => ({
    type: 'Feature',
    id: row.code,
    properties: { code: row.code, name: row.name, level: row.level, kind: row.kind, parentCode: row.parent_code, orgId: row.org_id, demo: row.demo },
    geometry: row.geometry,
  }),

  unit: (row: UnitRow): Static<typeof UnitGridFeatureSchema> => ({
    type: 'Feature',
    id: row.code,
    properties: { code: row.code, name: row.name, communityCode: row.community_code, orgId: row.org_id, demo: row.demo },
    geometry: row.geometry,
  }),

  /** the import format: what an export writes, an import reads back */
  exported: (row: UnitRow): Static<typeof ExportFeatureSchema> => ({
    type: 'Feature',
    properties: { code: row.code, name: row.name, orgId: row.org_id },
    geometry: row.geometry,
  }),

  responsibility: (row: ResponsibilityRow): ResponsibilityGrid => ({
    id: row.id,
    name: row.name,
    inspectorId: row.inspector_id,
    unitGridCodes: row.unit_codes,
    demo: row.demo,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }),
};
