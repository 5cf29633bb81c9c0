-- The open datasets are searched in memory by every server copy (opendata/cache.ts): a change to
-- what package_search shows bumps the generation and NOTIFYs the copies at commit. Usage counters
-- (views, downloads) are not in the column lists: counting a download does not rebuild the index.
-- The row is created by the first change (no rows from migrations: a restore loads into empty tables).
CREATE TABLE open_catalog_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  generation bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION open_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO open_catalog_state (id, generation) VALUES (true, 1)
    ON CONFLICT (id) DO UPDATE SET generation = open_catalog_state.generation + 1;
  PERFORM pg_notify('sy_opendata', '');
  RETURN NULL;
END $$;

CREATE TRIGGER open_dataset_changed
  AFTER INSERT OR DELETE OR UPDATE OF name, title, notes, org_id, org_slug, license_id, tags, groups, formats, open_type, update_cycle, search_text, state, modified_at
  ON open_dataset FOR EACH STATEMENT EXECUTE FUNCTION open_catalog_changed();
CREATE TRIGGER open_distribution_changed
  AFTER INSERT OR DELETE OR UPDATE OF name, description, format, kind, sm3, size, position, fields, modified_at
  ON open_distribution FOR EACH STATEMENT EXECUTE FUNCTION open_catalog_changed();
CREATE TRIGGER open_group_changed
  AFTER INSERT OR DELETE OR UPDATE ON open_group FOR EACH STATEMENT EXECUTE FUNCTION open_catalog_changed();
