import { Type } from '@sinclair/typebox';

export const problem = { $ref: 'Problem#' } as const;
export const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;

export const RegisterParam = Type.Union([Type.Literal('persons'), Type.Literal('legal-persons'), Type.Literal('places')]);
export const RegisterParams = Type.Object({ register: RegisterParam }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const RecordParams = Type.Object({ register: RegisterParam, id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

const Value = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Null()]);
export const FieldMap = Type.Record(Type.String({ pattern: '^[a-zA-Z]{1,30}$' }), Value);

export const RecordView = Type.Object({
  id: Type.String(),
  register: RegisterParam,
  version: Type.Integer(),
  updatedAt: Type.String(),
  fields: Type.Record(Type.String(), Value, { description: '仅含授权字段；个人信息默认脱敏 / granted fields only; personal ones masked unless revealed' }),
  masked: Type.Array(Type.String()),
});

export const SearchQuery = Type.Object(
  {
    idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    creditCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    address: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const SearchReply = Type.Object({ items: Type.Array(RecordView), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const CreateBody = Type.Object({ fields: FieldMap }, { additionalProperties: false });
export const UpdateBody = Type.Object(
  { fields: FieldMap, reason: Type.String({ minLength: 2, maxLength: 200, description: '变更原因 / why' }), version: Type.Optional(Type.Integer({ minimum: 1, description: '乐观锁：读取时的版本 / the version read' })) },
  { additionalProperties: false },
);
export const RevealBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200, description: '查看事由（留痕）/ why the clear values are needed (audited)' }) }, { additionalProperties: false });

export const HistoryReply = Type.Object({
  items: Type.Array(
    Type.Object({
      version: Type.Integer(),
      at: Type.String(),
      actorName: Type.Union([Type.String(), Type.Null()]),
      sourceOrg: Type.String(),
      kind: Type.String(),
      reason: Type.Union([Type.String(), Type.Null()]),
      changes: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

const Label = Type.Object({ zh: Type.String(), en: Type.String() });
export const RegistersReply = Type.Object({
  items: Type.Array(
    Type.Object({
      key: RegisterParam,
      zh: Type.String(),
      en: Type.String(),
      owner: Type.String(),
      fields: Type.Array(Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String(), personal: Type.Boolean(), derived: Type.Boolean() })),
    }),
  ),
  statuses: Type.Record(Type.String(), Type.Record(Type.String(), Label)),
});

export const ObjectionBody = Type.Object(
  {
    field: Type.String({ pattern: '^[a-zA-Z]{1,30}$' }),
    proposedValue: Type.String({ minLength: 1, maxLength: 200 }),
    reason: Type.String({ minLength: 2, maxLength: 500 }),
    evidence: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9 })),
  },
  { additionalProperties: false },
);
export const ObjectionStarted = Type.Object({ id: Type.String(), objectionNo: Type.String(), instanceId: Type.String() });
export const ObjectionReply = Type.Object({
  id: Type.String(),
  objectionNo: Type.String(),
  register: RegisterParam,
  recordId: Type.String(),
  field: Type.String(),
  fieldLabel: Label,
  proposedValue: Type.String(),
  reason: Type.String(),
  evidence: Type.Array(Type.String()),
  status: Type.String(),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  appliedVersion: Type.Union([Type.Integer(), Type.Null()]),
  instanceId: Type.String(),
  raisedAt: Type.String(),
});

export const GrantsReply = Type.Object({ items: Type.Array(Type.Object({ register: Type.String(), field: Type.String(), role: Type.String() })) });
export const GrantBody = Type.Object(
  { register: RegisterParam, field: Type.String({ pattern: '^[a-zA-Z]{1,30}$' }), roles: Type.Array(Type.String({ pattern: '^[a-z_]{2,40}$' }), { maxItems: 50 }) },
  { additionalProperties: false },
);
export const GrantReply = Type.Object({ register: Type.String(), field: Type.String(), roles: Type.Array(Type.String()) });

export const ImportQuery = Type.Object({ mode: Type.Optional(Type.Union([Type.Literal('all-or-nothing'), Type.Literal('valid-only')])) }, { additionalProperties: false });
export const ImportReply = Type.Object({
  importId: Type.String(),
  register: Type.String(),
  mode: Type.String(),
  committed: Type.Boolean(),
  rows: Type.Integer(),
  imported: Type.Integer(),
  rejectedCount: Type.Integer(),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), field: Type.Union([Type.String(), Type.Null()]), code: Type.String(), zh: Type.String(), en: Type.String() })),
});
