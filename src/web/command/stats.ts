import { api } from '../api/client';
import type { paths } from '../api/schema';
import { unwrap } from '../api/unwrap';
import { CASE_STATES, isFinished, type CaseState } from '../cases/states';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** GET /api/v1/cases/stats: the live figures of the command screen. */
export type CaseStats = JsonOf<paths['/api/v1/cases/stats']['get']['responses'][200]>;
export type RecentCase = CaseStats['recent'][number];
export type StreetFlow = CaseStats['byStreet'][number];

/** GET /api/v1/cases/stats (cases:read). */
export const fetchCaseStats = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/cases/stats', { signal }));

/** The states a case can be open in, in process order. */
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter((s) => !isFinished(s));

/** Cases open now, over all states. */
export const openTotal = (open: CaseStats['open']) => Object.values(open).reduce((sum, n) => sum + n, 0);

/** Time of day in Beijing time, e.g. 09:05:12. */
export function timeOfDay(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}
