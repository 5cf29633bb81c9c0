import { Type, type Static } from '@sinclair/typebox';
import { GuideSchema } from './guide';
import { HandlingKindSchema, ItemTypeSchema, LevelSchema, Nullable, TierSchema } from './elements';
import { itemFields } from './input';

const Status = Type.Unsafe<'draft' | 'published' | 'withdrawn'>({ type: 'string', enum: ['draft', 'published', 'withdrawn'] });

const summary = {
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  type: ItemTypeSchema,
  tier: TierSchema,
  handlingKind: Nullable(HandlingKindSchema),
  parentId: Nullable(Type.String()),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  level: LevelSchema,
  status: Status,
  version: Type.Integer({ description: '已发布的版本号；0 为从未发布' }),
  revision: Type.Integer(),
  dirty: Type.Boolean({ description: '有尚未发布的修改' }),
  publishedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
};

export const ManageItemSchema = Type.Object(summary);
export type ManageItem = Static<typeof ManageItemSchema>;

export const ManageQuerySchema = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 60 })), status: Type.Optional(Status) },
  { additionalProperties: false },
);

/** The working copy: every editable element, plus where it stands. */
export const DraftSchema = Type.Object({ ...itemFields, ...summary, parent: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })) });
export type Draft = Static<typeof DraftSchema>;

export const PublishBodySchema = Type.Object({ note: Type.String({ minLength: 2, maxLength: 500, description: '本次发布说明（修改了什么）' }) }, { additionalProperties: false });
export const WithdrawBodySchema = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });

export const VersionSchema = Type.Object({ version: Type.Integer(), note: Type.String(), publishedAt: Type.String(), publishedBy: Type.String() });
export type VersionInfo = Static<typeof VersionSchema>;
export const VersionDetailSchema = Type.Composite([VersionSchema, Type.Object({ guide: GuideSchema })]);

export const ScopeReplySchema = Type.Object({
  departments: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  canPublish: Type.Array(Type.String({ description: '可发布事项的部门 id' })),
});
