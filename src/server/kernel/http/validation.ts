import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { httpErrors, type FieldError } from './problem';

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // An unknown field is an error, never silently dropped.
    removeAdditional: false,
    useDefaults: true,
    // Bodies keep JSON types; only the query string, params and headers (always text) are coerced.
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  return ajv.compile(schema as object);
};

function describe(e: ErrorObject): { zh: string; en: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { zh: '缺少必填字段', en: 'is required' };
    case 'additionalProperties':
      return { zh: '不允许的字段', en: 'is not an allowed field' };
    case 'type':
      return { zh: `类型错误，应为 ${String(p.type)}`, en: `must be of type ${String(p.type)}` };
    case 'minLength':
      return { zh: `长度不能少于 ${String(p.limit)}`, en: `must have at least ${String(p.limit)} characters` };
    case 'maxLength':
      return { zh: `长度不能超过 ${String(p.limit)}`, en: `must have at most ${String(p.limit)} characters` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { zh: `数值超出范围（${String(p.comparison)} ${String(p.limit)}）`, en: `must be ${String(p.comparison)} ${String(p.limit)}` };
    case 'format':
      return { zh: `格式不正确，应为 ${String(p.format)}`, en: `must be a valid ${String(p.format)}` };
    case 'pattern':
      return { zh: '格式不正确', en: 'has an invalid format' };
    case 'enum':
    case 'const':
    case 'anyOf':
      return { zh: '取值不在允许范围内', en: 'is not one of the allowed values' };
    case 'minItems':
      return { zh: `至少需要 ${String(p.limit)} 项`, en: `must have at least ${String(p.limit)} items` };
    case 'maxItems':
      return { zh: `最多 ${String(p.limit)} 项`, en: `must have at most ${String(p.limit)} items` };
    default:
      return { zh: '取值不正确', en: e.message ?? 'is invalid' };
  }
}

/** Turns Ajv errors into field-level errors with a JSON pointer to the field at fault. */
export function fieldErrors(errors: ErrorObject[], part: string): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  // A failed anyOf (e.g. a union of literals) also reports each branch; keep only the anyOf line.
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && unionPaths.has(e.instancePath)) continue;
    const p = e.params as Record<string, unknown>;
    let pointer = e.instancePath;
    if (e.keyword === 'required') pointer += `/${String(p.missingProperty)}`;
    if (e.keyword === 'additionalProperties') pointer += `/${String(p.additionalProperty)}`;
    const field = `/${part}${pointer}`;
    const key = `${field}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, code: e.keyword, message: describe(e) });
  }
  return out;
}

export function validationProblem(errors: ErrorObject[], part: string) {
  return httpErrors.validation(fieldErrors(errors, part));
}
