-- 感知 device registry: device types (what they measure, the valid range, how often they report,
-- how long their data is kept) and devices (where, whose, their credential, when last heard from).

CREATE TABLE device_type (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,19}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  -- [{"key":"pm10","name":"PM10","unit":"µg/m³","min":0,"max":2000}, …]: the physical range; a value outside it is refused
  quantities jsonb NOT NULL CHECK (jsonb_typeof(quantities) = 'array' AND jsonb_array_length(quantities) BETWEEN 1 AND 32),
  expected_interval_seconds integer NOT NULL CHECK (expected_interval_seconds BETWEEN 1 AND 604800),
  raw_retention_days integer NOT NULL DEFAULT 90 CHECK (raw_retention_days BETWEEN 1 AND 3650),
  minute_retention_days integer NOT NULL DEFAULT 400 CHECK (minute_retention_days BETWEEN 1 AND 7300),
  hour_retention_days integer NOT NULL DEFAULT 3650 CHECK (hour_retention_days BETWEEN 1 AND 36500),
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

CREATE TABLE device (
  id text PRIMARY KEY CHECK (id ~ '^[A-Z0-9][A-Z0-9-]{2,39}$'),   -- e.g. YC-DUST-0001; also the MQTT user name
  type_code text NOT NULL REFERENCES device_type (code),
  name text NOT NULL,
  owner_org_id uuid NOT NULL,            -- the organisation that owns and answers for the device (org module)
  lng double precision NOT NULL,
  lat double precision NOT NULL,
  unit_grid_code text,                   -- where the grid module places the point; null outside every unit grid
  community_code text,
  street_code text,
  install_date date,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  credential_hash text NOT NULL CHECK (credential_hash ~ '^[0-9a-f]{64}$'),   -- SM3 of the token, which is shown once
  credential_rotated_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,              -- when readings from it were last stored (server time)
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX device_by_type ON device (type_code);
CREATE INDEX device_by_owner ON device (owner_org_id);
CREATE INDEX device_by_unit_grid ON device (unit_grid_code) WHERE unit_grid_code IS NOT NULL;
CREATE INDEX device_by_community ON device (community_code) WHERE community_code IS NOT NULL;
CREATE INDEX device_by_street ON device (street_code) WHERE street_code IS NOT NULL;

-- Bumped in the transaction of every change to types or devices: the ingestion of each server
-- copy reads this one row every few seconds and reloads its registry snapshot when it moved.
-- The row is created by the first change (no rows from migrations: a restore loads into empty tables).
CREATE TABLE device_registry_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
