-- Readings: raw values in daily partitions (Asia/Shanghai days); roll-ups per minute (monthly
-- partitions) and per hour, maintained by upsert from each ingested batch. (The latest value of a
-- device is read from `reading` itself: newest partition first, one index probe.) Partitions are created by the iot module (storage/partitions.ts): at
-- start-up, by a recurring job N days ahead, and on demand for a day a batch needs.

-- No foreign key to device: 20,000 rows a second are checked by the ingestion, not per row here.
-- The primary key makes a retransmitted reading (MQTT QoS 1 is at-least-once) a duplicate, not a second value.
CREATE TABLE reading (
  device_id text NOT NULL,
  quantity text NOT NULL,
  ts timestamptz NOT NULL,
  value double precision NOT NULL,
  PRIMARY KEY (device_id, quantity, ts)
) PARTITION BY RANGE (ts);

CREATE TABLE reading_minute (
  device_id text NOT NULL,
  quantity text NOT NULL,
  bucket timestamptz NOT NULL,       -- the minute's start
  min double precision NOT NULL,
  max double precision NOT NULL,
  sum double precision NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (device_id, quantity, bucket)
) PARTITION BY RANGE (bucket);

-- one row per device, quantity and hour: small enough to keep for years without partitions
CREATE TABLE reading_hour (
  device_id text NOT NULL,
  quantity text NOT NULL,
  bucket timestamptz NOT NULL,       -- the hour's start (whole hours are the same in UTC and Asia/Shanghai)
  min double precision NOT NULL,
  max double precision NOT NULL,
  sum double precision NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (device_id, quantity, bucket)
) WITH (fillfactor = 80);
