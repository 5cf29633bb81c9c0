-- 工作日历: administrators' overrides of the official arrangement (e.g. a disaster closure day)
-- and office hours per organisation for limits counted in working hours.
CREATE TABLE calendar_override (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('workday', 'holiday')),
  reason text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE office_hours (
  org_id uuid PRIMARY KEY,
  periods jsonb NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);
