-- 流程引擎: one engine for every process (DESIGN §4).
CREATE TABLE wf_definition (
  key text NOT NULL,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, version)
);

CREATE TABLE wf_instance (
  id uuid PRIMARY KEY,
  definition_key text NOT NULL,
  definition_version integer NOT NULL,
  business_module text NOT NULL,
  business_id text NOT NULL,
  business_no text NOT NULL,
  title text NOT NULL,
  state text NOT NULL,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ended', 'withdrawn')),
  initiator_id uuid NOT NULL,
  org_id uuid NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  due_at timestamptz,
  paused_since timestamptz,   -- the clock stops while the process waits (e.g. for corrections)
  ended_at timestamptz,
  FOREIGN KEY (definition_key, definition_version) REFERENCES wf_definition (key, version)
);
CREATE INDEX wf_instance_business ON wf_instance (business_module, business_id);

CREATE TABLE wf_step (
  id uuid PRIMARY KEY,
  instance_id uuid NOT NULL REFERENCES wf_instance (id),
  state text NOT NULL,
  -- who may act: one account, or anyone holding the permission within the organisation scope
  assignee_id uuid,
  permission text,
  org_path uuid[] NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  due_at timestamptz,
  claimed_at timestamptz,
  left_at timestamptz
);
-- the inbox reads open steps only
CREATE INDEX wf_step_open_assignee ON wf_step (assignee_id, due_at) WHERE left_at IS NULL;
CREATE INDEX wf_step_open_permission ON wf_step (permission, due_at) WHERE left_at IS NULL;
CREATE INDEX wf_step_open_org ON wf_step USING gin (org_path) WHERE left_at IS NULL;
CREATE UNIQUE INDEX wf_step_one_open ON wf_step (instance_id) WHERE left_at IS NULL;

CREATE TABLE wf_history (
  id uuid PRIMARY KEY,
  instance_id uuid NOT NULL REFERENCES wf_instance (id),
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  actor_name text,
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  comment text,
  fields jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX wf_history_instance ON wf_history (instance_id, at);

-- business numbers people read (e.g. SP2026112600012): a counter per prefix and day
CREATE TABLE business_sequence (
  prefix text NOT NULL,
  day date NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (prefix, day)
);
