-- 组织机构: the administrative tree of Yongchuan District.
CREATE TABLE org_unit (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('district', 'department', 'street', 'town', 'community', 'village')),
  parent_id uuid REFERENCES org_unit (id),
  -- ancestors and self, root first; subtree = rows whose path contains an id
  path uuid[] NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((parent_id IS NULL) = (kind = 'district')),
  CHECK (path[array_length(path, 1)] = id)
);

-- one district root
CREATE UNIQUE INDEX org_unit_one_root ON org_unit ((true)) WHERE parent_id IS NULL;
-- sibling names are unique, so that people can tell them apart
CREATE UNIQUE INDEX org_unit_sibling_name ON org_unit (parent_id, name);
CREATE INDEX org_unit_path ON org_unit USING gin (path);
