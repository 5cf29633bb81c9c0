import { Type, type Static } from '@sinclair/typebox';

const Level = Type.Integer({ minimum: 1, maximum: 5 });

export const RatingBody = Type.Object(
  {
    applicationId: Type.String({ format: 'uuid' }),
    overall: Level,
    efficiency: Level,
    guidance: Level,
    convenience: Level,
    usability: Level,
    comment: Type.String({ maxLength: 500, default: '' }),
    anonymous: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

const Given = Type.Object({
  id: Type.String(),
  overall: Type.Integer(),
  efficiency: Type.Integer(),
  guidance: Type.Integer(),
  convenience: Type.Integer(),
  usability: Type.Integer(),
  comment: Type.String(),
  anonymous: Type.Boolean(),
  bad: Type.Boolean(),
  rectificationState: Type.Union([Type.String(), Type.Null()]),
  ratedAt: Type.String(),
});

export const MyRating = Type.Object({
  applicationId: Type.String(),
  applicationNo: Type.String(),
  itemCode: Type.String(),
  itemName: Type.String(),
  status: Type.String(),
  concludedAt: Type.String(),
  rating: Type.Union([Given, Type.Null()]),
});

export const Summary = Type.Object({
  key: Type.String(),
  name: Type.String(),
  total: Type.Integer(),
  levels: Type.Array(Type.Integer(), { minItems: 5, maxItems: 5 }),
  bad: Type.Integer(),
  satisfaction: Type.Union([Type.Number(), Type.Null()]),
  averages: Type.Object({ overall: Type.Number(), efficiency: Type.Number(), guidance: Type.Number(), convenience: Type.Number(), usability: Type.Number() }),
});

export const StaffRating = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  applicationNo: Type.String(),
  itemCode: Type.String(),
  itemName: Type.String(),
  departmentOrgId: Type.String(),
  rater: Type.Union([Type.String(), Type.Null()]),
  anonymous: Type.Boolean(),
  overall: Type.Integer(),
  efficiency: Type.Integer(),
  guidance: Type.Integer(),
  convenience: Type.Integer(),
  usability: Type.Integer(),
  comment: Type.String(),
  bad: Type.Boolean(),
  excluded: Type.Boolean(),
  rectificationInstanceId: Type.Union([Type.String(), Type.Null()]),
  rectificationState: Type.Union([Type.String(), Type.Null()]),
  ratedAt: Type.String(),
  visits: Type.Array(Type.Object({ method: Type.String(), result: Type.String(), note: Type.String(), visitedAt: Type.String() })),
});

export const Settings = Type.Object({ rectifyDays: Type.Integer({ minimum: 1, maximum: 30 }) }, { additionalProperties: false });
