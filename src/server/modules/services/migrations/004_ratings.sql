-- 好差评 (service ratings, 国办发〔2019〕51号; cn-domain §2): one rating per concluded application on
-- the five national online dimensions; a bad review (overall 1 or 2) opens a rectification process
-- (整改) for the department that handled the application, with return visits (回访) and appeals.

CREATE TABLE service_rating (
  id uuid PRIMARY KEY,
  -- service_application.id (migration 002). No foreign key: the rating keeps what it needs (item,
  -- department) copied in, so statistics never join the applications and the two can evolve apart.
  application_id uuid NOT NULL UNIQUE,       -- 一事一评: once per application
  application_no text NOT NULL,
  item_code text NOT NULL,
  item_name text NOT NULL,
  department_org_id uuid NOT NULL,           -- 谁办理谁负责: the deciding department
  rater_account_id uuid NOT NULL,
  anonymous boolean NOT NULL DEFAULT false,  -- real-name bad reviews get a return visit, always
  overall smallint NOT NULL CHECK (overall BETWEEN 1 AND 5),         -- 整体满意
  efficiency smallint NOT NULL CHECK (efficiency BETWEEN 1 AND 5),   -- 办事效率
  guidance smallint NOT NULL CHECK (guidance BETWEEN 1 AND 5),       -- 指引准确
  convenience smallint NOT NULL CHECK (convenience BETWEEN 1 AND 5), -- 便捷程度
  usability smallint NOT NULL CHECK (usability BETWEEN 1 AND 5),     -- 系统易用
  comment text NOT NULL DEFAULT '',
  bad boolean NOT NULL,                      -- 差评: overall 1 (非常不满意) or 2 (不满意)
  rectification_instance_id uuid,            -- the 整改 process of a bad review
  rectification_state text,                  -- its state, kept in step by the transition hook
  excluded boolean NOT NULL DEFAULT false,   -- an appeal was upheld (申诉成立): out of the statistics
  rated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_rating_department ON service_rating (department_org_id) WHERE NOT excluded;
CREATE INDEX service_rating_item ON service_rating (item_code) WHERE NOT excluded;
CREATE INDEX service_rating_rater ON service_rating (rater_account_id, rated_at DESC);

-- 回访 records of bad reviews
CREATE TABLE service_rating_visit (
  id uuid PRIMARY KEY,
  rating_id uuid NOT NULL REFERENCES service_rating (id),
  visited_by uuid NOT NULL,
  visited_at timestamptz NOT NULL DEFAULT now(),
  method text NOT NULL CHECK (method IN ('phone', 'sms', 'visit', 'online')),
  result text NOT NULL CHECK (result IN ('satisfied', 'basic', 'unsatisfied')),
  note text NOT NULL
);
CREATE INDEX service_rating_visit_rating ON service_rating_visit (rating_id);

-- local rules (cn-domain §2: 5 working days in Dezhou, 15 in Sichuan): one row, created by the
-- first change (no rows from migrations: a restore loads into empty tables); absent = the defaults
CREATE TABLE service_rating_setting (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  rectify_days integer NOT NULL DEFAULT 5 CHECK (rectify_days BETWEEN 1 AND 30),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
