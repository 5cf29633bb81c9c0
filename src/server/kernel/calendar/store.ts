import { sql, type Kysely } from 'kysely';
import { scopeOf } from '../db/scope';
import { CalendarSettingsCache } from './cache';
import type { CalendarDate } from './calendar-date';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficePeriod } from './office-hours';
import { WorkCalendar } from './work-calendar';

export interface CalendarTables {
  calendar_override: { day: string; kind: 'workday' | 'holiday'; reason: string; created_by: string | null; created_at: Date };
  office_hours: { org_id: string; periods: OfficePeriod[]; updated_by: string | null; updated_at: Date };
}

export type CalendarDb = Kysely<CalendarTables>;

/** The settings cache of the database behind `db`, if it has one (databases opened by connect() do). */
function cacheOf(db: CalendarDb): CalendarSettingsCache | null {
  return scopeOf(db)?.use('calendar.settings', (scope) => new CalendarSettingsCache(scope)) ?? null;
}

async function readCalendar(db: CalendarDb): Promise<WorkCalendar> {
  const rows = await db
    .selectFrom('calendar_override')
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'kind', 'reason'])
    .orderBy('day')
    .execute();
  return new WorkCalendar(rows.map((r) => ({ date: r.day as CalendarDate, kind: r.kind, reason: r.reason })));
}

/** The calendar with the administrators' overrides (kept in memory while this process hears of every change). */
export async function loadWorkCalendar(db: CalendarDb): Promise<WorkCalendar> {
  const cache = cacheOf(db);
  return cache ? cache.get('calendar', (d) => readCalendar(d as CalendarDb), db) : readCalendar(db);
}

/** Every organisation's own office hours: one row per organisation that set them. */
async function readAllOfficeHours(db: CalendarDb): Promise<ReadonlyMap<string, OfficeHours>> {
  const rows = await db.selectFrom('office_hours').select(['org_id', 'periods']).execute();
  return new Map(rows.map((r) => [r.org_id, Object.freeze(r.periods.map((p) => Object.freeze({ ...p })))]));
}

/** Office hours of an organisation: its own, else its nearest ancestor's, else the default. */
export async function officeHoursFor(db: CalendarDb, orgPath: readonly string[]): Promise<{ hours: OfficeHours; from: string | null }> {
  if (orgPath.length === 0) return { hours: DEFAULT_OFFICE_HOURS, from: null };
  const cache = cacheOf(db);
  const own = cache
    ? await cache.get('office-hours', (d) => readAllOfficeHours(d as CalendarDb), db)
    : new Map((await db.selectFrom('office_hours').select(['org_id', 'periods']).where('org_id', 'in', [...orgPath]).execute()).map((r) => [r.org_id, r.periods as OfficeHours]));
  for (let i = orgPath.length - 1; i >= 0; i -= 1) {
    const hours = own.get(orgPath[i]!);
    if (hours) return { hours, from: orgPath[i]! };
  }
  return { hours: DEFAULT_OFFICE_HOURS, from: null };
}

/** After this process committed a change to the calendar settings: forget them now (other copies hear it by NOTIFY). */
export function calendarSettingsChanged(db: CalendarDb): void {
  cacheOf(db)?.forget();
}
