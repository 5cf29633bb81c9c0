-- 政民互动: letters to the district head and departments, consultations, complaints and
-- suggestions, handled as hotline-style tickets (工单) on the workflow engine.

-- The kinds of ticket and their handling limit in working days: configuration, edited by the
-- system administrator; the rows are written by the module's seed (not here), so that a
-- restore into a fresh schema does not collide with them.
CREATE TABLE ticket_kind (
  code text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,20}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  limit_days integer NOT NULL CHECK (limit_days BETWEEN 1 AND 60),
  sort integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);

CREATE TABLE ticket (
  id uuid PRIMARY KEY,
  ticket_no text NOT NULL UNIQUE,                 -- XJ + yyyymmdd + 5-digit daily sequence
  kind text NOT NULL REFERENCES ticket_kind (code),
  channel text NOT NULL CHECK (channel IN ('portal', 'hotline')),
  title text NOT NULL,
  content text NOT NULL,
  -- the department a letter is addressed to (部门信箱), a wish: the centre dispatches
  addressed_org_id uuid,
  writer_account_id uuid,                         -- null: anonymous, or a caller without an account
  writer_name text,                               -- as given; shown masked to the public
  writer_phone text,                              -- SM4 ciphertext
  writer_phone_hash text,                         -- keyed SM3 (blind index) for exact lookup
  public_wish boolean NOT NULL,                   -- 公开意愿: the writer agrees to publication
  publication text CHECK (publication IN ('approved', 'refused')),
  published_at timestamptz,
  limit_days integer NOT NULL,                    -- the kind's limit when the ticket was written
  status text NOT NULL DEFAULT 'registered',
  department_org_id uuid,                         -- where it was dispatched
  reply text,
  replied_at timestamptz,
  replied_by uuid,
  satisfaction text CHECK (satisfaction IN ('satisfied', 'unsatisfied')),
  redo_count integer NOT NULL DEFAULT 0,
  return_count integer NOT NULL DEFAULT 0,
  instance_id uuid NOT NULL,
  registered_by uuid,                             -- the operator who took a hotline call
  written_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_status_written ON ticket (status, written_at DESC);
CREATE INDEX ticket_writer ON ticket (writer_account_id, written_at DESC) WHERE writer_account_id IS NOT NULL;
CREATE INDEX ticket_phone ON ticket (writer_phone_hash, written_at DESC) WHERE writer_phone_hash IS NOT NULL;
CREATE INDEX ticket_public ON ticket (published_at DESC) WHERE publication = 'approved';

CREATE TABLE ticket_file (
  ticket_id uuid NOT NULL REFERENCES ticket (id),
  file_id uuid NOT NULL,
  phase text NOT NULL DEFAULT 'letter' CHECK (phase IN ('letter', 'reply')),   -- with the letter, or with the reply
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, file_id)
);

-- 催办: a notice to whoever holds the ticket now, recorded
CREATE TABLE ticket_chase (
  id uuid PRIMARY KEY,
  ticket_id uuid NOT NULL REFERENCES ticket (id),
  step_state text NOT NULL,
  org_id uuid,
  comment text NOT NULL,
  notified integer NOT NULL,
  by_account uuid NOT NULL,
  by_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ticket_chase_ticket ON ticket_chase (ticket_id, at);
