export { AntdLocale } from './AntdLocale';
export { I18nProvider } from './I18nProvider';
export { langTag } from './storage';
export type { Lang, MessageKey, Translate } from './types';
export { useI18n } from './useI18n';
