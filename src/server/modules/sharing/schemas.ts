import { Type } from '@sinclair/typebox';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f<>]*$' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Ref = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
const Named = Type.Object({ id: Type.String(), name: Type.String() });
const ItemName = Type.String({ minLength: 1, maxLength: 60 });

export const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const SystemBody = Type.Object({ name: Text(100, 2), orgId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false });
export const SystemReply = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  name: Type.String(),
  status: lit(['active', 'disabled'] as const),
  createdAt: Type.String(),
  keys: Type.Array(Type.Object({ id: Type.String(), prefix: Type.String(), createdAt: Type.String(), revokedAt: Type.Union([Type.String(), Type.Null()]) })),
});
export const KeyReply = Type.Object({ id: Type.String(), prefix: Type.String(), secret: Type.String({ description: '只显示一次 / shown once' }) });

export const ShareableReply = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  providerOrgId: Type.String(),
  providerName: Type.String(),
  shareType: lit(['unconditional', 'conditional'] as const),
  shareCondition: Type.String(),
  shareBasis: Type.String(),
  shareMethods: Type.Array(Type.String()),
  classification: Type.String(),
  items: Type.Array(Type.Object({ name: Type.String(), type: Type.String() })),
  source: Type.Union([lit(['registry', 'table'] as const), Type.Null()]),
  keyItem: Type.Union([Type.String(), Type.Null()]),
});
export const RowsBody = Type.Object(
  { rows: Type.Array(Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean(), Type.Null()])), { maxItems: 5000 }) },
  { additionalProperties: false },
);

export const RequestBody = Type.Object(
  {
    resourceId: Type.String({ minLength: 1, maxLength: 80, description: '资源 id 或资源代码' }),
    systemId: Type.String({ format: 'uuid' }),
    purpose: Text(1000, 5),
    fields: Type.Array(ItemName, { minItems: 1, maxItems: 300 }),
    periodFrom: Day,
    periodTo: Day,
    legalBasis: Text(500, 2),
  },
  { additionalProperties: false },
);
export const RequestReply = Type.Object({
  id: Type.String(),
  number: Type.String(),
  resource: Ref,
  providerOrgId: Type.String(),
  providerName: Type.String(),
  consumerOrgId: Type.String(),
  consumerName: Type.String(),
  system: Named,
  purpose: Type.String(),
  fields: Type.Array(Type.String()),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  legalBasis: Type.String(),
  status: lit(['compliance', 'provider', 'granted', 'refused', 'withdrawn'] as const),
  refusedBy: Type.Union([lit(['authority', 'provider'] as const), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  instanceId: Type.Union([Type.String(), Type.Null()]),
  grantId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
});
export const RoleQuery = Type.Object({ role: Type.Optional(lit(['consumer', 'provider', 'authority'] as const)) }, { additionalProperties: false });
export const ComplianceBody = Type.Object({ decision: lit(['pass', 'refuse'] as const), comment: Type.Optional(Text(2000)) }, { additionalProperties: false });
export const DecisionBody = Type.Object(
  { decision: lit(['grant', 'refuse'] as const), comment: Type.Optional(Text(2000)), fields: Type.Optional(Type.Array(ItemName, { maxItems: 300 })) },
  { additionalProperties: false },
);

export const GrantReply = Type.Object({
  id: Type.String(),
  resource: Ref,
  providerOrgId: Type.String(),
  providerName: Type.String(),
  consumerOrgId: Type.String(),
  consumerName: Type.String(),
  system: Named,
  fields: Type.Array(Type.String()),
  validFrom: Type.String(),
  validUntil: Type.String(),
  status: lit(['active', 'pending', 'expired', 'revoked'] as const),
  requestId: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  revokedReason: Type.Union([Type.String(), Type.Null()]),
});
export const GrantRoleQuery = Type.Object({ role: Type.Optional(lit(['consumer', 'provider'] as const)) }, { additionalProperties: false });
export const RevokeBody = Type.Object({ reason: Text(500, 2) }, { additionalProperties: false });

export const ExchangeReply = Type.Object({
  id: Type.String(),
  at: Type.String(),
  system: Named,
  consumerOrgId: Type.String(),
  consumerName: Type.String(),
  resource: Ref,
  providerOrgId: Type.String(),
  providerName: Type.String(),
  grantId: Type.Union([Type.String(), Type.Null()]),
  queryItems: Type.Array(Type.String()),
  fields: Type.Array(Type.String()),
  rows: Type.Integer(),
  digest: Type.String(),
  batchId: Type.String(),
});
export const ExchangeQuery = Type.Object(
  {
    role: lit(['provider', 'consumer'] as const),
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
    systemId: Type.Optional(Type.String({ format: 'uuid' })),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export const ProofReply = Type.Object({
  exchange: ExchangeReply,
  leaf: Type.String(),
  leafValid: Type.Boolean(),
  position: Type.Integer(),
  batch: Type.Object({ id: Type.String(), size: Type.Integer(), signedAt: Type.String(), root: Type.String(), signature: Type.String(), publicKey: Type.String() }),
  path: Type.Array(Type.String()),
  pathValid: Type.Boolean(),
  signatureValid: Type.Boolean(),
});
