-- 行政区划 for 数字城管: district (6 digits) → street/town (9) → community/village (12).
-- Names and org ids mirror the org module's tree (synced through its public API at start-up);
-- the geometry is this module's own.
CREATE TABLE grid_area (
  code text PRIMARY KEY,
  name text NOT NULL,
  -- tier: district, street (街道 and 镇), community (社区 and 村)
  level text NOT NULL CHECK (level IN ('district', 'street', 'community')),
  kind text NOT NULL CHECK (kind IN ('district', 'street', 'town', 'community', 'village')),
  -- deferred: a restore loads rows in storage order, which after updates need not put parents first
  parent_code text REFERENCES grid_area (code) DEFERRABLE INITIALLY DEFERRED,
  -- the org module's unit of the same code, when it has one (no foreign key: another module's table)
  org_id uuid,
  -- GeoJSON Polygon or MultiPolygon in WGS 84 / CGCS2000 longitude-latitude; null until known
  geometry jsonb,
  min_lng double precision,
  min_lat double precision,
  max_lng double precision,
  max_lat double precision,
  demo boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
  CHECK (length(code) = CASE level WHEN 'district' THEN 6 WHEN 'street' THEN 9 ELSE 12 END),
  CHECK ((level = 'district') = (parent_code IS NULL)),
  CHECK (geometry IS NULL OR geometry ->> 'type' IN ('Polygon', 'MultiPolygon')),
  CHECK (level = CASE kind WHEN 'district' THEN 'district' WHEN 'street' THEN 'street' WHEN 'town' THEN 'street' ELSE 'community' END),
  CHECK (num_nulls(geometry, min_lng, min_lat, max_lng, max_lat) IN (0, 5))
);

CREATE INDEX grid_area_level ON grid_area (level, code);
CREATE INDEX grid_area_parent ON grid_area (parent_code);
