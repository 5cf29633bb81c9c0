-- 数字城管 case classes (部件/事件, CJ/T 214 / GB/T 30428.2): a per-city table, not code.
CREATE TABLE case_class (
  code text PRIMARY KEY CHECK (code ~ '^[CE][0-9]{4}$'),   -- C = 部件 component, E = 事件 event; major 2 + minor 2
  kind text NOT NULL CHECK (kind IN ('component', 'event')),
  major_code text NOT NULL,
  major_name text NOT NULL,
  name text NOT NULL,
  filing_condition text NOT NULL,    -- 立案条件
  closure_condition text NOT NULL,   -- 结案条件
  department text,                   -- 责任单位 (organisation name); null: the locality (属地)
  -- per stage, in working hours or days: {"accept":{"workingHours":1},"handle":{"normal":{…},"urgent":{…}},…}
  limits jsonb NOT NULL,
  public boolean NOT NULL DEFAULT true,   -- offered to citizens and Open311
  keywords text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

CREATE TABLE city_case (
  id uuid PRIMARY KEY,
  case_no text NOT NULL UNIQUE,
  class_code text NOT NULL REFERENCES case_class (code),
  source text NOT NULL CHECK (source IN ('inspector', 'citizen', 'hotline', 'sensor', 'leader', 'open311')),
  urgent boolean NOT NULL DEFAULT false,
  description text NOT NULL,
  address text,
  lng double precision NOT NULL,
  lat double precision NOT NULL,
  unit_grid_code text,
  community_code text,
  street_code text,
  street_org_id uuid,
  reporter_id uuid,                  -- an account, when the reporter has one
  reporter_contact text,             -- SM4 ciphertext of a name/phone given without an account (Open311, hotline)
  status text NOT NULL DEFAULT 'reported',
  department_org_id uuid,
  rework_count integer NOT NULL DEFAULT 0,
  hung boolean NOT NULL DEFAULT false,
  duplicate_of uuid REFERENCES city_case (id),
  instance_id uuid NOT NULL,
  reported_at timestamptz NOT NULL DEFAULT now(),
  filed_at timestamptz,
  dispatched_at timestamptz,
  handled_at timestamptz,
  closed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  open311_api_key uuid,
  media_url text
);
CREATE INDEX city_case_status_reported ON city_case (status, reported_at);
CREATE INDEX city_case_reported ON city_case (reported_at);
CREATE INDEX city_case_class_reported ON city_case (class_code, reported_at);
CREATE INDEX city_case_reporter ON city_case (reporter_id, reported_at) WHERE reporter_id IS NOT NULL;

-- photos before (report), during (verify) and after (feedback, check)
CREATE TABLE case_photo (
  case_id uuid NOT NULL REFERENCES city_case (id),
  file_id uuid NOT NULL,
  phase text NOT NULL CHECK (phase IN ('report', 'verify', 'feedback', 'check')),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, file_id)
);
