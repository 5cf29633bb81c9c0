-- Asynchronous audit chaining (docs/decisions/0007): a change writes its audit record here, in
-- its own transaction and without any lock, so that business transactions no longer queue on
-- audit_head. The chainer moves committed rows into audit_log in id order under the head lock,
-- computing seq, prev_hash and hash there. audit_log and its append-only trigger are unchanged.
CREATE TABLE audit_pending (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_name text,
  org_id uuid,
  ip text,
  action text NOT NULL,
  object_type text,
  object_id text,
  result text NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
  details jsonb NOT NULL DEFAULT '{}'
);


-- Every server copy keeps the calendar settings in memory (kernel/calendar/cache.ts): a statement
-- that changes overrides or office hours tells them all, at commit, to forget what they hold.
CREATE FUNCTION calendar_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sy_calendar', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE TRIGGER calendar_override_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_override
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_settings_changed();
CREATE TRIGGER office_hours_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON office_hours
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_settings_changed();
