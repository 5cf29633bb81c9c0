import { Type, type Static } from '@sinclair/typebox';
import { HandlingKindSchema, ItemCode, ItemTypeSchema, LevelSchema, MaterialSchema, Nullable, Phone, ResponsibilitySchema, StepSchema, TargetUserSchema } from './elements';

const text = (max: number, description?: string) => Type.String({ minLength: 2, maxLength: max, ...(description ? { description } : {}) });
const Tag = Type.String({ minLength: 1, maxLength: 40 });

/** Every element an administrator edits; a save sends them all (the form holds the whole item). */
export const itemFields = {
  name: text(100, '事项名称'),
  competentOrgId: Type.String({ format: 'uuid', description: '主管部门（部门机构 id）' }),
  implementingOrgId: Nullable(Type.String({ format: 'uuid', description: '实施主体机构 id；null 为本层级各单位（各镇街、各村社区）' })),
  implementer: text(100, '实施主体（显示名称）'),
  level: LevelSchema,
  legalBasis: text(4000, '设定和实施依据'),
  targetUsers: Type.Array(TargetUserSchema, { minItems: 1, maxItems: 2, uniqueItems: true }),
  conditions: text(4000, '受理条件'),
  resultName: Type.String({ maxLength: 100, description: '办理结果名称' }),
  steps: Type.Array(StepSchema, { maxItems: 20 }),
  statutoryDays: Nullable(Type.Integer({ minimum: 1, maximum: 365, description: '法定办结时限（工作日）' })),
  promisedDays: Type.Integer({ minimum: 0, maximum: 365, description: '承诺办结时限（工作日）；即办件为 0' }),
  instant: Type.Boolean({ description: '即办件' }),
  feeFen: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: '收费金额（分）；0 为不收费' }),
  feeBasis: Type.String({ maxLength: 500 }),
  place: text(300, '办理地点'),
  hours: text(200, '办理时间'),
  enquiryPhone: Phone,
  complaintPhone: Phone,
  visits: Type.Integer({ minimum: 0, maximum: 1, description: '到现场次数' }),
  onlineDepth: Type.Integer({ minimum: 1, maximum: 4, description: '网办深度：4 为全程网办' }),
  online: Type.Boolean({ description: '本平台可在线申报' }),
  lifeEvents: Type.Array(Tag, { maxItems: 10, uniqueItems: true }),
  topics: Type.Array(Tag, { maxItems: 10, uniqueItems: true }),
  keywords: Type.Array(Tag, { maxItems: 30, uniqueItems: true }),
  materials: Type.Array(MaterialSchema, { maxItems: 50 }),
  responsibility: Nullable(ResponsibilitySchema),
};

export const ItemFieldsSchema = Type.Object(itemFields, { additionalProperties: false });
export type ItemFields = Static<typeof ItemFieldsSchema>;

export const CreateBodySchema = Type.Object(
  {
    ...itemFields,
    type: ItemTypeSchema,
    parentId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '上级事项：子项的主项，办理项的主项或子项' }))),
    handlingKind: Type.Optional(Nullable(HandlingKindSchema)),
    code: Type.Optional(ItemCode),
  },
  { additionalProperties: false },
);
export type CreateBody = Static<typeof CreateBodySchema>;

export const UpdateBodySchema = Type.Object(
  { ...itemFields, revision: Type.Integer({ minimum: 1, description: '所编辑的修订号；他人已保存时返回 409' }) },
  { additionalProperties: false },
);
export type UpdateBody = Static<typeof UpdateBodySchema>;
