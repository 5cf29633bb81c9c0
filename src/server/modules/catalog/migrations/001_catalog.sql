-- 政务信息资源目录 (cn-domain §3) and the open data portal (开放数据). catalog_resource holds the
-- working copy a department maintains; `published` is the snapshot the data authority approved,
-- which is what other departments and the open data portal see (README § Publishing).
CREATE TABLE catalog_resource (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,                         -- 资源代码: class code / provider code - sequence
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  catalog_kind text NOT NULL CHECK (catalog_kind IN ('base', 'theme', 'department')),   -- 基础 / 主题 / 部门
  class_code text NOT NULL CHECK (class_code ~ '^[1-3][0-9]{2}([0-9]{3}([0-9]{1,3})?)?$'),  -- 类 项 目 细目
  provider_org_id uuid NOT NULL,                     -- org module id (no foreign key: checked on write)
  abstract text NOT NULL,
  format text NOT NULL CHECK (format IN ('database', 'spreadsheet', 'file', 'image', 'stream', 'api', 'geo')),
  items jsonb NOT NULL,                              -- [{ name, type, length }] 信息项
  share_type text NOT NULL CHECK (share_type IN ('unconditional', 'conditional', 'none')),
  share_condition text NOT NULL DEFAULT '',
  share_basis text NOT NULL DEFAULT '',              -- legal or central-policy basis (有条件/不予共享)
  share_methods text[] NOT NULL DEFAULT '{}' CHECK (share_methods <@ ARRAY['api', 'table', 'file']),
  open_type text NOT NULL CHECK (open_type IN ('unconditional', 'conditional', 'none')),
  open_condition text NOT NULL DEFAULT '',
  update_cycle text NOT NULL CHECK (update_cycle IN ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular')),
  classification text NOT NULL CHECK (classification IN ('public', 'internal', 'secret')),
  related_codes text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'reviewing', 'published', 'returned')),
  published jsonb,                                   -- approved snapshot; null until first approval
  published_on date,                                 -- 发布日期 (first approval)
  instance_id uuid,                                  -- the latest publish-approval process
  revision integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
CREATE INDEX catalog_resource_provider ON catalog_resource (provider_org_id);
CREATE INDEX catalog_resource_published ON catalog_resource (code) WHERE published IS NOT NULL;
-- 涉密进内网: even SQL that bypasses the API cannot store a secret resource on the extranet
CREATE TRIGGER catalog_resource_zone BEFORE INSERT OR UPDATE ON catalog_resource
  FOR EACH ROW EXECUTE FUNCTION refuse_secret_on_extranet();

CREATE TABLE catalog_code_seq (prefix text PRIMARY KEY, last integer NOT NULL);

-- Topics (主题) of the open data portal: CKAN groups.
CREATE TABLE open_group (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9_-]{2,100}$'),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A dataset (CKAN package) derived from a published resource whose open type allows it.
CREATE TABLE open_dataset (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9_-]{2,100}$'),
  title text NOT NULL,
  notes text NOT NULL DEFAULT '',
  resource_id uuid NOT NULL REFERENCES catalog_resource (id),
  org_id uuid NOT NULL,
  org_slug text NOT NULL,                            -- CKAN organization name (from the org code)
  license_id text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  groups text[] NOT NULL DEFAULT '{}',               -- open_group names
  formats text[] NOT NULL DEFAULT '{}',              -- of its distributions, for the res_format facet
  open_type text NOT NULL CHECK (open_type IN ('unconditional', 'conditional')),
  update_cycle text NOT NULL,
  search_text text NOT NULL DEFAULT '',              -- title, notes, tags, organisation: lower case
  state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'deleted')),
  views bigint NOT NULL DEFAULT 0,
  downloads bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
CREATE INDEX open_dataset_modified ON open_dataset (modified_at DESC) WHERE state = 'active';
CREATE INDEX open_dataset_tags ON open_dataset USING gin (tags);
CREATE INDEX open_dataset_groups ON open_dataset USING gin (groups);
CREATE INDEX open_dataset_formats ON open_dataset USING gin (formats);
CREATE INDEX open_dataset_org ON open_dataset (org_slug);

-- A distribution (CKAN resource): a file in the kernel file store, or a live table (datastore).
CREATE TABLE open_distribution (
  id uuid PRIMARY KEY,
  dataset_id uuid NOT NULL REFERENCES open_dataset (id),
  position integer NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  format text NOT NULL CHECK (format IN ('CSV', 'JSON', 'GeoJSON')),
  kind text NOT NULL CHECK (kind IN ('file', 'datastore')),
  file_id uuid,                                      -- the kernel file record when a person uploaded it
  sm3 text,                                          -- the bytes in the kernel file store (kind 'file')
  size bigint,
  fields jsonb NOT NULL DEFAULT '[]',                -- datastore: [{ id, type, label }]
  downloads bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  modified_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (dataset_id, position),
  CHECK ((kind = 'file') = (sm3 IS NOT NULL))
);

CREATE TABLE open_datastore_row (
  distribution_id uuid NOT NULL REFERENCES open_distribution (id),
  row_no integer NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (distribution_id, row_no)
);

-- 有条件开放: who accepted the agreement of which dataset, and when.
CREATE TABLE open_agreement (
  account_id uuid NOT NULL,
  dataset_id uuid NOT NULL REFERENCES open_dataset (id),
  accepted_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  PRIMARY KEY (account_id, dataset_id)
);
