import { Type } from '@sinclair/typebox';
import { rejectionReasons } from '../store';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const DeviceId = Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,39}$', description: '设备编号，如 YC-DUST-0001（也是 MQTT 用户名）' });
export const TypeCode = Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,19}$', description: '设备类型代码，如 DUST' });
export const QuantityKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$', description: '监测量，如 pm10' });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Instant = Type.String({ format: 'date-time' });

export const QuantitySchema = Type.Object(
  { key: QuantityKey, name: Type.String({ minLength: 1, maxLength: 40 }), unit: Type.String({ maxLength: 20 }), min: Type.Number(), max: Type.Number() },
  { additionalProperties: false, description: '监测量：代码、名称、单位、物理量程（超出即拒收）' },
);

const typeFields = {
  nameZh: Type.String({ minLength: 1, maxLength: 40 }),
  nameEn: Type.String({ minLength: 1, maxLength: 80 }),
  quantities: Type.Array(QuantitySchema, { minItems: 1, maxItems: 32 }),
  expectedIntervalSeconds: Type.Integer({ minimum: 1, maximum: 604800, description: '预期上报间隔（秒）；超过 2 倍即离线' }),
  rawRetentionDays: Type.Integer({ minimum: 1, maximum: 3650, description: '原始数据保留天数（默认 90）' }),
  minuteRetentionDays: Type.Integer({ minimum: 1, maximum: 7300, description: '分钟汇总保留天数（默认 400）' }),
  hourRetentionDays: Type.Integer({ minimum: 1, maximum: 36500, description: '小时汇总保留天数（默认 3650）' }),
};

export const TypeBody = Type.Object(
  {
    code: TypeCode,
    nameZh: typeFields.nameZh,
    nameEn: typeFields.nameEn,
    quantities: typeFields.quantities,
    expectedIntervalSeconds: typeFields.expectedIntervalSeconds,
    rawRetentionDays: Type.Optional(typeFields.rawRetentionDays),
    minuteRetentionDays: Type.Optional(typeFields.minuteRetentionDays),
    hourRetentionDays: Type.Optional(typeFields.hourRetentionDays),
  },
  { additionalProperties: false },
);

export const TypePatchBody = Type.Partial(Type.Object(typeFields), { additionalProperties: false, minProperties: 1 });

export const TypeReply = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  quantities: Type.Array(QuantitySchema),
  expectedIntervalSeconds: Type.Integer(),
  rawRetentionDays: Type.Integer(),
  minuteRetentionDays: Type.Integer(),
  hourRetentionDays: Type.Integer(),
});

const Status = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);
const deviceFields = {
  typeCode: TypeCode,
  name: Type.String({ minLength: 1, maxLength: 60 }),
  ownerOrgId: Type.String({ format: 'uuid', description: '权属单位' }),
  // the range check here is the globe's; the service refuses points outside China with its own error
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  installDate: Nullable(Day),
  status: Status,
};

export const DeviceBody = Type.Object(
  {
    id: DeviceId,
    typeCode: deviceFields.typeCode,
    name: deviceFields.name,
    ownerOrgId: deviceFields.ownerOrgId,
    lng: deviceFields.lng,
    lat: deviceFields.lat,
    installDate: Type.Optional(deviceFields.installDate),
    status: Type.Optional(deviceFields.status),
  },
  { additionalProperties: false },
);

export const DevicePatchBody = Type.Partial(Type.Object(deviceFields), { additionalProperties: false, minProperties: 1 });

const State = Type.Union([Type.Literal('online'), Type.Literal('offline'), Type.Literal('disabled')]);

export const DeviceReply = Type.Object({
  id: Type.String(),
  typeCode: Type.String(),
  typeName: Type.String(),
  name: Type.String(),
  ownerOrgId: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  unitGridCode: Nullable(Type.String()),
  communityCode: Nullable(Type.String()),
  streetCode: Nullable(Type.String()),
  installDate: Nullable(Type.String()),
  status: Status,
  state: State,
  expectedIntervalSeconds: Type.Integer(),
  lastSeenAt: Nullable(Type.String()),
  credentialRotatedAt: Type.String(),
  createdAt: Type.String(),
});

export const TokenNote = '令牌只显示这一次，请立即配置到设备（HTTP：Authorization: Device <编号>:<令牌>；MQTT：用户名为编号，密码为令牌）';

export const DeviceListQuery = Type.Object(
  {
    typeCode: Type.Optional(TypeCode),
    state: Type.Optional(State),
    area: Type.Optional(Type.String({ pattern: '^[0-9]{6,20}$', description: '单元网格、社区或街镇代码' })),
    ownerOrgId: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

export const SeriesQuery = Type.Object(
  { quantity: QuantityKey, from: Type.Optional(Instant), to: Type.Optional(Instant) },
  { additionalProperties: false },
);

const Point = Type.Object({ t: Type.String(), min: Type.Number(), max: Type.Number(), avg: Type.Number(), count: Type.Integer() });
const Resolution = Type.Union([Type.Literal('raw'), Type.Literal('minute'), Type.Literal('hour')]);

export const SeriesReply = Type.Object({
  deviceId: Type.String(),
  quantity: Type.String(),
  unit: Type.String(),
  resolution: Resolution,
  from: Type.String(),
  to: Type.String(),
  points: Type.Array(Point),
});

export const LatestReply = Type.Object({
  deviceId: Type.String(),
  name: Type.String(),
  typeCode: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  state: State,
  values: Type.Array(Type.Object({ quantity: Type.String(), name: Type.String(), unit: Type.String(), value: Type.Number(), ts: Type.String() })),
});

export const AggregateQuery = Type.Object(
  {
    quantity: QuantityKey,
    from: Type.Optional(Instant),
    to: Type.Optional(Instant),
    area: Type.Optional(Type.String({ pattern: '^[0-9]{6,20}$', description: '单元网格、社区或街镇代码（与 bbox 二选一）' })),
    bbox: Type.Optional(Type.String({ maxLength: 100, description: '最小经度,最小纬度,最大经度,最大纬度' })),
    typeCode: Type.Optional(TypeCode),
  },
  { additionalProperties: false },
);

const Agg = { min: Nullable(Type.Number()), max: Nullable(Type.Number()), avg: Nullable(Type.Number()), count: Type.Integer() };
export const AggregateReply = Type.Object({
  quantity: Type.String(),
  resolution: Resolution,
  from: Type.String(),
  to: Type.String(),
  devices: Type.Integer(),
  ...Agg,
  byDevice: Type.Array(Type.Object({ deviceId: Type.String(), min: Type.Number(), max: Type.Number(), avg: Type.Number(), count: Type.Integer() })),
});

const Reason = Type.Union(rejectionReasons.map((r) => Type.Literal(r)));
export const RejectedCounts = Type.Partial(Type.Object(Object.fromEntries(rejectionReasons.map((r) => [r, Type.Integer()])) as Record<(typeof rejectionReasons)[number], ReturnType<typeof Type.Integer>>));

export const RejectionsReply = Type.Object({
  counts: Type.Array(Type.Object({ deviceId: Type.String(), reason: Reason, count: Type.Integer(), firstAt: Type.String(), lastAt: Type.String() })),
  samples: Type.Array(Type.Object({ deviceId: Type.String(), reason: Reason, at: Type.String(), detail: Type.String() })),
});

export const AlarmReply = Type.Object({ id: Type.String(), deviceId: Type.String(), kind: Type.String(), openedAt: Type.String(), closedAt: Nullable(Type.String()), lastSeenAt: Nullable(Type.String()) });

/** The documented body of POST /api/v1/telemetry (checked by the pipeline, reading by reading, not by the framework). */
const Message = Type.Object(
  {
    ts: Type.Optional(Type.Union([Type.String({ description: 'ISO-8601；无时区按北京时间' }), Type.Integer({ description: 'epoch milliseconds' })])),
    values: Type.Record(Type.String(), Type.Number(), { description: '{"pm10": 86.2, "noise": 71.5}' }),
  },
  { description: '一条上报；ts 缺省为服务器收到的时间' },
);
export const TelemetryBody = Type.Union([Message, Type.Array(Message, { maxItems: 1000 })]);

export const TelemetryReply = Type.Object({
  accepted: Type.Integer({ description: '已入库（事务已提交）的读数个数' }),
  rejected: RejectedCounts,
});
