import { langTag, type Lang } from './i18n';

/** Government business runs on Beijing time, whatever the viewer's device says. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** Date and time in Beijing time, e.g. 2025/01/31 08:05:09 (zh) or 31/01/2025, 08:05:09 (en). */
export function formatDateTime(value: string | Date, lang: Lang): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(langTag(lang), {
    timeZone: CHINA_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}
