import { sql, type Kysely } from 'kysely';
import type { CalendarDate } from './calendar-date';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficePeriod } from './office-hours';
import { WorkCalendar } from './work-calendar';

export interface CalendarTables {
  calendar_override: { day: string; kind: 'workday' | 'holiday'; reason: string; created_by: string | null; created_at: Date };
  office_hours: { org_id: string; periods: OfficePeriod[]; updated_by: string | null; updated_at: Date };
}

export type CalendarDb = Kysely<CalendarTables>;

/** The calendar with the administrators' overrides (a handful of rows: read per use). */
export async function loadWorkCalendar(db: CalendarDb): Promise<WorkCalendar> {
  const rows = await db
    .selectFrom('calendar_override')
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'kind', 'reason'])
    .orderBy('day')
    .execute();
  return new WorkCalendar(rows.map((r) => ({ date: r.day as CalendarDate, kind: r.kind, reason: r.reason })));
}

/** Office hours of an organisation: its own, else its nearest ancestor's, else the default. */
export async function officeHoursFor(db: CalendarDb, orgPath: readonly string[]): Promise<{ hours: OfficeHours; from: string | null }> {
  if (orgPath.length === 0) return { hours: DEFAULT_OFFICE_HOURS, from: null };
  const rows = await db.selectFrom('office_hours').select(['org_id', 'periods']).where('org_id', 'in', [...orgPath]).execute();
  for (let i = orgPath.length - 1; i >= 0; i -= 1) {
    const row = rows.find((r) => r.org_id === orgPath[i]);
    if (row) return { hours: row.periods, from: row.org_id };
  }
  return { hours: DEFAULT_OFFICE_HOURS, from: null };
}
