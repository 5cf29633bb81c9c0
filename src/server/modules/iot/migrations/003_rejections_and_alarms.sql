-- What ingestion refused, per device and reason (device '*' = every unknown device id), and a
-- small ring of recent samples per device for operators (trimmed to the newest 20 at each write).
CREATE TABLE device_rejection (
  device_id text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('unknown_device', 'bad_credentials', 'disabled', 'malformed', 'unknown_quantity', 'out_of_range', 'future', 'too_old', 'duplicate', 'no_partition')),
  count bigint NOT NULL,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (device_id, reason)
);

CREATE TABLE device_rejection_sample (
  id bigserial PRIMARY KEY,
  device_id text NOT NULL,
  reason text NOT NULL,
  at timestamptz NOT NULL,
  detail text NOT NULL
);
CREATE INDEX device_rejection_sample_by_device ON device_rejection_sample (device_id, id);

-- Device alarms: for now "silent" (no reading for twice the type's expected interval). Opened and
-- closed by a recurring job; at most one open alarm per device and kind.
CREATE TABLE device_alarm (
  id uuid PRIMARY KEY,
  device_id text NOT NULL REFERENCES device (id),
  kind text NOT NULL CHECK (kind IN ('silent')),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  last_seen_at timestamptz            -- the device's last reading when the alarm opened
);
CREATE UNIQUE INDEX device_alarm_one_open ON device_alarm (device_id, kind) WHERE closed_at IS NULL;
CREATE INDEX device_alarm_opened ON device_alarm (opened_at);
