-- 信息公开: articles published by departments (主动公开), and requests for disclosure (依申请公开).

CREATE TABLE disclosure_article (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,                    -- the publishing organisation (发布机构)
  category text NOT NULL,                  -- code of categories.ts (政策文件, 政策解读, 通知公告 …)
  title text NOT NULL,
  doc_no text,                             -- 文号, e.g. 永川府发〔2026〕12号
  body text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'reviewing', 'published', 'withdrawn')),
  instance_id uuid,                        -- the latest approval process
  review_note text,                        -- the reviewer's reason when an approval was refused
  created_by uuid NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  withdrawn_at timestamptz,
  withdraw_reason text
);
CREATE INDEX disclosure_article_public ON disclosure_article (published_at DESC) WHERE status = 'published';
CREATE INDEX disclosure_article_org ON disclosure_article (org_id, updated_at DESC);

CREATE TABLE disclosure_article_file (
  article_id uuid NOT NULL REFERENCES disclosure_article (id),
  file_id uuid NOT NULL,
  name text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, file_id)
);

-- 依申请公开 (政府信息公开条例 Art. 27–33): answered within 20 working days, extendable by 20
CREATE TABLE disclosure_request (
  id uuid PRIMARY KEY,
  request_no text NOT NULL UNIQUE,         -- GK + yyyymmdd + 5-digit daily sequence
  org_id uuid NOT NULL,                    -- the agency asked
  applicant_account_id uuid NOT NULL,
  applicant_name text NOT NULL,
  applicant_kind text NOT NULL CHECK (applicant_kind IN ('citizen', 'enterprise')),
  contact text,                            -- SM4 ciphertext: phone, e-mail or postal address for the delivery
  description text NOT NULL,               -- 所需信息的内容描述
  purpose text NOT NULL,                   -- 用途
  delivery text NOT NULL CHECK (delivery IN ('online', 'email', 'post', 'pickup')),
  status text NOT NULL DEFAULT 'received',
  answer_type text CHECK (answer_type IN ('disclose', 'partial', 'refuse', 'not_exist', 'not_ours', 'not_government_info')),
  answer text,
  legal_basis text,
  answered_at timestamptz,
  instance_id uuid NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX disclosure_request_org ON disclosure_request (org_id, submitted_at DESC);
CREATE INDEX disclosure_request_applicant ON disclosure_request (applicant_account_id, submitted_at DESC);

CREATE TABLE disclosure_request_file (
  request_id uuid NOT NULL REFERENCES disclosure_request (id),
  file_id uuid NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, file_id)
);
