import chineseDays from 'chinese-days';
import {
  type CalendarDate,
  addDays,
  assertCalendarDate,
  shanghaiDate,
  shanghaiInstant,
  toCalendarDate,
  yearOf,
} from './calendar-date';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, officeMinutes } from './office-hours';

/**
 * Working days under the State Council's holiday arrangement: statutory holidays are
 * days off and some weekends are make-up workdays (调休), so a plain Monday–Friday
 * calendar gets legal deadlines wrong (cn-domain §8).
 *
 * Data comes from the `chinese-days` package, pinned in package.json. Its data ends
 * with the last year the State Council has announced (each November for the next
 * year); for later years it silently falls back to Monday–Friday, which is why
 * isProvisional() exists. Refresh the package every November.
 */

/** An administrator's decision that beats the official arrangement, e.g. a disaster closure. */
export interface CalendarOverride {
  date: CalendarDate;
  kind: 'workday' | 'holiday';
  reason: string;
}

export interface DayDetail {
  date: CalendarDate;
  workday: boolean;
  /** override: set by an administrator; official: in the State Council arrangement; weekly: Monday–Friday rule. */
  source: 'override' | 'official' | 'weekly';
  /** Holiday or make-up day name from the official data ("National Day,国庆节,…"), or the override's reason. */
  name: string | null;
  /** True when the year has no official arrangement yet: the answer may change. */
  provisional: boolean;
}

/** Without this many consecutive days without working time, the settings must be wrong. */
const MAX_DAYS_WITHOUT_WORK = 366;

const WEEKDAY_NAMES: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface PackageDay {
  work: boolean;
  /** Listed in the package's official data (holiday or make-up workday). */
  official: boolean;
  name: string;
}

/** The package's answers never change while the process runs (its data is pinned): each date is asked once. */
const packageDays = new Map<CalendarDate, PackageDay>();
const maxRememberedDays = 20_000;

function packageDay(date: CalendarDate): PackageDay {
  let known = packageDays.get(date);
  if (!known) {
    if (packageDays.size >= maxRememberedDays) packageDays.clear();
    known = askPackage(date);
    packageDays.set(date, known);
  }
  return known;
}

/**
 * Asks the package about one date. It is given a Date at local noon of that calendar
 * date, never a string: the package parses 'YYYY-MM-DD' as UTC midnight but reads it
 * back with local-time getters, so west of UTC a string lands on the previous day.
 * Noon also stays on the same date across any daylight-saving jump.
 */
function askPackage(date: CalendarDate): PackageDay {
  const localNoon = new Date(yearOf(date), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);
  const detail = chineseDays.getDayDetail(localNoon);
  if (detail.date !== date) throw new Error(`chinese-days answered for ${detail.date} when asked about ${date}`);
  // Dates absent from the data get the English weekday name; listed ones get "English,中文,n".
  return { work: detail.work, official: !WEEKDAY_NAMES.includes(detail.name), name: detail.name };
}

const officialYears = new Map<number, boolean>();

/**
 * Whether the package has the State Council arrangement for a year. Detected from the
 * data rather than a hard-coded range: New Year's Day (1 January) is a statutory
 * holiday every year, so it is listed exactly when the year's arrangement is.
 */
export function hasOfficialData(year: number): boolean {
  let known = officialYears.get(year);
  if (known === undefined) {
    known = packageDay(`${String(year).padStart(4, '0')}-01-01`).official;
    officialYears.set(year, known);
  }
  return known;
}

export class WorkCalendar {
  private readonly overrides: ReadonlyMap<CalendarDate, CalendarOverride>;

  /** Throws RangeError for a malformed override or two contradicting overrides of one date. */
  constructor(overrides: readonly CalendarOverride[] = []) {
    const byDate = new Map<CalendarDate, CalendarOverride>();
    for (const override of overrides) {
      assertCalendarDate(override.date);
      if (override.kind !== 'workday' && override.kind !== 'holiday') {
        throw new RangeError(`override kind must be workday or holiday, got ${JSON.stringify(override.kind)}`);
      }
      const earlier = byDate.get(override.date);
      if (earlier && earlier.kind !== override.kind) {
        throw new RangeError(`contradicting overrides for ${override.date}`);
      }
      byDate.set(override.date, { ...override });
    }
    this.overrides = byDate;
  }

  /** A Date counts on its Shanghai date. */
  isWorkday(date: Date | CalendarDate): boolean {
    return this.dayDetail(date).workday;
  }

  dayDetail(date: Date | CalendarDate): DayDetail {
    const day = toCalendarDate(date);
    const provisional = this.isProvisional(day);
    const override = this.overrides.get(day);
    if (override) {
      return { date: day, workday: override.kind === 'workday', source: 'override', name: override.reason, provisional };
    }
    const fromPackage = packageDay(day);
    return {
      date: day,
      workday: fromPackage.work,
      source: fromPackage.official ? 'official' : 'weekly',
      name: fromPackage.official ? fromPackage.name : null,
      provisional,
    };
  }

  /**
   * True when the date's year has no official arrangement in the package, so any
   * answer about it (and any deadline ending in it) may still change. Coverage is
   * contiguous, so checking a deadline's end date is enough.
   */
  isProvisional(date: Date | CalendarDate): boolean {
    return !hasOfficialData(yearOf(toCalendarDate(date)));
  }

  /**
   * The n-th working day after `from`'s date (a Date counts on its Shanghai date).
   *
   * Counting rule (Civil Code Art. 201; 行政许可法 Art. 82 counts in working days): the
   * day of receipt is not counted, counting starts the next day, and only working
   * days count. Returns the DATE of the last day; the period runs until the end of
   * that day (Art. 203: 24:00, or the close of business where there is one); see
   * endOfDay(). n = 0 returns `from`'s date.
   *
   * Whether an application received after hours or on a day off counts as received
   * the next working day is a business rule for the caller: it can move `from` first.
   */
  addWorkingDays(from: Date | CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('the number of working days must be a whole number ≥ 0');
    let date = toCalendarDate(from);
    let counted = 0;
    let sinceLastWorkday = 0;
    while (counted < n) {
      date = addDays(date, 1);
      if (this.isWorkday(date)) {
        counted++;
        sinceLastWorkday = 0;
      } else if (++sinceLastWorkday > MAX_DAYS_WITHOUT_WORK) {
        throw new Error(`no working day for ${MAX_DAYS_WITHOUT_WORK} days after ${date}: check the calendar overrides`);
      }
    }
    return date;
  }

  /** 24:00 Shanghai time at the end of the date, as an instant: when a period ending that day expires. */
  endOfDay(date: CalendarDate): Date {
    return shanghaiInstant(assertCalendarDate(date), 24 * 60);
  }

  /**
   * The instant after `hours` working hours (fractions allowed) counted from `from`,
   * only within office hours on working days. Time before opening, in the lunch break,
   * after closing or on a day off does not count. A limit that runs out exactly at a
   * closing time ends then (12:00), not when the next period opens.
   */
  addWorkingHours(from: Date, hours: number, officeHours: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError('working hours must be a finite number ≥ 0');
    const periods = officeMinutes(officeHours);
    let remaining = Math.round(hours * 3_600_000);
    const start = from.getTime();
    if (remaining === 0) return new Date(start);
    let date = shanghaiDate(from);
    for (let daysWithoutWork = 0; daysWithoutWork <= MAX_DAYS_WITHOUT_WORK; date = addDays(date, 1)) {
      if (!this.isWorkday(date)) {
        daysWithoutWork++;
        continue;
      }
      daysWithoutWork = 0;
      for (const period of periods) {
        const open = Math.max(start, shanghaiInstant(date, period.start).getTime());
        const close = shanghaiInstant(date, period.end).getTime();
        if (open >= close) continue;
        if (remaining <= close - open) return new Date(open + remaining);
        remaining -= close - open;
      }
    }
    throw new Error(`no working time for ${MAX_DAYS_WITHOUT_WORK} days: check the calendar overrides`);
  }

  /**
   * Working minutes between two instants (whole minutes, a started minute does not
   * count), within office hours on working days. Negative when `b` is before `a`,
   * so "overdue by" and "time left" use the same call.
   */
  workingTimeBetween(a: Date, b: Date, officeHours: OfficeHours = DEFAULT_OFFICE_HOURS): number {
    if (b.getTime() < a.getTime()) {
      const forward = this.workingTimeBetween(b, a, officeHours);
      return forward === 0 ? 0 : -forward; // never -0
    }
    const periods = officeMinutes(officeHours);
    const from = a.getTime();
    const to = b.getTime();
    const lastDate = shanghaiDate(b);
    let total = 0;
    for (let date = shanghaiDate(a); date <= lastDate; date = addDays(date, 1)) {
      if (!this.isWorkday(date)) continue;
      for (const period of periods) {
        const open = Math.max(from, shanghaiInstant(date, period.start).getTime());
        const close = Math.min(to, shanghaiInstant(date, period.end).getTime());
        if (close > open) total += close - open;
      }
    }
    return Math.floor(total / 60_000);
  }
}
