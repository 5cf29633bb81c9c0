-- 挂起: a running process may be suspended (its clock stops, no action is possible) and resumed.
ALTER TABLE wf_instance ADD COLUMN suspended_at timestamptz;
ALTER TABLE wf_instance ADD COLUMN suspended_by uuid;
