-- 会签/或签: a countersign state has one open step per organisation asked, so "one open
-- step per instance" becomes "one open step per instance and organisation".
DROP INDEX wf_step_one_open;
CREATE UNIQUE INDEX wf_step_one_open_per_org ON wf_step (instance_id, org_id) WHERE left_at IS NULL;
-- a countersign vote ('agree' | 'disagree'), or 'void' when the vote was no longer needed
ALTER TABLE wf_step ADD COLUMN outcome text CHECK (outcome IN ('agree', 'disagree', 'void'));
ALTER TABLE wf_history ADD COLUMN step_id uuid;

-- 延期: a request to extend a step's time limit, decided through its own small process.
CREATE TABLE wf_extension (
  id uuid PRIMARY KEY,
  instance_id uuid NOT NULL REFERENCES wf_instance (id),
  step_id uuid NOT NULL REFERENCES wf_step (id),
  working_days integer NOT NULL CHECK (working_days BETWEEN 1 AND 60),
  reason text NOT NULL,
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  decided_at timestamptz,
  approval_instance_id uuid REFERENCES wf_instance (id)
);
-- one pending request per step
CREATE UNIQUE INDEX wf_extension_one_pending ON wf_extension (step_id) WHERE status = 'pending';
