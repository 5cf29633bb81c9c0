-- MQTT: a device that publishes outside its own topic is refused and counted.
ALTER TABLE device_rejection DROP CONSTRAINT device_rejection_reason_check;
ALTER TABLE device_rejection ADD CONSTRAINT device_rejection_reason_check
  CHECK (reason IN ('unknown_device', 'bad_credentials', 'disabled', 'malformed', 'unknown_quantity', 'out_of_range', 'future', 'too_old', 'duplicate', 'no_partition', 'forbidden_topic'));

-- Alarm rules (告警规则) per device type, or for one device of it.
--   threshold: {"op": "above"|"below", "value": 150, "forSeconds": 600}   PM10 > 150 for 10 minutes
--   rate:      {"perMinute": 5}                                          |Δvalue| / minute between consecutive readings above it
--   missing:   {"forSeconds": 1800}                                      no reading of the quantity for that long
--   anomaly:   {"sigmas": 4, "hours": 24, "minCount": 6}                 value farther than k·σ from the mean of the last hours' roll-ups
CREATE TABLE alarm_rule (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  type_code text NOT NULL REFERENCES device_type (code),
  device_id text REFERENCES device (id),          -- null: every device of the type
  quantity text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('threshold', 'rate', 'missing', 'anomaly')),
  params jsonb NOT NULL CHECK (jsonb_typeof(params) = 'object'),
  severity text NOT NULL CHECK (severity IN ('critical', 'major', 'minor', 'warning')),
  -- an alarm of this rule opens one city-management case (数字城管) of this class, source 'sensor'
  case_class_code text,
  enabled boolean NOT NULL DEFAULT true,
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
CREATE INDEX alarm_rule_by_type ON alarm_rule (type_code) WHERE enabled;

-- Bumped with every rule change: each server copy reloads its rule set when it moved.
CREATE TABLE alarm_rule_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL
);

-- device_alarm becomes the one alarm table: silence alarms (no rule) and rule alarms.
-- States: active/cleared (closed_at) × unacknowledged/acknowledged (acknowledged_at), as operators know them.
ALTER TABLE device_alarm DROP CONSTRAINT device_alarm_kind_check;
ALTER TABLE device_alarm ADD CONSTRAINT device_alarm_kind_check CHECK (kind IN ('silent', 'threshold', 'rate', 'missing', 'anomaly'));
ALTER TABLE device_alarm
  ADD COLUMN rule_id uuid REFERENCES alarm_rule (id),   -- a rule with alarms is disabled, never deleted
  ADD COLUMN severity text NOT NULL DEFAULT 'major' CHECK (severity IN ('critical', 'major', 'minor', 'warning')),
  ADD COLUMN quantity text,
  ADD COLUMN value double precision,             -- the reading that raised it
  ADD COLUMN peak double precision,              -- the farthest value while active
  ADD COLUMN detail text,
  ADD COLUMN repeats integer NOT NULL DEFAULT 1,  -- triggers while already active (deduplicated)
  ADD COLUMN last_triggered_at timestamptz,
  ADD COLUMN acknowledged_at timestamptz,
  ADD COLUMN acknowledged_by uuid,
  ADD COLUMN ack_note text,
  ADD COLUMN cleared_by uuid,                    -- null: cleared automatically
  ADD COLUMN case_id uuid,                       -- the city-management case it opened (cases module)
  ADD COLUMN case_no text;
-- one open alarm per device and rule (rule alarms), one per device and kind (silence)
CREATE UNIQUE INDEX device_alarm_one_open_rule ON device_alarm (device_id, rule_id) WHERE closed_at IS NULL AND rule_id IS NOT NULL;
DROP INDEX device_alarm_one_open;
CREATE UNIQUE INDEX device_alarm_one_open ON device_alarm (device_id, kind) WHERE closed_at IS NULL AND rule_id IS NULL;
CREATE INDEX device_alarm_open ON device_alarm (opened_at DESC) WHERE closed_at IS NULL;
