-- 责任网格: the unit grids one inspector (监督员) patrols. A unit grid belongs to at most one.
CREATE TABLE grid_responsibility (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- an identity account (staff); no foreign key: the kernel's table
  inspector_id uuid,
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE grid_responsibility_member (
  unit_code text PRIMARY KEY REFERENCES grid_unit (code),
  responsibility_id uuid NOT NULL REFERENCES grid_responsibility (id)
);

CREATE INDEX grid_responsibility_member_grid ON grid_responsibility_member (responsibility_id, unit_code);
