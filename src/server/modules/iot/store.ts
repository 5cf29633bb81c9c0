import type { ColumnType, Generated, Kysely } from 'kysely';

/** One measured quantity of a device type: its key in payloads, label, unit and physical range. */
export interface Quantity {
  key: string;
  name: string;
  unit: string;
  min: number;
  max: number;
}

export type DeviceStatus = 'active' | 'disabled';

export const rejectionReasons = ['unknown_device', 'bad_credentials', 'disabled', 'malformed', 'unknown_quantity', 'out_of_range', 'future', 'too_old', 'duplicate', 'no_partition', 'forbidden_topic'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const ruleKinds = ['threshold', 'rate', 'missing', 'anomaly'] as const;
export type RuleKind = (typeof ruleKinds)[number];
export type AlarmKind = 'silent' | RuleKind;
export const severities = ['critical', 'major', 'minor', 'warning'] as const;
export type Severity = (typeof severities)[number];

/** A rule's parameters by kind (alarm_rule.params). */
export type RuleParams =
  | { op: 'above' | 'below'; value: number; forSeconds: number }
  | { perMinute: number }
  | { forSeconds: number }
  | { sigmas: number; hours: number; minCount: number };

/** jsonb: read parsed, written as JSON text */
type Json<T> = ColumnType<T, string, string>;
/** date columns come back as Date from pg; written as 'YYYY-MM-DD' */
type DateOnly = ColumnType<Date | null, string | null, string | null>;

/** The tables the iot module owns (its migrations). */
export interface IotTables {
  device_type: {
    code: string;
    name_zh: string;
    name_en: string;
    quantities: Json<Quantity[]>;
    expected_interval_seconds: number;
    raw_retention_days: Generated<number>;
    minute_retention_days: Generated<number>;
    hour_retention_days: Generated<number>;
    demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  device: {
    id: string;
    type_code: string;
    name: string;
    owner_org_id: string;
    lng: number;
    lat: number;
    unit_grid_code: string | null;
    community_code: string | null;
    street_code: string | null;
    install_date: DateOnly;
    status: Generated<DeviceStatus>;
    credential_hash: string;
    credential_rotated_at: Generated<Date>;
    last_seen_at: Date | null;
    demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  device_registry_version: { id: Generated<boolean>; version: number; changed_at: Generated<Date> };
  reading: { device_id: string; quantity: string; ts: Date; value: number };
  reading_minute: { device_id: string; quantity: string; bucket: Date; min: number; max: number; sum: number; count: number };
  reading_hour: { device_id: string; quantity: string; bucket: Date; min: number; max: number; sum: number; count: number };
  device_rejection: { device_id: string; reason: RejectionReason; count: number; first_at: Date; last_at: Date };
  device_rejection_sample: { id: Generated<number>; device_id: string; reason: RejectionReason; at: Date; detail: string };
  device_alarm: {
    id: string;
    device_id: string;
    kind: AlarmKind;
    opened_at: Generated<Date>;
    closed_at: Date | null;
    last_seen_at: Date | null;
    rule_id: string | null;
    severity: Generated<Severity>;
    quantity: string | null;
    value: number | null;
    peak: number | null;
    detail: string | null;
    repeats: Generated<number>;
    last_triggered_at: Date | null;
    acknowledged_at: Date | null;
    acknowledged_by: string | null;
    ack_note: string | null;
    cleared_by: string | null;
    case_id: string | null;
    case_no: string | null;
  };
  alarm_rule: {
    id: string;
    name: string;
    type_code: string;
    device_id: string | null;
    quantity: string;
    kind: RuleKind;
    params: Json<RuleParams>;
    severity: Severity;
    case_class_code: string | null;
    notify: Generated<boolean>;
    enabled: Generated<boolean>;
    demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  alarm_rule_version: { id: Generated<boolean>; version: number };
}

export type IotDb = Kysely<IotTables>;
