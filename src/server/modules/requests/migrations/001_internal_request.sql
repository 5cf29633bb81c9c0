-- 内部事项申请: the demo process of the workflow engine (two levels of approval).
CREATE TABLE internal_request (
  id uuid PRIMARY KEY,
  business_no text NOT NULL UNIQUE,
  title text NOT NULL,
  reason text NOT NULL,
  org_id uuid NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  instance_id uuid NOT NULL
);
