import { Type } from '@sinclair/typebox';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f<>]*$' });

export const DataItemSchema = Type.Object(
  { name: Text(60, 1), type: lit(['string', 'integer', 'decimal', 'date', 'datetime', 'boolean', 'binary'] as const), length: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) },
  { additionalProperties: false },
);

/** The metadata a department enters (编制指南 core metadata). */
export const ResourceBody = Type.Object(
  {
    name: Text(100, 2),
    catalogKind: lit(['base', 'theme', 'department'] as const),
    classCode: Type.String({ pattern: '^[1-3][0-9]{2}([0-9]{3}([0-9]{1,3})?)?$', description: '类(1) 项(2) 目(3) 细目(1–3)' }),
    providerOrgId: Type.String({ format: 'uuid' }),
    abstract: Text(2000, 2),
    format: lit(['database', 'spreadsheet', 'file', 'image', 'stream', 'api', 'geo'] as const),
    items: Type.Array(DataItemSchema, { maxItems: 300 }),
    shareType: lit(['unconditional', 'conditional', 'none'] as const),
    shareCondition: Text(1000),
    shareBasis: Text(1000),
    shareMethods: Type.Array(lit(['api', 'table', 'file'] as const), { uniqueItems: true, maxItems: 3 }),
    openType: lit(['unconditional', 'conditional', 'none'] as const),
    openCondition: Text(1000),
    updateCycle: lit(['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular'] as const),
    classification: lit(['public', 'internal', 'secret'] as const),
    relatedCodes: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const ResourceReply = Type.Object({
  id: Type.String(),
  code: Type.String(),
  ...ResourceBody.properties,
  providerOrgId: Type.String(),
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  status: lit(['draft', 'reviewing', 'published', 'returned'] as const),
  revision: Type.Integer(),
  publishedOn: Type.Union([Type.String(), Type.Null()]),
  instanceId: Type.Union([Type.String(), Type.Null()]),
  isPublished: Type.Boolean(),
  editable: Type.Boolean(),
  updatedAt: Type.String(),
});

export const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 60 })),
    kind: Type.Optional(lit(['base', 'theme', 'department'] as const)),
    providerOrgId: Type.Optional(Type.String({ format: 'uuid' })),
    shareType: Type.Optional(lit(['unconditional', 'conditional', 'none'] as const)),
    openType: Type.Optional(lit(['unconditional', 'conditional', 'none'] as const)),
    mine: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
