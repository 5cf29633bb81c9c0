import type { MessageKey } from './zh';

export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

/** Values substituted into `{name}` placeholders of a message. */
export type MessageVars = Readonly<Record<string, string | number>>;

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

export type { MessageKey };
