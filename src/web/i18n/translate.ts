import { dictionaries } from './dictionaries';
import type { Lang, MessageKey, MessageVars } from './types';

/** Looks a key up in the dictionary of `lang` and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const template = dictionaries[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
