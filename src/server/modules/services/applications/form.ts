import { Type, type Static } from '@sinclair/typebox';
import type { FieldError } from '../../../kernel/http/problem';
import { validateCreditCode, validateIdNumber, validateMobilePhone } from '../../../../shared/validators';
import { StringEnum } from '../schemas/elements';

/** The kinds of field an application form can have (申请表字段). */
export const formFieldTypes = ['text', 'number', 'date', 'select', 'idNumber', 'creditCode', 'phone', 'address', 'textarea'] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

const Label = Type.Object({ zh: Type.String({ minLength: 1, maxLength: 60 }), en: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false });

export const FormFieldSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,39}$', description: '字段键（答案按此保存）' }),
    type: StringEnum<FormFieldType>(formFieldTypes),
    label: Label,
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(Label, { minItems: 1, maxItems: 50, description: 'select 的选项（答案为 zh 文本）' })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
  },
  { additionalProperties: false },
);
export type FormField = Static<typeof FormFieldSchema>;
export const FormFieldsSchema = Type.Array(FormFieldSchema, { maxItems: 40 });

/** Answers as the applicant gives them: one string per field key (numbers and dates as text). */
export const AnswersSchema = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 2000 }));
export type Answers = Static<typeof AnswersSchema>;

const err = (key: string, code: string, zh: string, en: string): FieldError => ({ field: `/body/answers/${key}`, code, message: { zh, en } });

/** One answer checked against its field; null when it is fine (an empty optional answer is fine). */
function checkOne(f: FormField, raw: string | undefined): FieldError | null {
  const value = (raw ?? '').trim();
  if (value === '') return f.required ? err(f.key, 'required', `请填写“${f.label.zh}”`, `${f.label.en} is required`) : null;
  const max = f.maxLength ?? (f.type === 'textarea' ? 2000 : 200);
  if ([...value].length > max) return err(f.key, 'too-long', `“${f.label.zh}”不能超过 ${max} 个字`, `${f.label.en}: at most ${max} characters`);
  switch (f.type) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) ? null : err(f.key, 'number', `“${f.label.zh}”应为数字`, `${f.label.en} must be a number`);
    case 'date': {
      const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
      return ok ? null : err(f.key, 'date', `“${f.label.zh}”应为日期（年-月-日）`, `${f.label.en} must be a date (YYYY-MM-DD)`);
    }
    case 'select':
      return (f.options ?? []).some((o) => o.zh === value) ? null : err(f.key, 'option', `“${f.label.zh}”请从选项中选择`, `${f.label.en}: choose one of the options`);
    case 'idNumber':
      return validateIdNumber(value).ok ? null : err(f.key, 'id-number', `“${f.label.zh}”不是有效的居民身份证号码（校验位不符）`, `${f.label.en} is not a valid resident ID number`);
    case 'creditCode':
      return validateCreditCode(value).ok ? null : err(f.key, 'credit-code', `“${f.label.zh}”不是有效的统一社会信用代码`, `${f.label.en} is not a valid unified social credit code`);
    case 'phone':
      return validateMobilePhone(value).ok || /^0\d{2,3}-?\d{7,8}$/.test(value) ? null : err(f.key, 'phone', `“${f.label.zh}”不是有效的电话号码`, `${f.label.en} is not a valid phone number`);
    default:
      return null;
  }
}

/** Every answer checked at once (all faults reported together); unknown keys are faults too. */
export function checkAnswers(fields: readonly FormField[], answers: Answers, options: { requireAll: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  const keys = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(answers)) if (!keys.has(key)) errors.push(err(key, 'unknown', `表单没有字段 ${key}`, `The form has no field ${key}`));
  for (const f of fields) {
    // a draft may be incomplete; what it holds must still be well-formed
    const e = checkOne(options.requireAll ? f : { ...f, required: false }, answers[f.key]);
    if (e) errors.push(e);
  }
  return errors;
}

/** Answers kept as given, trimmed; ID numbers and credit codes in upper case. */
export function normaliseAnswers(fields: readonly FormField[], answers: Answers): Answers {
  const out: Answers = {};
  for (const f of fields) {
    const v = answers[f.key]?.trim();
    if (v) out[f.key] = f.type === 'idNumber' || f.type === 'creditCode' ? v.toUpperCase() : v;
  }
  return out;
}

/** A definition that cannot work (duplicate keys, a select without options) is refused before it is saved. */
export function formDefinitionErrors(fields: readonly FormField[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = (code: string, zh: string, en: string): FieldError => ({ field: `/body/fields/${i}`, code, message: { zh, en } });
    if (seen.has(f.key)) errors.push(at('duplicate', `字段键 ${f.key} 重复`, `Duplicate key ${f.key}`));
    seen.add(f.key);
    if (f.type === 'select' && !f.options?.length) errors.push(at('options', '下拉字段需要选项', 'A select needs options'));
    if (f.type !== 'select' && f.options) errors.push(at('options', '只有下拉字段有选项', 'Only a select has options'));
  });
  return errors;
}
