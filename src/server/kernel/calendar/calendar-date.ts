/**
 * Calendar dates and instants in China Standard Time.
 *
 * The server runs in UTC (and a developer's laptop in anything), but deadlines follow
 * the calendar on the wall in Yongchuan: a date is a 'YYYY-MM-DD' string meaning a day
 * in Asia/Shanghai, and an instant (Date) is converted with the fixed offset UTC+8.
 * China has had no daylight saving time since 1991, so the offset never changes.
 * All arithmetic below uses UTC methods only, never the process's local time zone.
 */

/** 'YYYY-MM-DD', a day in Asia/Shanghai. */
export type CalendarDate = string;

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Throws RangeError unless `date` is a real 'YYYY-MM-DD' date. */
export function assertCalendarDate(date: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const utc = new Date(Date.UTC(year, month - 1, day));
    if (utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day) return date;
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** The Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): CalendarDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('invalid Date');
  return new Date(time + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A Date is read as its Shanghai date; a string must already be 'YYYY-MM-DD'. */
export function toCalendarDate(value: Date | string): CalendarDate {
  return value instanceof Date ? shanghaiDate(value) : assertCalendarDate(value);
}

/** Midnight UTC of the date, as milliseconds: a day number for arithmetic, not an instant. */
function utcMidnight(date: CalendarDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** The instant at `minuteOfDay` minutes after midnight, Shanghai time, on `date` (1440 = the next midnight). */
export function shanghaiInstant(date: CalendarDate, minuteOfDay: number): Date {
  return new Date(utcMidnight(date) + minuteOfDay * 60_000 - SHANGHAI_OFFSET_MS);
}
