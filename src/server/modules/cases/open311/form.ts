import { open311Errors } from './errors';

/** An `application/x-www-form-urlencoded` body: every name with all its values, in order. */
export type Form = Map<string, string[]>;

/** UTF-8 form decoding (`+` is a space, percent escapes are bytes of UTF-8), as the specification assumes. */
export function parseForm(body: string): Form {
  const form: Form = new Map();
  for (const [name, value] of new URLSearchParams(body)) {
    const list = form.get(name);
    if (list) list.push(value);
    else form.set(name, [value]);
  }
  return form;
}

export function isForm(body: unknown): body is Form {
  return body instanceof Map;
}

/**
 * One field's value; an empty value counts as absent ("Optional Arguments"). A field sent twice
 * is refused rather than one value silently chosen.
 */
export function field(form: Form, name: string, maxLength: number): string | undefined {
  const values = (form.get(name) ?? []).filter((v) => v !== '');
  if (values.length === 0) return undefined;
  if (values.length > 1) throw open311Errors.bad(`字段 ${name} 只能提交一次`, `${name} was given more than once`);
  const value = values[0]!;
  if ([...value].length > maxLength) throw open311Errors.bad(`字段 ${name} 不能超过 ${maxLength} 个字符`, `${name} must be at most ${maxLength} characters`);
  return value;
}

const attributeName = /^attribute\[([^\][]+)\](\[\])?$/;

/**
 * `attribute[CODE]=v` and the multi-value form `attribute[CODE][]=v1&attribute[CODE][]=v2`:
 * attribute code → its non-empty values.
 */
export function attributes(form: Form): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, values] of form) {
    const m = attributeName.exec(name);
    if (!m) continue;
    const code = m[1]!;
    out.set(code, [...(out.get(code) ?? []), ...values.filter((v) => v !== '')]);
  }
  return out;
}
