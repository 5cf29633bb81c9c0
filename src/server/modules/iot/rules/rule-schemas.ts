/** Request and reply shapes of the alarm rules and alarms (TypeBox: validation + OpenAPI). */
import { Type, type Static } from '@sinclair/typebox';

const Severity = Type.Union([Type.Literal('critical'), Type.Literal('major'), Type.Literal('minor'), Type.Literal('warning')], { description: '严重 critical / 重要 major / 次要 minor / 提示 warning' });

export const ThresholdParams = Type.Object(
  {
    op: Type.Union([Type.Literal('above'), Type.Literal('below')], { description: 'above: 高于; below: 低于' }),
    value: Type.Number(),
    forSeconds: Type.Integer({ minimum: 0, maximum: 86_400, description: '持续时间（秒），0 为立即' }),
  },
  { additionalProperties: false },
);
export const RateParams = Type.Object({ perMinute: Type.Number({ exclusiveMinimum: 0, description: '每分钟变化量上限' }) }, { additionalProperties: false });
export const MissingParams = Type.Object({ forSeconds: Type.Integer({ minimum: 60, maximum: 604_800, description: '无数据多久告警（秒）' }) }, { additionalProperties: false });
export const AnomalyParams = Type.Object(
  {
    sigmas: Type.Number({ minimum: 1, maximum: 20, description: '偏离近期均值的标准差倍数' }),
    hours: Type.Integer({ minimum: 1, maximum: 168, description: '基线时长（小时）' }),
    minCount: Type.Integer({ minimum: 3, maximum: 100_000, description: '基线至少需要的读数' }),
  },
  { additionalProperties: false },
);

const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  severity: Severity,
  caseClassCode: Type.Union([Type.String({ pattern: '^[0-9A-Za-z]{1,20}$' }), Type.Null()], { description: '告警时按此类别自动立数字城管案件（来源：感知）；null 不立案' }),
  enabled: Type.Boolean(),
  notify: Type.Boolean({ description: '告警产生时通知告警处置人员（站内消息），默认 true' }),
};

export const RuleBody = Type.Object(
  {
    name: ruleFields.name,
    typeCode: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,19}$' }),
    deviceId: Type.Optional(Type.Union([Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,39}$' }), Type.Null()])),
    quantity: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }),
    kind: Type.Union([Type.Literal('threshold'), Type.Literal('rate'), Type.Literal('missing'), Type.Literal('anomaly')]),
    params: Type.Union([ThresholdParams, RateParams, MissingParams, AnomalyParams]),
    severity: ruleFields.severity,
    caseClassCode: Type.Optional(ruleFields.caseClassCode),
    notify: Type.Optional(ruleFields.notify),
    enabled: Type.Optional(ruleFields.enabled),
  },
  { additionalProperties: false },
);
export type RuleInput = Static<typeof RuleBody>;

export const RulePatchBody = Type.Partial(
  Type.Object({ name: ruleFields.name, params: RuleBody.properties.params, severity: ruleFields.severity, caseClassCode: ruleFields.caseClassCode, notify: ruleFields.notify, enabled: ruleFields.enabled }, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);
export type RulePatch = Static<typeof RulePatchBody>;

export const RuleReply = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  typeCode: Type.String(),
  deviceId: Type.Union([Type.String(), Type.Null()]),
  quantity: Type.String(),
  kind: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
  severity: Type.String(),
  caseClassCode: Type.Union([Type.String(), Type.Null()]),
  notify: Type.Boolean(),
  enabled: Type.Boolean(),
  openAlarms: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const AlarmReply = Type.Object({
  id: Type.String({ format: 'uuid' }),
  deviceId: Type.String(),
  deviceName: Type.String(),
  typeCode: Type.String(),
  kind: Type.String({ description: 'silent 离线 / threshold 越限 / rate 突变 / missing 缺数 / anomaly 异常' }),
  ruleId: Type.Union([Type.String(), Type.Null()]),
  ruleName: Type.Union([Type.String(), Type.Null()]),
  severity: Type.String(),
  quantity: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.Number(), Type.Null()]),
  peak: Type.Union([Type.Number(), Type.Null()]),
  detail: Type.Union([Type.String(), Type.Null()]),
  repeats: Type.Integer(),
  openedAt: Type.String({ format: 'date-time' }),
  lastTriggeredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  clearedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  clearedAutomatically: Type.Boolean(),
  acknowledgedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  ackNote: Type.Union([Type.String(), Type.Null()]),
  caseId: Type.Union([Type.String(), Type.Null()]),
  caseNo: Type.Union([Type.String(), Type.Null()]),
  lng: Type.Number(),
  lat: Type.Number(),
});

export const AlarmQuery = Type.Object(
  {
    state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('unacknowledged'), Type.Literal('cleared'), Type.Literal('all')], { description: '默认 open（未消除）' })),
    severity: Type.Optional(Severity),
    deviceId: Type.Optional(Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,39}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type AlarmFilter = Static<typeof AlarmQuery>;

export const AckBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
