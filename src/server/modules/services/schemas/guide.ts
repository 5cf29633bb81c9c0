import { Type, type Static } from '@sinclair/typebox';
import { FormFieldsSchema } from '../applications/form';
import { HandlingKindSchema, ItemTypeSchema, LevelSchema, MaterialSchema, Nullable, ResponsibilitySchema, StepSchema, TargetUserSchema, TierSchema } from './elements';

const OrgRef = Type.Object({ id: Type.String(), name: Type.String() });

/**
 * One published version of an item: every element of the 办事指南. Stored whole as the version's
 * snapshot (service_item_version.snapshot) and served from it: what the public reads is exactly
 * what was published.
 */
export const GuideSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  implementationCode: Type.String({ description: '实施编码：实施主体机构代码 + 层级 + 事项编码' }),
  name: Type.String(),
  type: ItemTypeSchema,
  tier: TierSchema,
  handlingKind: Nullable(HandlingKindSchema),
  parentCode: Nullable(Type.String()),
  department: OrgRef,
  implementer: Type.Object({ orgId: Nullable(Type.String()), name: Type.String() }),
  level: LevelSchema,
  legalBasis: Type.String(),
  targetUsers: Type.Array(TargetUserSchema),
  conditions: Type.String(),
  resultName: Type.String(),
  steps: Type.Array(StepSchema),
  statutoryDays: Nullable(Type.Integer()),
  promisedDays: Type.Integer(),
  instant: Type.Boolean(),
  fee: Type.Object({ fen: Type.Integer(), basis: Type.String() }),
  place: Type.String(),
  hours: Type.String(),
  enquiryPhone: Type.String(),
  complaintPhone: Type.String(),
  visits: Type.Integer({ minimum: 0, maximum: 1 }),
  onlineDepth: Type.Integer({ minimum: 1, maximum: 4 }),
  online: Type.Boolean(),
  lifeEvents: Type.Array(Type.String()),
  topics: Type.Array(Type.String()),
  keywords: Type.Array(Type.String()),
  materials: Type.Array(MaterialSchema),
  responsibility: Nullable(ResponsibilitySchema),
  version: Type.Integer(),
  publishedAt: Type.String(),
  /** 在线申报表单 and the certificate an approval issues (applications/) */
  formFields: FormFieldsSchema,
  resultCert: Nullable(Type.Object({ typeCode: Type.String(), validYears: Nullable(Type.Integer()) })),
});
export type Guide = Static<typeof GuideSchema>;

/** A material as a guide shows it: sample and 免提交 sources only where there are some. */
const PublicMaterialSchema = Type.Composite([
  Type.Omit(MaterialSchema, ['sampleFileId', 'sharedSource', 'certTypeCode', 'certName']),
  Type.Object({ sampleFileId: Type.Optional(Type.String()), sharedSource: Type.Optional(Type.String()), certTypeCode: Type.Optional(Type.String()), certName: Type.Optional(Type.String()) }),
]);

const Related = Type.Object({ code: Type.String(), name: Type.String(), tier: TierSchema, handlingKind: Nullable(HandlingKindSchema) });
export type RelatedItem = Static<typeof Related>;

/**
 * GET /services/items/{code}: the guide with its parent and its published children (子项、办理项).
 * Not in it: the duties of the responsibility list (they have their own list), the search keywords
 * and the internal id — a guide is read on phones, every byte counts.
 */
export const GuideReplySchema = Type.Composite([
  Type.Omit(GuideSchema, ['responsibility', 'keywords', 'id', 'materials']),
  Type.Object({ materials: Type.Array(PublicMaterialSchema), parent: Nullable(Related), children: Type.Array(Related) }),
]);
export type GuideReply = Static<typeof GuideReplySchema>;
