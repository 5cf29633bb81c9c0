import { api } from './client';
import type { paths } from './schema';
import { unwrap } from './unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type CalendarDay = JsonOf<paths['/api/v1/calendar/days']['get']['responses'][200]>['items'][number];
export type Deadline = JsonOf<paths['/api/v1/calendar/deadline']['get']['responses'][200]>;
export type OverrideBody = paths['/api/v1/calendar/overrides/{date}']['put']['requestBody']['content']['application/json'];
export type OverrideKind = OverrideBody['kind'];
export type OfficeHours = JsonOf<paths['/api/v1/calendar/office-hours/{orgId}']['get']['responses'][200]>;
export type OfficePeriod = OfficeHours['periods'][number];

/** GET /api/v1/calendar/days: every day of [from, to] (at most 400 days). */
export const fetchCalendarDays = async (from: string, to: string, signal?: AbortSignal) =>
  (await unwrap(api.GET('/api/v1/calendar/days', { params: { query: { from, to } }, signal }))).items;

/** GET /api/v1/calendar/deadline: the due date `workingDays` working days after `from`. */
export const fetchDeadline = (from: string, workingDays: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/calendar/deadline', { params: { query: { from, workingDays } }, signal }));

export const setOverride = (date: string, body: OverrideBody) =>
  unwrap(api.PUT('/api/v1/calendar/overrides/{date}', { params: { path: { date } }, body }));

export const removeOverride = (date: string) => unwrap(api.DELETE('/api/v1/calendar/overrides/{date}', { params: { path: { date } } }));

export const fetchOfficeHours = (orgId: string, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/calendar/office-hours/{orgId}', { params: { path: { orgId } }, signal }));

export const saveOfficeHours = (orgId: string, periods: OfficePeriod[]) =>
  unwrap(api.PUT('/api/v1/calendar/office-hours/{orgId}', { params: { path: { orgId } }, body: { periods } }));
