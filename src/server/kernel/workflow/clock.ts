import { loadWorkCalendar, officeHoursFor, type CalendarDb } from '../calendar';
import type { OfficeHours } from '../calendar/office-hours';
import type { WorkCalendar } from '../calendar/work-calendar';
import type { WorkflowDb } from './tables';

export interface Clock {
  calendar: WorkCalendar;
  hours: OfficeHours;
}

/** The working calendar and the office hours that apply to an organisation. */
export async function clockFor(tx: WorkflowDb, orgPath: string[]): Promise<Clock> {
  const calendar = await loadWorkCalendar(tx as unknown as CalendarDb);
  const { hours } = await officeHoursFor(tx as unknown as CalendarDb, orgPath);
  return { calendar, hours };
}
