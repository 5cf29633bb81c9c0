import type { CalendarDay } from '../../api/calendar';
import { CHINA_TIME_ZONE } from '../../format';

/** A calendar month: month is 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

export const monthKey = ({ year, month }: YearMonth) => `${year}-${pad(month)}`;

/** Today's date in Beijing time, YYYY-MM-DD. */
export function todayInChina(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function monthOf(date: string): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

export function shiftMonth({ year, month }: YearMonth, delta: number): YearMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export const daysInMonth = ({ year, month }: YearMonth) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Day of week of a YYYY-MM-DD date, Monday = 0 … Sunday = 6. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export const isWeekend = (date: string) => weekdayIndex(date) >= 5;

/** The weeks (Monday first) of a month; null pads the days of neighbouring months. */
export function monthGrid(ym: YearMonth): Array<Array<string | null>> {
  const first = isoDate(ym.year, ym.month, 1);
  const cells: Array<string | null> = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let d = 1; d <= daysInMonth(ym); d++) cells.push(isoDate(ym.year, ym.month, d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** How a day is shown: the five categories of the legend. */
export type DayKind = 'workday' | 'restday' | 'holiday' | 'makeup' | 'override';

export function dayKind(day: CalendarDay): DayKind {
  if (day.source === 'override') return 'override';
  if (day.source === 'official') return day.workday ? 'makeup' : 'holiday';
  return day.workday ? 'workday' : 'restday';
}

/**
 * The holiday name in the viewer's language: official names come as
 * "English,中文,n" ("National Day,国庆节,3"); override reasons are shown as they are.
 */
export function holidayName(day: CalendarDay, lang: 'zh' | 'en'): string | null {
  if (!day.name) return null;
  if (day.source !== 'official') return day.name;
  const [english, chinese] = day.name.split(',');
  return (lang === 'zh' ? chinese : english)?.trim() || day.name;
}
