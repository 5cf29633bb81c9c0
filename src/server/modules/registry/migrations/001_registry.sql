-- Base registers (基础库): natural persons (自然人), legal persons (法人), places (地理空间/标准地址).
-- Personal values (ID number, phone) are SM4-GCM ciphertext with a keyed SM3 blind index beside them.
-- Records are never deleted: a change of status is a new version.

CREATE TABLE registry_person (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  id_number_enc text NOT NULL,
  id_number_index text NOT NULL UNIQUE,          -- blind index: exact lookup and duplicate check
  sex text NOT NULL CHECK (sex IN ('male', 'female')),   -- derived from the ID number
  birth_date date NOT NULL,                              -- derived from the ID number
  household_address text,                                -- 户籍地址
  phone_enc text,
  status text NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'deceased', 'moved_out', 'cancelled')),
  source_org_id uuid NOT NULL,                   -- 来源部门 of the latest version
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- name prefix search (text_pattern_ops makes LIKE 'x%' use the index whatever the collation)
CREATE INDEX registry_person_name ON registry_person (name text_pattern_ops);

CREATE TABLE registry_legal (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  credit_code text NOT NULL UNIQUE,              -- 统一社会信用代码 (GB 32100), public by law
  entity_type text NOT NULL,                     -- authority + type digits, derived from the code ('91')
  legal_rep text,                                -- 法定代表人
  registered_address text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deregistered', 'revoked')),  -- 存续/注销/吊销
  industry_code text CHECK (industry_code ~ '^[A-T]([0-9]{2,4})?$'),  -- GB/T 4754 国民经济行业分类
  established_on date,
  source_org_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_legal_name ON registry_legal (name text_pattern_ops);

CREATE TABLE registry_place (
  id uuid PRIMARY KEY,
  address text NOT NULL UNIQUE,                  -- 标准地址: 区-街镇-社区-路-号, composed from the parts
  street text NOT NULL,                          -- 街道/镇
  community text NOT NULL,                       -- 社区/村
  road text NOT NULL,
  house_no text NOT NULL,
  lng double precision NOT NULL,
  lat double precision NOT NULL,
  unit_grid_code text,                           -- from the grid module at the coordinates
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  source_org_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per version of a record: who, when, which source department, what changed.
-- Personal fields are listed by name only ({"phone": {"changed": true}}): history never holds them in clear.
CREATE TABLE registry_version (
  register text NOT NULL CHECK (register IN ('persons', 'legal-persons', 'places')),
  record_id uuid NOT NULL,
  version integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text,
  source_org_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('create', 'update', 'import', 'correction')),
  reason text,
  changes jsonb NOT NULL,
  PRIMARY KEY (register, record_id, version)
);

-- Field-level access: a field of a register is visible to a role only when granted here.
CREATE TABLE registry_field_grant (
  register text NOT NULL,
  field text NOT NULL,
  role_code text NOT NULL,
  granted_by uuid,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (register, field, role_code)
);

-- 异议校核: a using department's objection to one field of a record, decided by the owning department.
CREATE TABLE registry_objection (
  id uuid PRIMARY KEY,
  objection_no text NOT NULL UNIQUE,
  register text NOT NULL,
  record_id uuid NOT NULL,
  field text NOT NULL,
  proposed_enc text NOT NULL,                    -- the proposed value, encrypted (it may be personal)
  reason text NOT NULL,
  evidence uuid[] NOT NULL DEFAULT '{}',         -- attachment ids
  raised_by uuid NOT NULL,
  raised_org_id uuid,
  owner_org_id uuid NOT NULL,
  instance_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
  decided_at timestamptz,
  decision_note text,
  applied_version integer,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX registry_objection_record ON registry_objection (register, record_id);
