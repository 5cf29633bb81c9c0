-- What the data authority approved (the `published` snapshots) is read from memory by the sharing
-- module on every exchange (catalog/published-cache.ts): a change to a snapshot bumps the generation
-- and NOTIFYs every server copy at commit. Working-copy edits do not touch it.
CREATE TABLE catalog_published_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  generation bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION catalog_published_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_published_state (id, generation) VALUES (true, 1)
    ON CONFLICT (id) DO UPDATE SET generation = catalog_published_state.generation + 1;
  PERFORM pg_notify('sy_catalog_published', '');
  RETURN NULL;
END $$;

CREATE TRIGGER catalog_resource_published_changed
  AFTER INSERT OR DELETE OR UPDATE OF published, provider_org_id
  ON catalog_resource FOR EACH STATEMENT EXECUTE FUNCTION catalog_published_changed();
