import { Type, type Static } from '@sinclair/typebox';
import { HandlingKindSchema, ItemTypeSchema, LevelSchema, Nullable, ResponsibilitySchema, TargetUserSchema, TierSchema } from './elements';

const filters = {
  department: Type.Optional(Type.String({ format: 'uuid', description: '主管部门 id' })),
  level: Type.Optional(LevelSchema),
  type: Type.Optional(ItemTypeSchema),
  lifeEvent: Type.Optional(Type.String({ maxLength: 40, description: '一件事代码，如 open-restaurant' })),
  topic: Type.Optional(Type.String({ maxLength: 40, description: '主题代码，如 market-access' })),
  target: Type.Optional(TargetUserSchema),
  online: Type.Optional(Type.Boolean({ description: 'true：只看可在线办理的事项' })),
};

export const FacetQuerySchema = Type.Object({ q: Type.Optional(Type.String({ maxLength: 60, description: '关键词，中文可输入词的一部分（如“施工”）' })), ...filters }, { additionalProperties: false });
export type FacetQuery = Static<typeof FacetQuerySchema>;

export const SearchQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 60, description: '关键词，中文可输入词的一部分（如“施工”）' })),
    ...filters,
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuerySchema>;

/** One result: what a list shows (the guide has the rest; life events and topics are in the facets). */
export const SearchHitSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  type: ItemTypeSchema,
  tier: TierSchema,
  handlingKind: Nullable(HandlingKindSchema),
  parentName: Nullable(Type.String()),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  level: LevelSchema,
  statutoryDays: Nullable(Type.Integer()),
  promisedDays: Type.Integer(),
  instant: Type.Boolean(),
  visits: Type.Integer(),
  onlineDepth: Type.Integer(),
  online: Type.Boolean(),
  score: Type.Integer({ description: '排序分：名称完全相同 > 名称开头 > 名称包含 > 同义词/关键词/一件事 > 条件、依据等' }),
  matched: Nullable(Type.String({ description: '命中的字段：code、name、keywords、tags、other、fuzzy' })),
});
export type SearchHit = Static<typeof SearchHitSchema>;

export const SearchReplySchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(SearchHitSchema) });

const Count = (extra: Record<string, ReturnType<typeof Type.String>>) => Type.Array(Type.Object({ ...extra, count: Type.Integer() }));
const Labelled = { code: Type.String(), zh: Type.String(), en: Type.String() };

/** Counts for the portal's filters: each dimension counted under the query and the other filters. */
export const FacetsReplySchema = Type.Object({
  total: Type.Integer(),
  departments: Count({ id: Type.String(), name: Type.String() }),
  levels: Count({ code: Type.String() }),
  types: Count({ code: Type.String() }),
  lifeEvents: Count(Labelled),
  topics: Count(Labelled),
});
export type FacetsReply = Static<typeof FacetsReplySchema>;

const PowerRow = Type.Object({ code: Type.String(), name: Type.String(), tier: TierSchema, legalBasis: Type.String(), implementer: Type.String(), level: LevelSchema, version: Type.Integer() });
export const PowerListSchema = Type.Object({
  departments: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), types: Type.Array(Type.Object({ type: ItemTypeSchema, items: Type.Array(PowerRow) })) })),
  total: Type.Integer(),
});
export type PowerList = Static<typeof PowerListSchema>;

const DutyRow = Type.Object({ code: Type.String(), name: Type.String(), type: ItemTypeSchema, responsibility: ResponsibilitySchema });
export const ResponsibilityListSchema = Type.Object({
  departments: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), items: Type.Array(DutyRow) })),
  total: Type.Integer(),
});
export type ResponsibilityList = Static<typeof ResponsibilityListSchema>;
