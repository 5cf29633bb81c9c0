/**
 * Message templates: one per process action (key e.g. `cases.dispatched`), in Chinese and
 * English, with `{{name}}` placeholders. Plain text: nothing is escaped. The variables are
 * checked when a template is defined (both languages must use the same ones) and when it is
 * rendered (every variable given, no unknown ones), and, for literal templates, by the compiler.
 */

export type Lang = 'zh' | 'en';

export interface TemplateText {
  title: string;
  body: string;
}

export interface TemplateDefinition {
  zh: TemplateText;
  en: TemplateText;
}

/** The placeholder names of a literal string: `'{{a}} and {{b}}'` → `'a' | 'b'`. */
export type VarsOf<S extends string> = S extends `${string}{{${infer V}}}${infer Rest}` ? V | VarsOf<Rest> : never;

type DefinitionVars<D extends TemplateDefinition> = VarsOf<D['zh']['title']> | VarsOf<D['zh']['body']> | VarsOf<D['en']['title']> | VarsOf<D['en']['body']>;

export type TemplateVars<V extends string> = [V] extends [never] ? Record<string, never> : Record<V, string | number>;

export interface Template<V extends string = string> {
  readonly key: string;
  readonly definition: TemplateDefinition;
  /** the placeholder names, sorted */
  readonly variables: readonly string[];
  /** phantom: carries the variable names for the compiler */
  readonly __vars?: V;
}

export interface Rendered {
  zh: TemplateText;
  en: TemplateText;
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

const keyPattern = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/;
const placeholder = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;
const registry = new Map<string, Template>();

function variablesOf(key: string, where: string, text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(placeholder)) names.add(match[1]!);
  // whatever braces remain after taking out the placeholders are a typo such as `{{ name }}` or `{{name}`
  const rest = text.replace(placeholder, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    throw new TemplateError(`template ${key} (${where}): malformed placeholder; write {{name}} with letters, digits and _ only`);
  }
  return names;
}

/** Registers a template; a key is defined once. */
export function defineTemplate<const D extends TemplateDefinition>(key: string, definition: D): Template<DefinitionVars<D>> {
  if (!keyPattern.test(key)) throw new TemplateError(`template key ${JSON.stringify(key)} must look like 'module.action'`);
  if (registry.has(key)) throw new TemplateError(`template ${key} is already defined`);
  const perLang = (['zh', 'en'] as const).map((lang) => {
    const text = definition[lang];
    if (!text || typeof text.title !== 'string' || typeof text.body !== 'string' || text.title.trim() === '') {
      throw new TemplateError(`template ${key}: ${lang}.title and ${lang}.body are required`);
    }
    return new Set([...variablesOf(key, `${lang}.title`, text.title), ...variablesOf(key, `${lang}.body`, text.body)]);
  });
  const [zh, en] = perLang as [Set<string>, Set<string>];
  const onlyZh = [...zh].filter((v) => !en.has(v));
  const onlyEn = [...en].filter((v) => !zh.has(v));
  if (onlyZh.length > 0 || onlyEn.length > 0) {
    throw new TemplateError(`template ${key}: zh and en must use the same variables (only zh: ${onlyZh.join(', ') || '-'}; only en: ${onlyEn.join(', ') || '-'})`);
  }
  const template: Template<DefinitionVars<D>> = { key, definition: structuredClone(definition), variables: [...zh].sort() };
  registry.set(key, template);
  return template;
}

export function getTemplate(key: string): Template {
  const template = registry.get(key);
  if (!template) throw new TemplateError(`no template ${key}; define it with defineTemplate()`);
  return template;
}

export function hasTemplate(key: string): boolean {
  return registry.has(key);
}

/** Renders both languages; refuses a missing or an unknown variable. */
export function renderTemplate<V extends string>(template: Template<V>, vars: TemplateVars<V>): Rendered;
export function renderTemplate(template: string, vars: Record<string, string | number>): Rendered;
export function renderTemplate(template: Template | string, vars: Record<string, string | number>): Rendered {
  const t = typeof template === 'string' ? getTemplate(template) : template;
  const given = vars as Record<string, unknown>;
  const unknown = Object.keys(given).filter((name) => !t.variables.includes(name));
  if (unknown.length > 0) throw new TemplateError(`template ${t.key}: unknown variable ${unknown.join(', ')} (it uses: ${t.variables.join(', ') || 'none'})`);
  const missing = t.variables.filter((name) => !Object.hasOwn(given, name) || given[name] === undefined || given[name] === null);
  if (missing.length > 0) throw new TemplateError(`template ${t.key}: missing variable ${missing.join(', ')}`);
  for (const name of t.variables) {
    const value = given[name];
    if (typeof value !== 'string' && typeof value !== 'number') throw new TemplateError(`template ${t.key}: variable ${name} must be a string or a number`);
  }
  const fill = (text: string) => text.replace(placeholder, (_, name: string) => String(given[name]));
  const one = (lang: Lang): TemplateText => ({ title: fill(t.definition[lang].title), body: fill(t.definition[lang].body) });
  return { zh: one('zh'), en: one('en') };
}
