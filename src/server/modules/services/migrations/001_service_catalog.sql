-- Service-item catalogue (政务服务事项目录, cn-domain §2). service_item holds the working copy that
-- department administrators edit; what the public sees is the snapshot of its published version in
-- service_item_version (README § Drafts, versions and publication).
CREATE TABLE service_item (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^(0[1-9]|10|20)[0-9]{10}$'),   -- TT MMMMM SSS HH (code.ts)
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  type text NOT NULL CHECK (type IN ('licensing', 'penalty', 'coercion', 'levy', 'payment', 'inspection',
                                     'confirmation', 'award', 'ruling', 'other', 'public_service')),
  parent_id uuid REFERENCES service_item (id),
  tier text NOT NULL CHECK (tier IN ('main', 'sub', 'handling')),
  handling_kind text CHECK (handling_kind IN ('new', 'change', 'renew', 'cancel')),
  -- organisations of the org module (no foreign key: a module owns its tables; ids are checked on write)
  competent_org_id uuid NOT NULL,          -- 主管部门: whose administrators maintain the item
  implementing_org_id uuid,                -- 实施主体; null: every body of the level (each town, each village)
  implementer text NOT NULL,               -- 实施主体 as shown, e.g. 各镇人民政府（街道办事处）便民服务中心
  level text NOT NULL CHECK (level IN ('district', 'town', 'village')),
  legal_basis text NOT NULL,
  target_users text[] NOT NULL CHECK (cardinality(target_users) > 0 AND target_users <@ ARRAY['natural', 'legal']),
  conditions text NOT NULL,
  result_name text NOT NULL DEFAULT '',
  steps jsonb NOT NULL DEFAULT '[]',       -- [{ name, days | null, description }]
  statutory_days integer CHECK (statutory_days BETWEEN 1 AND 365),   -- 法定办结时限 (working days); null: none set by law
  promised_days integer NOT NULL CHECK (promised_days BETWEEN 0 AND 365),   -- 承诺办结时限; 0 for 即办件
  instant boolean NOT NULL DEFAULT false,
  fee_fen bigint NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
  fee_basis text NOT NULL DEFAULT '',
  place text NOT NULL,
  hours text NOT NULL,
  enquiry_phone text NOT NULL,
  complaint_phone text NOT NULL,
  visits smallint NOT NULL CHECK (visits IN (0, 1)),
  online_depth smallint NOT NULL CHECK (online_depth BETWEEN 1 AND 4),
  online boolean NOT NULL DEFAULT false,   -- can be applied for on this platform (application slice)
  life_events text[] NOT NULL DEFAULT '{}',
  topics text[] NOT NULL DEFAULT '{}',
  keywords text[] NOT NULL DEFAULT '{}',   -- synonyms people search with
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  version integer NOT NULL DEFAULT 0,      -- last published version; 0: never published
  revision integer NOT NULL DEFAULT 1,     -- every save of the working copy (optimistic locking)
  published_revision integer,              -- the revision that the last version was made from
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  CHECK ((tier = 'main') = (parent_id IS NULL)),
  CHECK ((tier = 'handling') = (handling_kind IS NOT NULL)),
  CHECK (NOT instant OR promised_days = 0),
  CHECK (statutory_days IS NULL OR promised_days <= statutory_days)
);
CREATE INDEX service_item_competent ON service_item (competent_org_id);
CREATE INDEX service_item_parent ON service_item (parent_id);

-- 申请材料 of the working copy, in order.
CREATE TABLE service_material (
  item_id uuid NOT NULL REFERENCES service_item (id),
  seq integer NOT NULL,
  name text NOT NULL,
  required boolean NOT NULL,
  copies integer NOT NULL CHECK (copies BETWEEN 0 AND 20),
  form text NOT NULL CHECK (form IN ('paper', 'electronic', 'either')),
  note text NOT NULL DEFAULT '',
  sample_file_id uuid,                     -- 样表 / 示范文本 (kernel files)
  shared_source text,                      -- 免提交: obtained by data sharing from this source
  cert_type_code text,                     -- 免提交: an electronic certificate of this type (GB/T 36904 type code)
  cert_name text,
  PRIMARY KEY (item_id, seq)
);

-- 责任清单: each power's duties per stage and the cases of accountability.
CREATE TABLE service_responsibility (
  item_id uuid PRIMARY KEY REFERENCES service_item (id),
  duties jsonb NOT NULL,                   -- [{ stage: 受理责任, content }]
  accountability text NOT NULL
);

-- Every published version, whole: the guide exactly as the public saw it.
CREATE TABLE service_item_version (
  item_id uuid NOT NULL REFERENCES service_item (id),
  version integer NOT NULL,
  snapshot jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  published_by uuid,
  published_by_name text NOT NULL,
  published_at timestamptz NOT NULL,
  PRIMARY KEY (item_id, version)
);

-- Every server copy keeps the published catalogue in memory (catalog-cache.ts). A statement that
-- changes what is published bumps the generation and NOTIFYs sy_services at commit; a copy that is
-- not listening compares the generation instead. (Its one row appears with the first change, so
-- that a freshly migrated database is empty, as a restore requires; no row reads as generation 0.)
CREATE TABLE service_catalog_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  generation bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION service_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO service_catalog_state (id, generation) VALUES (true, 1)
    ON CONFLICT (id) DO UPDATE SET generation = service_catalog_state.generation + 1;
  PERFORM pg_notify('sy_services', TG_OP);
  RETURN NULL;
END $$;
CREATE TRIGGER service_item_catalogue_changed AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF status, version ON service_item
  FOR EACH STATEMENT EXECUTE FUNCTION service_catalog_changed();
