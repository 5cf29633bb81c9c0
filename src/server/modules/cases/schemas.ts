import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Limit = Type.Union([
  Type.Object({ workingDays: Type.Integer({ minimum: 1, maximum: 90 }) }, { additionalProperties: false }),
  Type.Object({ workingHours: Type.Number({ minimum: 0.5, maximum: 400 }) }, { additionalProperties: false }),
]);

export const ReportBody = Type.Object(
  {
    classCode: Type.String({ pattern: '^[CE][0-9]{4}$', description: '类别代码，如 E0102 暴露垃圾' }),
    description: Type.String({ minLength: 2, maxLength: 2000 }),
    // Yongchuan lies near 105.93°E 29.35°N; the range check here is China's, the district's is the grid's
    lng: Type.Number({ minimum: 73, maximum: 136 }),
    lat: Type.Number({ minimum: 3, maximum: 54 }),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    urgent: Type.Optional(Type.Boolean()),
    photos: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9 })),
    source: Type.Optional(Type.Union([Type.Literal('hotline'), Type.Literal('leader')], { description: '受理员代录：12345 热线或领导交办' })),
  },
  { additionalProperties: false },
);

const Limits = Type.Object(
  {
    accept: Type.Optional(Limit),
    verify: Type.Optional(Limit),
    file: Type.Optional(Limit),
    dispatch: Type.Optional(Limit),
    handle: Type.Object({ normal: Limit, urgent: Limit }),
    check: Type.Optional(Limit),
  },
  { additionalProperties: false },
);

export const ClassPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 40 })),
    filingCondition: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })),
    closureCondition: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })),
    department: Type.Optional(Type.Union([Type.String({ minLength: 2, maxLength: 60 }), Type.Null()], { description: '责任单位名称；null 为属地' })),
    limits: Type.Optional(Limits),
    public: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
    keywords: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ClassReply = Type.Object({
  code: Type.String(),
  kind: Type.Union([Type.Literal('component'), Type.Literal('event')]),
  majorCode: Type.String(),
  majorName: Type.String(),
  name: Type.String(),
  filingCondition: Type.String(),
  closureCondition: Type.String(),
  department: Nullable(Type.String()),
  public: Type.Boolean(),
  limits: Limits,
});

export const ListItem = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  classCode: Type.String(),
  className: Type.String(),
  source: Type.String(),
  urgent: Type.Boolean(),
  status: Type.String(),
  address: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  unitGridCode: Nullable(Type.String()),
  streetCode: Nullable(Type.String()),
  reportedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  reworkCount: Type.Integer(),
  hung: Type.Boolean(),
  instanceId: Type.String(),
});

export const DetailReply = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  class: Type.Object({ code: Type.String(), name: Type.String(), majorName: Type.String(), kind: Type.String(), filingCondition: Type.String(), closureCondition: Type.String() }),
  source: Type.String(),
  urgent: Type.Boolean(),
  status: Type.String(),
  description: Type.String(),
  address: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  unitGridCode: Nullable(Type.String()),
  communityCode: Nullable(Type.String()),
  streetCode: Nullable(Type.String()),
  departmentOrgId: Nullable(Type.String()),
  suggestedDepartmentId: Nullable(Type.String()),
  reworkCount: Type.Integer(),
  hung: Type.Boolean(),
  duplicateOf: Nullable(Type.String()),
  instanceId: Type.String(),
  reportedAt: Type.String(),
  filedAt: Nullable(Type.String()),
  dispatchedAt: Nullable(Type.String()),
  handledAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  rating: Type.Union([Type.Integer(), Type.Null()]),
  photos: Type.Array(Type.Object({ fileId: Type.String(), phase: Type.String() })),
});
