/** Routes of the alarm rules (规则) and the alarm console (告警). Thin: access → schema → service → reply. */
import { Type } from '@sinclair/typebox';
import type { RouteAccess } from '../../../kernel/access';
import type { EventBus } from '../../../kernel/events/bus';
import type { App } from '../../../kernel/module';
import { acknowledgeAlarm, clearAlarm, listAlarms } from '../rules/alarm-console';
import { AckBody, AlarmQuery, AlarmReply, RuleBody, RulePatchBody, RuleReply, type AlarmFilter, type RuleInput, type RulePatch } from '../rules/rule-schemas';
import { ruleService, type RuleDeps } from '../rules/rule-service';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const read: { access: RouteAccess } = { access: { anyPermission: ['iot:read', 'iot:devices.manage'] } };
const manageRules: { access: RouteAccess } = { access: { permission: 'iot:rules.manage' } };
const handleAlarms: { access: RouteAccess } = { access: { permission: 'iot:alarms.handle' } };
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const tags = ['iot'];

export function alarmRoutes(app: App, deps: RuleDeps & { events: Pick<EventBus, 'publish'>; alarmsChanged: () => void }): void {
  const { db } = deps;

  app.get('/api/v1/iot/rules', {
    config: read,
    schema: { tags, summary: '告警规则 / alarm rules', response: { 200: Type.Object({ items: Type.Array(RuleReply) }), ...errors } },
  }, async () => ({ items: await ruleService.list(db) }));

  app.post<{ Body: RuleInput }>('/api/v1/iot/rules', {
    config: manageRules,
    schema: {
      tags,
      summary: '新建告警规则 / create an alarm rule',
      description: 'kind threshold: params {op: above|below, value, forSeconds}; rate: {perMinute}; missing: {forSeconds}; anomaly: {sigmas, hours, minCount}. caseClassCode: open a city-management case per alarm.',
      body: RuleBody,
      response: { 201: RuleReply, ...errors },
    },
  }, async (request, reply) => reply.code(201).send(await ruleService.create(deps, request.actor!, request.ip ?? null, request.body)));

  app.patch<{ Params: { id: string }; Body: RulePatch }>('/api/v1/iot/rules/:id', {
    config: manageRules,
    schema: { tags, summary: '修改、启用或停用告警规则 / change, enable or disable a rule', params: IdParams, body: RulePatchBody, response: { 200: RuleReply, ...errors } },
  }, async (request) => ruleService.update(deps, request.actor!, request.ip ?? null, request.params.id, request.body));

  app.get<{ Querystring: AlarmFilter }>('/api/v1/iot/alarms', {
    config: read,
    schema: {
      tags,
      summary: '告警（失联、越限、突变、缺数、异常）/ alarms',
      description: 'state: open (default), unacknowledged, cleared or all; open alarms first, by severity, newest first.',
      querystring: AlarmQuery,
      response: { 200: Type.Object({ items: Type.Array(AlarmReply) }), ...errors },
    },
  }, async (request) => ({ items: await listAlarms(db, request.query) }));

  app.post<{ Params: { id: string }; Body: { note?: string } }>('/api/v1/iot/alarms/:id/acknowledge', {
    config: handleAlarms,
    schema: { tags, summary: '确认告警 / acknowledge an alarm', params: IdParams, body: AckBody, response: { 200: AlarmReply, ...errors } },
  }, async (request) => acknowledgeAlarm(db, request.actor!, request.ip ?? null, request.params.id, request.body.note ?? null));

  app.post<{ Params: { id: string }; Body: { note?: string } }>('/api/v1/iot/alarms/:id/clear', {
    config: handleAlarms,
    schema: { tags, summary: '人工消除告警 / clear an alarm by hand', params: IdParams, body: AckBody, response: { 200: AlarmReply, ...errors } },
  }, async (request) => {
    const cleared = await clearAlarm(db, deps.events, request.actor!, request.ip ?? null, request.params.id, request.body.note ?? null);
    deps.alarmsChanged();
    return cleared;
  });
}
