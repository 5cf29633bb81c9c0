import { afterEach, describe, expect, it } from 'vitest';
import { type OfficeHours, WorkCalendar, hasOfficialData } from './index';

const calendar = new WorkCalendar();
/** An instant given as Shanghai wall-clock time. */
const cst = (wallClock: string) => new Date(`${wallClock}+08:00`);

describe('working days (State Council arrangement for 2026)', () => {
  it.each([
    ['2026-10-10', true, 'Saturday, make-up workday after National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-02-14', true, 'Saturday, make-up workday before the Spring Festival'],
    ['2026-02-16', false, 'Spring Festival'],
    ['2026-09-20', true, 'Sunday, make-up workday'],
    ['2026-09-25', false, 'Mid-Autumn Festival (a Friday)'],
    ['2026-09-19', false, 'an ordinary Saturday'],
    ['2026-09-21', true, 'an ordinary Monday'],
  ])('%s is a workday: %s (%s)', (date, expected) => {
    expect(calendar.isWorkday(date)).toBe(expected);
  });

  it('reads an instant on its Shanghai date, whatever the server time zone', () => {
    // 2026-10-01 00:30 in Shanghai is still 30 September in UTC
    expect(calendar.isWorkday(new Date('2026-09-30T16:30:00Z'))).toBe(false);
    expect(calendar.isWorkday(new Date('2026-09-30T15:59:59Z'))).toBe(true);
  });

  it('describes a day and where the answer comes from', () => {
    expect(calendar.dayDetail('2026-10-01')).toMatchObject({ workday: false, source: 'official', provisional: false });
    expect(calendar.dayDetail('2026-10-01').name).toContain('国庆');
    expect(calendar.dayDetail('2026-09-22')).toEqual({
      date: '2026-09-22',
      workday: true,
      source: 'weekly',
      name: null,
      provisional: false,
    });
  });

  it('refuses malformed dates', () => {
    expect(() => calendar.isWorkday('2026-2-14')).toThrow(RangeError);
    expect(() => calendar.isWorkday('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkday(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('does not count the day of receipt: 5 working days from 2026-09-30 end on 2026-10-13 (cn-domain §8)', () => {
    // 10-01…10-07 holiday; 10-08 (1), 10-09 (2), Sat 10-10 make-up (3), Sun 10-11 off, 10-12 (4), 10-13 (5)
    expect(calendar.addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
  });

  it('counts from the Shanghai date of an instant', () => {
    // 00:30 on 30 September in Shanghai is 29 September in UTC; counting from the UTC date would give 10-12
    expect(calendar.addWorkingDays(new Date('2026-09-29T16:30:00Z'), 5)).toBe('2026-10-13');
  });

  it('runs a 20-working-day limit across Mid-Autumn and National Day 2026', () => {
    // Received Friday 2026-09-18. Counting from the next day:
    //  Sat 09-19 off        Sun 09-20 make-up (1)   09-21…09-24 (2–5)
    //  09-25…09-27 Mid-Autumn off                  09-28…09-30 (6–8)
    //  10-01…10-07 National Day off                10-08, 10-09 (9, 10)   Sat 10-10 make-up (11)
    //  Sun 10-11 off        10-12…10-16 (12–16)     10-17, 10-18 weekend
    //  10-19 (17), 10-20 (18), 10-21 (19), 10-22 (20)
    expect(calendar.addWorkingDays('2026-09-18', 20)).toBe('2026-10-22');
    // a plain Monday–Friday count would have said 2026-10-16
  });

  it('returns the date itself for 0 and refuses negative or fractional counts', () => {
    expect(calendar.addWorkingDays('2026-10-01', 0)).toBe('2026-10-01');
    expect(() => calendar.addWorkingDays('2026-10-01', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-10-01', 1.5)).toThrow(RangeError);
  });

  it('gives the end of the last day as an instant: 24:00 Shanghai time', () => {
    expect(calendar.endOfDay('2026-10-13').toISOString()).toBe('2026-10-13T16:00:00.000Z');
  });
});

describe('administrator overrides', () => {
  const closure = { date: '2026-10-15', kind: 'holiday', reason: '暴雨红色预警，全区停止办公' } as const;

  it('a closure day shifts a deadline by one day', () => {
    const closed = new WorkCalendar([closure]);
    expect(closed.isWorkday('2026-10-15')).toBe(false);
    expect(closed.addWorkingDays('2026-09-18', 20)).toBe('2026-10-23');
    expect(closed.dayDetail('2026-10-15')).toMatchObject({ workday: false, source: 'override', name: closure.reason });
  });

  it('an extra workday wins over the official arrangement too', () => {
    const open = new WorkCalendar([{ date: '2026-10-07', kind: 'workday', reason: '防汛应急值守' }]);
    expect(open.isWorkday('2026-10-07')).toBe(true);
    expect(open.addWorkingDays('2026-09-30', 5)).toBe('2026-10-12');
  });

  it('does not change other calendars', () => {
    new WorkCalendar([closure]);
    expect(calendar.isWorkday('2026-10-15')).toBe(true);
  });

  it('refuses malformed or contradicting overrides', () => {
    expect(() => new WorkCalendar([{ ...closure, date: '2026/10/15' }])).toThrow(RangeError);
    expect(() => new WorkCalendar([closure, { ...closure, kind: 'workday' }])).toThrow(/contradicting/);
    expect(() => new WorkCalendar([closure, closure])).not.toThrow();
  });
});

describe('working hours (default 09:00–12:00, 13:30–17:30 Shanghai time)', () => {
  it('skips the lunch break', () => {
    // Monday 11:00 + 2 h: 11:00–12:00, then 13:30–14:30
    expect(calendar.addWorkingHours(cst('2026-09-21T11:00'), 2)).toEqual(cst('2026-09-21T14:30'));
    expect(calendar.addWorkingHours(cst('2026-09-21T12:30'), 0.5)).toEqual(cst('2026-09-21T14:00'));
  });

  it('skips a weekend, and ends at a closing time when the limit runs out there', () => {
    // Friday 16:30 + 4 h: 1 h on Friday, weekend off, Monday 09:00–12:00
    expect(calendar.addWorkingHours(cst('2026-09-11T16:30'), 4)).toEqual(cst('2026-09-14T12:00'));
  });

  it('skips a holiday and counts a make-up Sunday', () => {
    // Wednesday 30 Sep 15:00 + 7 h: 2.5 h that day, 1–7 Oct off, then 3 h + 1.5 h on Thursday 8 Oct
    expect(calendar.addWorkingHours(cst('2026-09-30T15:00'), 7)).toEqual(cst('2026-10-08T15:00'));
    // Saturday 19 Sep is off, Sunday 20 Sep is a make-up workday
    expect(calendar.addWorkingHours(cst('2026-09-19T10:00'), 1)).toEqual(cst('2026-09-20T10:00'));
  });

  it('starts counting at opening time when asked before it', () => {
    expect(calendar.addWorkingHours(cst('2026-09-21T07:00'), 1)).toEqual(cst('2026-09-21T10:00'));
    expect(calendar.addWorkingHours(cst('2026-09-21T20:00'), 1)).toEqual(cst('2026-09-22T10:00'));
  });

  it('uses the organisation’s own office hours', () => {
    const summer: OfficeHours = [
      { start: '08:30', end: '12:00' },
      { start: '14:30', end: '18:00' },
    ];
    expect(calendar.addWorkingHours(cst('2026-09-21T11:30'), 1, summer)).toEqual(cst('2026-09-21T15:00'));
    expect(calendar.workingTimeBetween(cst('2026-09-21T00:00'), cst('2026-09-22T00:00'), summer)).toBe(7 * 60);
  });

  it('measures working minutes between two instants, negative when reversed', () => {
    expect(calendar.workingTimeBetween(cst('2026-09-11T16:30'), cst('2026-09-14T10:00'))).toBe(120);
    expect(calendar.workingTimeBetween(cst('2026-09-30T15:00'), cst('2026-10-08T15:00'))).toBe(150 + 180 + 90);
    expect(calendar.workingTimeBetween(cst('2026-10-08T15:00'), cst('2026-09-30T15:00'))).toBe(-420);
    expect(calendar.workingTimeBetween(cst('2026-10-02T10:00'), cst('2026-10-05T10:00'))).toBe(0);
    expect(calendar.workingTimeBetween(cst('2026-09-21T12:10'), cst('2026-09-21T13:20'))).toBe(0);
    expect(calendar.workingTimeBetween(cst('2026-09-21T09:00:00'), cst('2026-09-21T09:00:59'))).toBe(0);
  });

  it('agrees with addWorkingHours', () => {
    const from = cst('2026-09-24T16:45');
    for (const hours of [0, 0.25, 1, 3.5, 7, 20, 60]) {
      expect(calendar.workingTimeBetween(from, calendar.addWorkingHours(from, hours))).toBe(hours * 60);
    }
  });

  it('refuses bad limits and bad office hours', () => {
    const from = cst('2026-09-21T09:00');
    expect(() => calendar.addWorkingHours(from, -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingHours(from, Number.NaN)).toThrow(RangeError);
    expect(() => calendar.addWorkingHours(from, 1, [])).toThrow(RangeError);
    expect(() => calendar.addWorkingHours(from, 1, [{ start: '12:00', end: '09:00' }])).toThrow(RangeError);
    expect(() =>
      calendar.addWorkingHours(from, 1, [
        { start: '09:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ]),
    ).toThrow(/overlap/);
    expect(() => calendar.addWorkingHours(from, 1, [{ start: '9:00', end: '12:00' }])).toThrow(RangeError);
    expect(() => calendar.addWorkingHours(from, 1, [{ start: '09:00', end: '24:01' }])).toThrow(RangeError);
  });
});

describe('provisional years', () => {
  it('detects the years the package has official data for', () => {
    expect(hasOfficialData(2004)).toBe(true);
    expect(hasOfficialData(2026)).toBe(true);
    expect(hasOfficialData(2003)).toBe(false);
    expect(hasOfficialData(2027)).toBe(false);
  });

  it('marks 2027 dates as provisional, and deadlines that end in 2027', () => {
    expect(calendar.isProvisional('2027-03-01')).toBe(true);
    expect(calendar.isProvisional('2026-12-31')).toBe(false);
    expect(calendar.dayDetail('2027-10-01')).toMatchObject({ provisional: true, source: 'weekly' });
    // New Year's Day 2027 is surely a holiday, but without data it counts as a Friday
    const deadline = calendar.addWorkingDays('2026-12-28', 5);
    expect(deadline).toBe('2027-01-04');
    expect(calendar.isProvisional(deadline)).toBe(true);
  });
});

describe('server time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each([
    ['America/New_York', 300],
    ['Pacific/Kiritimati', -840],
    ['Asia/Shanghai', -480],
    ['UTC', 0],
  ])('gives the same answers with TZ=%s', (zone, offsetInJanuary) => {
    process.env.TZ = zone;
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(offsetInJanuary); // the switch took effect
    // chinese-days alone reads '2026-10-01' as 30 September west of UTC
    const fresh = new WorkCalendar();
    expect(fresh.isWorkday('2026-10-01')).toBe(false);
    expect(fresh.isWorkday('2026-10-10')).toBe(true);
    expect(fresh.addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect(fresh.addWorkingHours(cst('2026-09-30T15:00'), 7)).toEqual(cst('2026-10-08T15:00'));
  });
});
