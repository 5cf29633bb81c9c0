-- Background work that is safe with several server copies on one database: rows are claimed
-- with FOR UPDATE SKIP LOCKED under a lease; a job's effect and its completion commit together.
CREATE TABLE job (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 8,
  last_error text,
  locked_by text,
  locked_until timestamptz,
  -- at most one job per key, ever: e.g. one escalation per instance and level
  unique_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX job_due ON job (run_at) WHERE status = 'pending';
CREATE INDEX job_lease ON job (locked_until) WHERE status = 'running';

-- 事务性发件箱: events written in the same transaction as the change that caused them.
CREATE TABLE outbox_event (
  id uuid PRIMARY KEY,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
