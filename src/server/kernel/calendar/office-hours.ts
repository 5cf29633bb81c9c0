/**
 * Office hours (办公时间) of an organisation, in Shanghai time. Working-hour limits
 * (工作时, e.g. "reply within 4 working hours") count only these periods on working
 * days. They differ between organisations and seasons (many offices start the
 * afternoon later in summer), so they are data passed in, not a constant.
 */

/** 'HH:MM', 24-hour clock; '24:00' is allowed as an end. */
export interface OfficePeriod {
  start: string;
  end: string;
}

export type OfficeHours = readonly OfficePeriod[];

/** 09:00–12:00 and 13:30–17:30: 7 hours a day, the common schedule of district offices. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/** A period as minutes after midnight, end exclusive. */
export interface MinuteRange {
  start: number;
  end: number;
}

/**
 * Validates and converts office hours: at least one period, each start before its
 * end, in order and not overlapping. Throws RangeError naming the bad period, so a
 * wrong organisation setting fails when saved rather than skewing deadlines.
 */
export function officeMinutes(hours: OfficeHours): MinuteRange[] {
  if (hours.length === 0) throw new RangeError('office hours need at least one period');
  const ranges = hours.map((period) => {
    const range = { start: minuteOfDay(period.start), end: minuteOfDay(period.end) };
    if (range.start >= range.end) throw new RangeError(`office period ${period.start}–${period.end} ends before it starts`);
    return range;
  });
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.start < ranges[i - 1]!.end) {
      throw new RangeError(`office periods must be in order and must not overlap (period ${i + 1})`);
    }
  }
  return ranges;
}

function minuteOfDay(time: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!(minutes <= 24 * 60)) throw new RangeError(`not a time of day (HH:MM): ${JSON.stringify(time)}`);
  return minutes;
}
