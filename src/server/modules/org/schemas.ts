import { Type, type Static } from '@sinclair/typebox';
import { orgKinds } from '../../../shared/org';

export const OrgKindSchema = Type.Union(orgKinds.map((k) => Type.Literal(k)));

export const OrgSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  kind: OrgKindSchema,
  parentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  depth: Type.Integer({ description: '0 for the district root' }),
  sortOrder: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Org = Static<typeof OrgSchema>;

export const OrgListSchema = Type.Object({ items: Type.Array(OrgSchema) });

/** Names are shown everywhere: no control characters and no angle brackets. */
const OrgName = Type.String({ minLength: 1, maxLength: 60, pattern: '^[^\\u0000-\\u001f\\u007f<>]*\\S[^\\u0000-\\u001f\\u007f<>]*$' });
const OrgCode = Type.String({ pattern: '^[0-9A-Z]{6,18}$', description: 'division code (区划代码) or department code' });

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const CreateOrgBody = Type.Object(
  {
    parentId: Type.String({ format: 'uuid' }),
    code: OrgCode,
    name: OrgName,
    kind: OrgKindSchema,
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type CreateOrgInput = Static<typeof CreateOrgBody>;

export const UpdateOrgBody = Type.Object(
  {
    name: Type.Optional(OrgName),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrgInput = Static<typeof UpdateOrgBody>;

export const MoveOrgBody = Type.Object({ parentId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
