-- Audit retention: the oldest records may be purged after the retention period, but only by the
-- retention job (it sets sy.audit_purge for its own transaction). The anchor keeps the hash of
-- the last purged record, so that verification starts from there and still catches tampering.
CREATE TABLE audit_anchor (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq bigint NOT NULL,
  hash text NOT NULL,
  purged_at timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('sy.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (安全审计记录不可修改或删除)';
END $$;

-- 涉密进内网: the deployment zone, written at every start. Tables holding classified records
-- attach refuse_secret_on_extranet(), so that even SQL that bypasses the API cannot store
-- secret data on an extranet deployment.
CREATE TABLE platform_setting (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  zone text NOT NULL CHECK (zone IN ('extranet', 'intranet'))
);

CREATE FUNCTION refuse_secret_on_extranet() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.classification = 'secret' AND COALESCE((SELECT zone FROM platform_setting), 'extranet') = 'extranet' THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'classified (secret) data is refused on an extranet deployment (涉密数据不得进入外网)',
      HINT = 'SECRET_ON_EXTRANET';
  END IF;
  RETURN NEW;
END $$;
