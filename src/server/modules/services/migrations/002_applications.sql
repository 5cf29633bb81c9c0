-- Online applications (网上申报) and their approval process (cn-domain §2; README § Applications).

-- The application form of an item (typed fields, labels zh/en) and the certificate its approval
-- issues: part of the working copy, copied into every published version's snapshot.
ALTER TABLE service_item
  ADD COLUMN form_fields jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN result_cert_type_code text,          -- 证照类型代码 of the result (issuer credit code + 3 digits)
  ADD COLUMN result_cert_valid_years integer CHECK (result_cert_valid_years BETWEEN 1 AND 50);   -- null: long-term

CREATE TABLE service_application (
  id uuid PRIMARY KEY,
  business_no text UNIQUE,                         -- SP + yyyymmdd + 5 digits; null while a draft
  item_id uuid NOT NULL REFERENCES service_item (id),
  item_code text NOT NULL,
  item_version integer NOT NULL,                   -- the published version the application is judged by
  item_name text NOT NULL,
  deciding_org_id uuid NOT NULL,                   -- the department that decides (back office)
  channel text NOT NULL CHECK (channel IN ('online', 'counter')),
  account_id uuid NOT NULL,                        -- who entered it: the applicant, or the window clerk
  applicant_account_id uuid,                       -- the applicant's own account (null: a counter applicant without one)
  applicant_kind text NOT NULL CHECK (applicant_kind IN ('person', 'legal')),
  applicant_name text NOT NULL,
  applicant_id_enc text NOT NULL,                  -- ID number or credit code, SM4
  applicant_id_index text NOT NULL,                -- keyed SM3 blind index (kind id-number or credit-code)
  phone_enc text,
  phone_index text,
  answers jsonb NOT NULL DEFAULT '{}',             -- the form's answers, by field key
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'correcting', 'reviewing', 'approved', 'denied', 'not_accepted', 'delivered')),
  instance_id uuid UNIQUE,
  idempotency_key text,                            -- the submit request's Idempotency-Key (per account)
  receipt_round integer NOT NULL DEFAULT 0,        -- 1 at submission, +1 at each resubmission after 补正
  corrections jsonb,                               -- the one 补正 notice: [{ material?, note }]
  accepted_at timestamptz,
  deemed_accepted boolean NOT NULL DEFAULT false,  -- accepted by law after 5 working days without a decision
  decided_at timestamptz,
  decision_reason text,
  certificate_id text,
  certificate_no text,
  extended boolean NOT NULL DEFAULT false,         -- the one extension (延期) was granted
  submitted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, idempotency_key)
);
CREATE INDEX service_application_applicant ON service_application (applicant_account_id, created_at DESC);
CREATE INDEX service_application_id_index ON service_application (applicant_id_index);

-- The materials of an application: an uploaded file (kernel files) per material, or the electronic
-- certificate that replaces it (免提交).
CREATE TABLE service_application_material (
  application_id uuid NOT NULL REFERENCES service_application (id),
  seq integer NOT NULL,                            -- the material's place in the version's list (1-based)
  file_id uuid NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  round integer NOT NULL DEFAULT 0,                -- the receipt round it came with (补正 uploads come later)
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (application_id, seq, file_id)
);

-- Progress queries per client address in the last minute (rate limit shared by all server copies).
CREATE TABLE service_progress_attempt (
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_progress_attempt_ip ON service_progress_attempt (ip, at);
