-- 单元网格 (GB/T 30428.1): code = district 6 + street 3 + community 3 + sequence 3,
-- numbered west → east, then north → south, within a community.
CREATE TABLE grid_unit (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{15}$'),
  name text NOT NULL,
  community_code text NOT NULL REFERENCES grid_area (code),
  -- GeoJSON Polygon, longitude-latitude
  geometry jsonb NOT NULL CHECK (geometry ->> 'type' = 'Polygon'),
  min_lng double precision NOT NULL,
  min_lat double precision NOT NULL,
  max_lng double precision NOT NULL,
  max_lat double precision NOT NULL,
  -- 责任单位: the organisation answerable for the grid, if one is named
  org_id uuid,
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (left(code, 12) = community_code),
  CHECK (min_lng <= max_lng AND min_lat <= max_lat)
);

CREATE INDEX grid_unit_community ON grid_unit (community_code, code);
-- bounding-box queries of the map (`&&` on the built-in box type; no PostGIS needed)
CREATE INDEX grid_unit_bbox ON grid_unit USING gist (box(point(min_lng, min_lat), point(max_lng, max_lat)));
