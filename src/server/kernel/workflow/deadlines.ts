import type { OfficeHours } from '../calendar/office-hours';
import type { WorkCalendar } from '../calendar/work-calendar';
import type { Limit } from './definition';

/** When a limit that starts at `from` ends: working days end at 24:00 Shanghai time, hours within office hours. */
export function dueFrom(calendar: WorkCalendar, from: Date, limit: Limit, officeHours: OfficeHours): Date {
  if ('workingDays' in limit) return calendar.endOfDay(calendar.addWorkingDays(from, limit.workingDays));
  return calendar.addWorkingHours(from, limit.workingHours, officeHours);
}

/**
 * Moves a due time later by the working time that passed while the clock was
 * stopped, so that paused time does not count against the limit.
 */
export function extendByPause(calendar: WorkCalendar, due: Date, pausedFrom: Date, resumedAt: Date, officeHours: OfficeHours): Date {
  const minutes = calendar.workingTimeBetween(pausedFrom, resumedAt, officeHours);
  if (minutes <= 0) return due;
  return calendar.addWorkingHours(due, minutes / 60, officeHours);
}

export type Colour = 'green' | 'yellow' | 'red' | 'paused' | 'none';

/** green on track, yellow in the last quarter of the time, red overdue, paused while the clock stops. */
export function colourOf(enteredAt: Date, dueAt: Date | null, paused: boolean, now = new Date()): Colour {
  if (paused) return 'paused';
  if (!dueAt) return 'none';
  if (now > dueAt) return 'red';
  const total = dueAt.getTime() - enteredAt.getTime();
  return dueAt.getTime() - now.getTime() <= total / 4 ? 'yellow' : 'green';
}
