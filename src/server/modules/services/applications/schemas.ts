import { Type } from '@sinclair/typebox';
import { ItemCode, Nullable } from '../schemas/elements';
import { AnswersSchema, FormFieldsSchema } from './form';

const Label = Type.Object({ zh: Type.String(), en: Type.String() });
const Uuid = Type.String({ format: 'uuid' });
const Status = Type.Union(['draft', 'submitted', 'correcting', 'reviewing', 'approved', 'denied', 'not_accepted', 'delivered'].map((s) => Type.Literal(s)));

export const MaterialFilesSchema = Type.Array(
  Type.Object({ seq: Type.Integer({ minimum: 1, maximum: 50, description: '材料序号（办事指南中的第几项）' }), fileId: Uuid }, { additionalProperties: false }),
  { maxItems: 100 },
);

export const DraftBody = Type.Object(
  { answers: Type.Optional(AnswersSchema), phone: Type.Optional(Type.String({ maxLength: 20 })), materials: Type.Optional(MaterialFilesSchema) },
  { additionalProperties: false },
);
export const NewDraftBody = Type.Composite([Type.Object({ itemCode: ItemCode }), DraftBody], { additionalProperties: false });

export const CounterBody = Type.Object(
  {
    itemCode: ItemCode,
    applicant: Type.Object(
      {
        kind: Type.Union([Type.Literal('person'), Type.Literal('legal')]),
        name: Type.String({ minLength: 1, maxLength: 100 }),
        id: Type.String({ minLength: 15, maxLength: 18, description: '居民身份证号码或统一社会信用代码' }),
        phone: Type.Optional(Type.String({ maxLength: 20 })),
      },
      { additionalProperties: false },
    ),
    answers: Type.Optional(AnswersSchema),
    materials: Type.Optional(MaterialFilesSchema),
  },
  { additionalProperties: false },
);

export const ResubmitBody = Type.Object({ materials: MaterialFilesSchema, answers: Type.Optional(AnswersSchema) }, { additionalProperties: false });

export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100, description: '重试同一请求时使用同一值：只产生一份申请' })) });

const Current = Nullable(Type.Object({ state: Type.String(), label: Label, running: Type.Boolean(), paused: Type.Boolean(), stepId: Nullable(Type.String()), dueAt: Nullable(Type.String()) }));
const Timeline = Type.Array(Type.Object({ action: Type.String(), label: Label, state: Label, at: Type.String(), comment: Nullable(Type.String()) }));

export const DetailSchema = Type.Object({
  id: Type.String(),
  businessNo: Nullable(Type.String()),
  status: Status,
  channel: Type.String(),
  item: Type.Object({ code: Type.String(), name: Type.String(), version: Type.Integer(), instant: Type.Boolean(), promisedDays: Type.Integer(), statutoryDays: Nullable(Type.Integer()) }),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  applicant: Type.Object({ kind: Type.String(), name: Type.String(), id: Type.String(), phone: Nullable(Type.String()) }),
  formFields: FormFieldsSchema,
  answers: AnswersSchema,
  materials: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      name: Type.String(),
      required: Type.Boolean(),
      certName: Nullable(Type.String()),
      coverage: Type.String({ description: 'uploaded | certificate | shared | form | missing | optional' }),
      files: Type.Array(Type.Object({ fileId: Type.String(), name: Type.String(), mediaType: Type.String(), round: Type.Integer() })),
    }),
  ),
  corrections: Nullable(Type.Array(Type.Object({ material: Nullable(Type.Integer()), note: Type.String() }))),
  acceptedAt: Nullable(Type.String()),
  deemedAccepted: Type.Boolean(),
  decidedAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  rights: Nullable(Type.String()),
  certificate: Nullable(Type.Object({ id: Type.String(), number: Type.String() })),
  extended: Type.Boolean(),
  submittedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  instanceId: Nullable(Type.String()),
  current: Current,
  timeline: Timeline,
});

export const SummarySchema = Type.Object({
  id: Type.String(),
  businessNo: Nullable(Type.String()),
  itemCode: Type.String(),
  itemName: Type.String(),
  status: Status,
  channel: Type.String(),
  applicantName: Type.String(),
  submittedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});

export const ProgressQuery = Type.Object(
  { businessNo: Type.String({ pattern: '^[Ss][Pp][0-9]{13}$', description: '受理编号，如 SP2026112600012' }), idOrPhone: Type.String({ minLength: 11, maxLength: 20, description: '申请人证件号码（或统一社会信用代码）或手机号码' }) },
  { additionalProperties: false },
);

export const ProgressSchema = Type.Object({
  businessNo: Type.String(),
  itemName: Type.String(),
  applicantName: Type.String(),
  applicantId: Type.String(),
  status: Status,
  department: Type.String(),
  current: Current,
  timeline: Timeline,
});

export const FormBody = Type.Object(
  {
    revision: Type.Integer({ minimum: 1 }),
    fields: FormFieldsSchema,
    resultCert: Nullable(Type.Object({ typeCode: Type.String({ pattern: '^[0-9A-Z]{18}[0-9]{3}$' }), validYears: Nullable(Type.Integer({ minimum: 1, maximum: 50 })) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
