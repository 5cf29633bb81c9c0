import { Type, type Static } from '@sinclair/typebox';

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[longitude, latitude], WGS 84 / CGCS2000' });
const PolygonSchema = Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Position)) });
const MultiPolygonSchema = Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Type.Array(Position))) });
const Uuid = Type.String({ format: 'uuid' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);

export const CommunityCode = Type.String({ pattern: '^[0-9]{12}$', description: '社区/村 division code, 12 digits' });
export const UnitGridCode = Type.String({ pattern: '^[0-9]{15}$', description: '单元网格 code: district 6 + street 3 + community 3 + sequence 3' });

export const GridHitSchema = Type.Object({
  unitGridCode: Type.String(),
  unitGridName: Type.String(),
  communityCode: Type.String(),
  communityName: Type.String(),
  streetCode: Type.String({ description: 'street (街道) or town (镇)' }),
  streetName: Type.String(),
  streetOrgId: NullableUuid,
  responsibilityGridId: NullableUuid,
});

export const LocateQuery = Type.Object(
  { lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) },
  { additionalProperties: false },
);

export const AreaLevelSchema = Type.Union([Type.Literal('district'), Type.Literal('street'), Type.Literal('community')]);
export const AreasQuery = Type.Object(
  { level: Type.Optional(Type.Union([Type.Literal('district'), Type.Literal('street'), Type.Literal('community')], { default: 'street' })) },
  { additionalProperties: false },
);

export const AreaFeatureSchema = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  properties: Type.Object({
    code: Type.String(),
    name: Type.String(),
    level: AreaLevelSchema,
    kind: Type.Union(['district', 'street', 'town', 'community', 'village'].map((k) => Type.Literal(k))),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    orgId: NullableUuid,
    demo: Type.Boolean({ description: 'generated demo geometry, not survey data' }),
  }),
  geometry: Type.Union([PolygonSchema, MultiPolygonSchema, Type.Null()]),
});
export const AreaCollectionSchema = Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(AreaFeatureSchema) });

export const UnitGridFeatureSchema = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  properties: Type.Object({ code: Type.String(), name: Type.String(), communityCode: Type.String(), orgId: NullableUuid, demo: Type.Boolean() }),
  geometry: PolygonSchema,
});
export const UnitGridCollectionSchema = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(UnitGridFeatureSchema),
  truncated: Type.Boolean({ description: 'more grids matched than `limit`' }),
});

export const maxListed = 2000;
export const UnitGridsQuery = Type.Object(
  {
    community: Type.Optional(CommunityCode),
    bbox: Type.Optional(Type.String({ description: 'minLng,minLat,maxLng,maxLat', examples: ['105.92,29.34,105.94,29.36'] })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: maxListed, default: maxListed })),
  },
  { additionalProperties: false },
);
export const CommunityQuery = Type.Object({ community: CommunityCode }, { additionalProperties: false });
export const CodeParams = Type.Object({ code: UnitGridCode }, { additionalProperties: false });

/** The exchange format of import and export: one Polygon feature per unit grid. */
export const ExportFeatureSchema = Type.Object({
  type: Type.Literal('Feature'),
  properties: Type.Object({ code: Type.String(), name: Type.String(), orgId: NullableUuid }),
  geometry: PolygonSchema,
});
export const ExportCollectionSchema = Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(ExportFeatureSchema) });

export const maxImported = 5000;
export const ImportBody = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    // written by GIS tools (QGIS); not used
    name: Type.Optional(Type.String()),
    crs: Type.Optional(Type.Object({}, { additionalProperties: true })),
    bbox: Type.Optional(Type.Array(Type.Number())),
    features: Type.Array(
      Type.Object(
        {
          type: Type.Literal('Feature'),
          id: Type.Optional(Type.Union([Type.String(), Type.Number()])),
          bbox: Type.Optional(Type.Array(Type.Number())),
          // other properties that GIS tools carry along are ignored
          properties: Type.Object(
            { code: Type.String({ description: '15 digits' }), name: Type.String(), orgId: Type.Optional(NullableUuid) },
            { additionalProperties: true },
          ),
          geometry: Type.Object({ type: Type.String({ description: 'Polygon' }), coordinates: Type.Array(Type.Unknown()) }, { additionalProperties: false }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: maxImported },
    ),
  },
  { additionalProperties: false },
);
export type ImportBodyInput = Static<typeof ImportBody>;

export const ImportResultSchema = Type.Object({
  imported: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  communities: Type.Array(Type.String()),
  version: Type.Integer({ description: 'grid data version after the import' }),
});
export type ImportResult = Static<typeof ImportResultSchema>;

export const ResponsibilityGridSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  inspectorId: NullableUuid,
  unitGridCodes: Type.Array(Type.String()),
  demo: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ResponsibilityGrid = Static<typeof ResponsibilityGridSchema>;
export const ResponsibilityListSchema = Type.Object({ items: Type.Array(ResponsibilityGridSchema) });
export const ResponsibilityQuery = Type.Object({ community: Type.Optional(CommunityCode) }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

const Name = Type.String({ minLength: 1, maxLength: 60, pattern: '^[^\\u0000-\\u001f\\u007f<>]*\\S[^\\u0000-\\u001f\\u007f<>]*$' });
const Codes = Type.Array(UnitGridCode, { maxItems: maxImported, uniqueItems: true });

export const CreateResponsibilityBody = Type.Object(
  { name: Name, inspectorId: Type.Optional(NullableUuid), unitGridCodes: Codes },
  { additionalProperties: false },
);
export type CreateResponsibilityInput = Static<typeof CreateResponsibilityBody>;

export const UpdateResponsibilityBody = Type.Object(
  { name: Type.Optional(Name), inspectorId: Type.Optional(NullableUuid), unitGridCodes: Type.Optional(Codes) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateResponsibilityInput = Static<typeof UpdateResponsibilityBody>;
