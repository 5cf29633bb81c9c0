import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Label = Type.Object({ zh: Type.String(), en: Type.String() });
const Category = Type.Object({ code: Type.String(), name: Label });
const Code = Type.String({ pattern: '^[a-z_]{2,30}$' });

export const ArticleBody = Type.Object(
  {
    category: Code,
    title: Type.String({ minLength: 1, maxLength: 120 }),
    docNo: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()], { description: '文号' })),
    body: Type.String({ minLength: 1, maxLength: 100_000 }),
    attachments: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const PublicArticle = Type.Object({ id: Type.String(), category: Category, title: Type.String(), docNo: Nullable(Type.String()), org: Type.String(), publishedAt: Type.String(), summary: Type.String() });

export const ArticleDetail = Type.Object({
  id: Type.String(),
  category: Category,
  title: Type.String(),
  docNo: Nullable(Type.String()),
  body: Type.String(),
  org: Type.String(),
  orgId: Type.String(),
  status: Type.String(),
  publishedAt: Nullable(Type.String()),
  withdrawnAt: Nullable(Type.String()),
  withdrawReason: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
  instanceId: Nullable(Type.String()),
  createdBy: Type.String(),
  updatedAt: Type.String(),
  files: Type.Array(Type.Object({ fileId: Type.String(), name: Type.String(), size: Type.Integer(), mediaType: Type.String() })),
});

export const WorkArticle = Type.Object({ id: Type.String(), org: Type.String(), category: Category, title: Type.String(), status: Type.String(), updatedAt: Type.String(), publishedAt: Nullable(Type.String()), instanceId: Nullable(Type.String()) });

export const RequestBody = Type.Object(
  {
    org: Type.String({ format: 'uuid', description: '受理机关' }),
    description: Type.String({ minLength: 1, maxLength: 2000, description: '所需政府信息的名称、文号或内容描述' }),
    purpose: Type.String({ minLength: 1, maxLength: 500, description: '用途' }),
    delivery: Type.Union([Type.Literal('online'), Type.Literal('email'), Type.Literal('post'), Type.Literal('pickup')], { description: '获取方式：在线、电子邮件、邮寄、自行领取' }),
    contact: Type.Optional(Type.String({ maxLength: 200, description: '邮箱或邮寄地址（电子邮件、邮寄时必填）' })),
  },
  { additionalProperties: false },
);

export const RequestItem = Type.Object({
  id: Type.String(),
  requestNo: Type.String(),
  org: Type.String(),
  applicant: Type.String(),
  description: Type.String(),
  status: Type.String(),
  answerType: Nullable(Type.String()),
  answerName: Type.Union([Label, Type.Null()]),
  submittedAt: Type.String(),
  answeredAt: Nullable(Type.String()),
  instanceId: Type.String(),
});

export const RequestDetail = Type.Intersect([
  RequestItem,
  Type.Object({
    applicantKind: Type.String(),
    contact: Nullable(Type.String()),
    purpose: Type.String(),
    delivery: Type.String(),
    answer: Nullable(Type.String()),
    legalBasis: Nullable(Type.String()),
    dueAt: Nullable(Type.String()),
    files: Type.Array(Type.Object({ fileId: Type.String(), name: Type.String(), size: Type.Integer() })),
  }),
]);
