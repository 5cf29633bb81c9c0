import type { Lang } from './types';

export const LANG_STORAGE_KEY = 'sy.lang';
const DEFAULT_LANG: Lang = 'zh';

function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** The saved language, or Chinese when nothing (valid) is saved or storage is blocked. */
export function loadLang(): Lang {
  try {
    const saved = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(saved) ? saved : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

export function saveLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}

/** BCP 47 tag for `<html lang>` and Intl formatting. */
export function langTag(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
