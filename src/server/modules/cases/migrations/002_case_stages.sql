-- Each step of a case's process as the evaluation (综合评价, CJ/T 292) needs it: which stage,
-- which organisation, entered, due, left, by whom and how. Written by the transition hook.
CREATE TABLE case_stage (
  step_id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES city_case (id),
  stage text NOT NULL,
  org_id uuid NOT NULL,
  entered_at timestamptz NOT NULL,
  due_at timestamptz,
  left_at timestamptz,
  action text,
  actor_id uuid
);
CREATE INDEX case_stage_case ON case_stage (case_id);
CREATE INDEX case_stage_stage_entered ON case_stage (stage, entered_at);
CREATE INDEX city_case_department ON city_case (department_org_id, reported_at);

-- weights of the composite score per kind of evaluation (region, department, inspector)
CREATE TABLE evaluation_weight (
  target text NOT NULL CHECK (target IN ('region', 'department', 'inspector')),
  indicator text NOT NULL,
  weight numeric NOT NULL CHECK (weight >= 0 AND weight <= 100),
  PRIMARY KEY (target, indicator)
);
INSERT INTO evaluation_weight (target, indicator, weight) VALUES
  ('department', 'handledOnTimeRate', 40), ('department', 'closedOnTimeRate', 40), ('department', 'reworkRate', 10), ('department', 'handlingRate', 10),
  ('region', 'closedOnTimeRate', 60), ('region', 'filingRate', 20), ('region', 'inspectorFoundRate', 20),
  ('inspector', 'validReportRate', 40), ('inspector', 'verifiedOnTimeRate', 30), ('inspector', 'checkedOnTimeRate', 30);
