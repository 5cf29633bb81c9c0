-- The inbox asks "open steps of this permission in this organisation" for own-scope roles:
-- the step's own organisation (the last element of its path) as an indexed column.
ALTER TABLE wf_step ADD COLUMN org_id uuid GENERATED ALWAYS AS (org_path[array_length(org_path, 1)]) STORED;
CREATE INDEX wf_step_open_permission_org ON wf_step (permission, org_id, due_at) WHERE left_at IS NULL;
