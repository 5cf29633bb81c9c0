export {
  WorkCalendar,
  hasOfficialData,
  type CalendarOverride,
  type DayDetail,
} from './work-calendar';
export { DEFAULT_OFFICE_HOURS, officeMinutes, type OfficeHours, type OfficePeriod } from './office-hours';
export { type CalendarDate, shanghaiDate, toCalendarDate, assertCalendarDate } from './calendar-date';
export { loadWorkCalendar, officeHoursFor, type CalendarDb, type CalendarTables } from './store';
export { calendarRoutes } from './routes';
