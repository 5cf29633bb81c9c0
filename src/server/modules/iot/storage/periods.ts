/**
 * Days and months as the platform's people count them: in Asia/Shanghai (UTC+8, no daylight
 * saving), so a daily partition holds one local calendar day and retention counts local days.
 * Every function takes and returns UTC epoch milliseconds.
 */
export const shanghaiOffsetMs = 8 * 3_600_000;
export const dayMs = 86_400_000;

export type PeriodUnit = 'day' | 'month';

/** Start of the local day that contains `ms`. */
export function dayStart(ms: number): number {
  return Math.floor((ms + shanghaiOffsetMs) / dayMs) * dayMs - shanghaiOffsetMs;
}

/** Start of the local month that contains `ms`. */
export function monthStart(ms: number): number {
  const local = new Date(ms + shanghaiOffsetMs);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - shanghaiOffsetMs;
}

export function periodStart(unit: PeriodUnit, ms: number): number {
  return unit === 'day' ? dayStart(ms) : monthStart(ms);
}

/** Start of the period after the one starting at `start`. */
export function nextPeriod(unit: PeriodUnit, start: number): number {
  if (unit === 'day') return start + dayMs;
  const local = new Date(start + shanghaiOffsetMs);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - shanghaiOffsetMs;
}

/** `20261126` for a day, `202611` for a month (local calendar). */
export function periodLabel(unit: PeriodUnit, start: number): string {
  const local = new Date(start + shanghaiOffsetMs);
  const yyyy = String(local.getUTCFullYear()).padStart(4, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return unit === 'day' ? `${yyyy}${mm}${dd}` : `${yyyy}${mm}`;
}

/** The period start a label names, or null if it is not one of ours. */
export function parseLabel(unit: PeriodUnit, label: string): number | null {
  const m = (unit === 'day' ? /^(\d{4})(\d{2})(\d{2})$/ : /^(\d{4})(\d{2})$/).exec(label);
  if (!m) return null;
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1) - shanghaiOffsetMs;
  return periodLabel(unit, start) === label ? start : null;
}
