/**
 * Which table answers a period: raw readings for spans under 6 hours, minute roll-ups under 7
 * days, hour roll-ups beyond — at most a few hundred to a few thousand points per chart. When
 * the finer data of the period has expired (retention), the next coarser one answers instead.
 */
import { dayMs } from '../storage/periods';

export type Resolution = 'raw' | 'minute' | 'hour';

export const rawUnderMs = 6 * 3_600_000;
export const minuteUnderMs = 7 * dayMs;

export function chooseResolution(fromMs: number, toMs: number, nowMs: number, retention: { rawDays: number; minuteDays: number }): Resolution {
  const span = toMs - fromMs;
  let r: Resolution = span < rawUnderMs ? 'raw' : span < minuteUnderMs ? 'minute' : 'hour';
  if (r === 'raw' && fromMs < nowMs - retention.rawDays * dayMs) r = 'minute';
  if (r === 'minute' && fromMs < nowMs - retention.minuteDays * dayMs) r = 'hour';
  return r;
}

export const bucketMsOf = (r: Exclude<Resolution, 'raw'>) => (r === 'minute' ? 60_000 : 3_600_000);
