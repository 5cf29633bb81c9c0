import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Label = Type.Object({ zh: Type.String(), en: Type.String() });

const letterFields = {
  kind: Type.String({ pattern: '^[a-z_]{2,20}$', description: '诉求类型：mayor 区长信箱, department 部门信箱, consultation 咨询, complaint 投诉, suggestion 建议' }),
  title: Type.String({ minLength: 1, maxLength: 60 }),
  content: Type.String({ minLength: 1, maxLength: 4000 }),
  publicWish: Type.Boolean({ description: '公开意愿：同意在答复后公开（姓名脱敏，不含电话）' }),
  department: Type.Optional(Type.String({ format: 'uuid', description: '部门信箱：收信部门' })),
  phone: Type.Optional(Type.String({ maxLength: 20, description: '手机号码（答复用）' })),
};

/** A signed-in citizen or enterprise writes (the name is the account's). */
export const LetterBody = Type.Object({ ...letterFields, attachments: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9 })) }, { additionalProperties: false });
/** An anonymous writer: a phone number is required for the reply; no attachments (uploads need an account). */
export const AnonymousBody = Type.Object({ ...letterFields, name: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });
/** 登记来电: the operator enters a caller's request. */
export const HotlineBody = Type.Object({ ...letterFields, name: Type.String({ minLength: 1, maxLength: 40 }), phone: Type.String({ minLength: 1, maxLength: 20 }) }, { additionalProperties: false });

export const Written = Type.Object({ id: Type.String(), ticketNo: Type.String(), instanceId: Type.String(), limitDays: Type.Integer() });

export const KindReply = Type.Object({ code: Type.String(), name: Label, limitDays: Type.Integer(), active: Type.Boolean() });
export const KindPatch = Type.Object({ limitDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 });

export const ListItem = Type.Object({
  id: Type.String(),
  ticketNo: Type.String(),
  kind: Type.String(),
  kindName: Label,
  channel: Type.String(),
  title: Type.String(),
  status: Type.String(),
  department: Nullable(Type.String()),
  writtenAt: Type.String(),
  closedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  redoCount: Type.Integer(),
  instanceId: Type.String(),
  publicWish: Type.Boolean(),
  publication: Nullable(Type.String()),
});

export const MyItem = Type.Intersect([ListItem, Type.Object({ reply: Nullable(Type.String()), repliedAt: Nullable(Type.String()) })]);

export const PublicItem = Type.Object({
  ticketNo: Type.String(),
  kind: Type.String(),
  kindName: Label,
  title: Type.String(),
  content: Type.String(),
  writer: Type.String(),
  writtenOn: Type.String(),
  reply: Type.String(),
  repliedBy: Nullable(Type.String()),
  repliedOn: Nullable(Type.String()),
});

export const LookupReply = Type.Object({
  ticketNo: Type.String(),
  title: Type.String(),
  status: Type.String(),
  kindName: Label,
  reply: Nullable(Type.String()),
  repliedAt: Nullable(Type.String()),
  writtenAt: Type.String(),
  closedAt: Nullable(Type.String()),
});

export const DetailReply = Type.Object({
  id: Type.String(),
  ticketNo: Type.String(),
  kind: Type.String(),
  kindName: Label,
  channel: Type.String(),
  title: Type.String(),
  content: Type.String(),
  addressedTo: Nullable(Type.String()),
  addressedOrgId: Nullable(Type.String()),
  writerName: Nullable(Type.String()),
  writerPhone: Nullable(Type.String()),
  anonymous: Type.Boolean(),
  publicWish: Type.Boolean(),
  publication: Nullable(Type.String()),
  limitDays: Type.Integer(),
  status: Type.String(),
  department: Nullable(Type.String()),
  departmentOrgId: Nullable(Type.String()),
  reply: Nullable(Type.String()),
  repliedAt: Nullable(Type.String()),
  satisfaction: Nullable(Type.String()),
  redoCount: Type.Integer(),
  returnCount: Type.Integer(),
  instanceId: Type.String(),
  writtenAt: Type.String(),
  closedAt: Nullable(Type.String()),
  dueAt: Nullable(Type.String()),
  files: Type.Array(Type.Object({ fileId: Type.String(), phase: Type.String(), name: Type.String(), size: Type.Integer(), mediaType: Type.String() })),
  chases: Type.Array(Type.Object({ at: Type.String(), by: Type.String(), comment: Type.String(), state: Type.String(), notified: Type.Integer() })),
});
