import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { appendAudit } from '../audit/write';
import { AppError } from '../http/problem';
import type { OrgDirectory } from '../identity/org-directory';
import { addDays } from './calendar-date';
import { officeMinutes } from './office-hours';
import { calendarSettingsChanged, loadWorkCalendar, officeHoursFor, type CalendarDb } from './store';

const problem = { $ref: 'Problem#' } as const;
const DateString = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', description: 'YYYY-MM-DD (Asia/Shanghai calendar date)' });
const Day = Type.Object({
  date: Type.String(),
  workday: Type.Boolean(),
  source: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  provisional: Type.Boolean(),
});
const Period = Type.Object({ start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }), end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }) }, { additionalProperties: false });

const badDate = (field: string) =>
  new AppError(400, 'INVALID_DATE', '日期不正确', 'Invalid date', [{ field, code: 'date', message: { zh: '不是有效日期', en: 'not a real date' } }]);
const badRange = () =>
  new AppError(400, 'INVALID_RANGE', '日期范围不正确（结束不早于开始，最长 400 天）', 'Invalid range (to on or after from, at most 400 days)', [
    { field: '/querystring/to', code: 'range', message: { zh: '范围不正确', en: 'bad range' } },
  ]);
const badHours = (reason: string) =>
  new AppError(400, 'INVALID_OFFICE_HOURS', `办公时间设置不正确：${reason}`, `Invalid office hours: ${reason}`, [
    { field: '/body/periods', code: 'office-hours', message: { zh: '办公时间段不正确', en: reason } },
  ]);

function realDate(value: string, field: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw badDate(field);
  return value;
}

/** 工作日历: public reading (citizens see deadlines too); changes are configuration (calendar:manage). */
export function calendarRoutes(app: FastifyInstance, db: CalendarDb, orgs: OrgDirectory): void {
  app.get<{ Querystring: { from: string; to: string } }>(
    '/api/v1/calendar/days',
    {
      config: { access: { public: true } },
      schema: { tags: ['calendar'], summary: '工作日查询 / working days in a range', querystring: Type.Object({ from: DateString, to: DateString }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(Day) }), 400: problem } },
    },
    async (request) => {
      const from = realDate(request.query.from, '/querystring/from');
      const to = realDate(request.query.to, '/querystring/to');
      const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
      if (span < 0 || span > 400) throw badRange();
      const calendar = await loadWorkCalendar(db);
      const items = [];
      for (let day = from; day <= to; day = addDays(day, 1)) items.push(calendar.dayDetail(day));
      return { items };
    },
  );

  app.get<{ Querystring: { from: string; workingDays: number } }>(
    '/api/v1/calendar/deadline',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['calendar'],
        summary: '按工作日计算期限 / a limit in working days (the day of receipt is not counted)',
        querystring: Type.Object({ from: DateString, workingDays: Type.Integer({ minimum: 0, maximum: 1000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ from: Type.String(), workingDays: Type.Integer(), due: Type.String(), dueAt: Type.String(), provisional: Type.Boolean() }), 400: problem },
      },
    },
    async (request) => {
      const from = realDate(request.query.from, '/querystring/from');
      const calendar = await loadWorkCalendar(db);
      const due = calendar.addWorkingDays(from, request.query.workingDays);
      // provisional if any day on the way lies in a year without official data
      const provisional = calendar.isProvisional(from) || calendar.isProvisional(due);
      return { from, workingDays: request.query.workingDays, due, dueAt: calendar.endOfDay(due).toISOString(), provisional };
    },
  );

  app.put<{ Params: { date: string }; Body: { kind: 'workday' | 'holiday'; reason: string } }>(
    '/api/v1/calendar/overrides/:date',
    {
      config: { access: { permission: 'calendar:manage' } },
      schema: {
        tags: ['calendar'],
        summary: '设置调整日（如灾害停工）/ override a day',
        params: Type.Object({ date: DateString }, { additionalProperties: false }),
        body: Type.Object({ kind: Type.Union([Type.Literal('workday'), Type.Literal('holiday')]), reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: Day, 400: problem, 401: problem, 403: problem },
      },
    },
    async (request) => {
      const date = realDate(request.params.date, '/params/date');
      const actor = request.actor!;
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('calendar_override')
          .values({ day: date, kind: request.body.kind, reason: request.body.reason, created_by: actor.accountId, created_at: new Date() })
          .onConflict((oc) => oc.column('day').doUpdateSet({ kind: request.body.kind, reason: request.body.reason, created_by: actor.accountId, created_at: new Date() }))
          .execute();
        await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: request.ip, action: 'calendar.override.set', objectType: 'calendar_day', objectId: date, details: { ...request.body } });
      });
      calendarSettingsChanged(db);
      return (await loadWorkCalendar(db)).dayDetail(date);
    },
  );

  app.delete<{ Params: { date: string } }>(
    '/api/v1/calendar/overrides/:date',
    {
      config: { access: { permission: 'calendar:manage' } },
      schema: { tags: ['calendar'], summary: '撤销调整日 / remove an override', params: Type.Object({ date: DateString }, { additionalProperties: false }), response: { 200: Day, 400: problem, 401: problem, 403: problem } },
    },
    async (request) => {
      const date = realDate(request.params.date, '/params/date');
      const actor = request.actor!;
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('calendar_override').where('day', '=', date).execute();
        await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: request.ip, action: 'calendar.override.remove', objectType: 'calendar_day', objectId: date });
      });
      calendarSettingsChanged(db);
      return (await loadWorkCalendar(db)).dayDetail(date);
    },
  );

  const HoursReply = Type.Object({ orgId: Type.String(), periods: Type.Array(Period), inheritedFrom: Type.Union([Type.String(), Type.Null()]) });
  app.get<{ Params: { orgId: string } }>(
    '/api/v1/calendar/office-hours/:orgId',
    { config: { access: { public: true } }, schema: { tags: ['calendar'], summary: '机构办公时间 / office hours of an organisation', params: Type.Object({ orgId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: { 200: HoursReply, 404: problem } } },
    async (request) => {
      const path = await orgs.pathOf(request.params.orgId);
      if (!path) throw new AppError(404, 'ORG_NOT_FOUND', '组织机构不存在', 'No such organisation');
      const { hours, from } = await officeHoursFor(db, path);
      return { orgId: request.params.orgId, periods: [...hours], inheritedFrom: from === request.params.orgId ? null : from };
    },
  );

  app.put<{ Params: { orgId: string }; Body: { periods: Array<{ start: string; end: string }> } }>(
    '/api/v1/calendar/office-hours/:orgId',
    {
      config: { access: { permission: 'calendar:manage' } },
      schema: {
        tags: ['calendar'],
        summary: '设置机构办公时间 / set office hours (apply to the organisation and its subtree)',
        params: Type.Object({ orgId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        body: Type.Object({ periods: Type.Array(Period, { minItems: 1, maxItems: 6 }) }, { additionalProperties: false }),
        response: { 200: HoursReply, 400: problem, 401: problem, 403: problem, 404: problem },
      },
    },
    async (request) => {
      try {
        officeMinutes(request.body.periods);
      } catch (error) {
        throw badHours((error as Error).message);
      }
      if (!(await orgs.pathOf(request.params.orgId))) throw new AppError(404, 'ORG_NOT_FOUND', '组织机构不存在', 'No such organisation');
      const actor = request.actor!;
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('office_hours')
          .values({ org_id: request.params.orgId, periods: sql`${JSON.stringify(request.body.periods)}::jsonb` as never, updated_by: actor.accountId, updated_at: new Date() })
          .onConflict((oc) => oc.column('org_id').doUpdateSet({ periods: sql`${JSON.stringify(request.body.periods)}::jsonb` as never, updated_by: actor.accountId, updated_at: new Date() }))
          .execute();
        await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: request.ip, action: 'calendar.office-hours.set', objectType: 'org_unit', objectId: request.params.orgId, details: { periods: request.body.periods } });
      });
      calendarSettingsChanged(db);
      return { orgId: request.params.orgId, periods: request.body.periods, inheritedFrom: null };
    },
  );
}
