import { Type, type TSchema } from '@sinclair/typebox';
import { codePattern } from '../code';
import { handlingKindKeys, itemTypeKeys, levelKeys, materialForms, targetUsers, type HandlingKind, type ItemType, type Level, type MaterialForm, type TargetUser, type Tier } from '../vocab';

/** A string with a fixed set of values: `enum` in the OpenAPI document, a literal union in TypeScript. */
export const StringEnum = <T extends string>(values: readonly T[], options: { description?: string } = {}) => Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ItemTypeSchema = StringEnum<ItemType>(itemTypeKeys, { description: '事项类型：10 类行政权力与公共服务' });
export const LevelSchema = StringEnum<Level>(levelKeys, { description: '行使层级：区级 / 镇街级 / 村（社区）级' });
export const TierSchema = StringEnum<Tier>(['main', 'sub', 'handling'], { description: '主项 / 子项 / 业务办理项' });
export const HandlingKindSchema = StringEnum<HandlingKind>(handlingKindKeys, { description: '新设 / 变更 / 延续 / 注销' });
export const TargetUserSchema = StringEnum<TargetUser>(Object.keys(targetUsers) as TargetUser[], { description: '自然人 / 法人' });
export const MaterialFormSchema = StringEnum<MaterialForm>(Object.keys(materialForms) as MaterialForm[]);
export const ItemCode = Type.String({ pattern: codePattern, description: '12 位事项编码：类型 2 + 主项 5 + 子项 3 + 办理项 2' });
export const Phone = Type.String({ pattern: '^[0-9][0-9-]{4,19}$', description: '电话，如 023-49800000 或 12345' });

export const StepSchema = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 30 }),
    days: Nullable(Type.Integer({ minimum: 0, maximum: 365, description: '本环节时限（工作日）' })),
    description: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const DutySchema = Type.Object(
  { stage: Type.String({ minLength: 2, maxLength: 20, description: '如 受理责任、审查责任' }), content: Type.String({ minLength: 2, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const ResponsibilitySchema = Type.Object(
  { duties: Type.Array(DutySchema, { minItems: 1, maxItems: 12 }), accountability: Type.String({ minLength: 2, maxLength: 4000, description: '追责情形' }) },
  { additionalProperties: false },
);

export const MaterialSchema = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    required: Type.Boolean(),
    copies: Type.Integer({ minimum: 0, maximum: 20, description: '纸质份数；只收电子材料时为 0' }),
    form: MaterialFormSchema,
    note: Type.String({ maxLength: 500 }),
    sampleFileId: Nullable(Type.String({ format: 'uuid', description: '样表（附件 id）' })),
    sharedSource: Nullable(Type.String({ minLength: 2, maxLength: 100, description: '可通过数据共享获取时的来源：免提交' })),
    certTypeCode: Nullable(Type.String({ pattern: '^[0-9A-Z]{18}[0-9]{3}$', description: '可用电子证照代替时的证照类型代码（颁证单位统一社会信用代码 + 3 位序号）：免提交' })),
    certName: Nullable(Type.String({ minLength: 2, maxLength: 60 })),
  },
  { additionalProperties: false },
);
