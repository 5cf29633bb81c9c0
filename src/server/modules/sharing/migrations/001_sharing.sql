-- 共享交换 (cn-domain §3; issue 8 item 3): consumer systems with their keys, share requests decided
-- as a process, grants of fields per system with an end date, the data behind resources, and the
-- signed log of every exchange. Resource ids and codes are the catalogue's; organisations the org
-- module's (no foreign keys across modules: checked on write).

-- 应用系统: a department's system that calls the exchange API.
CREATE TABLE share_system (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, name)
);

-- Keys of a system: only the SM3 hash is kept; the secret is shown once.
CREATE TABLE share_system_key (
  id uuid PRIMARY KEY,
  system_id uuid NOT NULL REFERENCES share_system (id),
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX share_system_key_system ON share_system_key (system_id);

-- Where a resource's rows come from: a base register (items bound to register fields) or a table
-- the provider keeps here (table exchange).
CREATE TABLE share_source (
  resource_id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('registry', 'table')),
  register text CHECK (register IN ('persons', 'legal-persons', 'places')),
  bindings jsonb NOT NULL DEFAULT '{}',        -- item name → register field (registry sources)
  key_item text,                               -- the item a register is looked up by
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  CHECK ((kind = 'registry') = (register IS NOT NULL AND key_item IS NOT NULL))
);

CREATE TABLE share_row (
  resource_id uuid NOT NULL REFERENCES share_source (resource_id),
  row_no integer NOT NULL,
  record jsonb NOT NULL,                       -- item name → value
  PRIMARY KEY (resource_id, row_no)
);
CREATE INDEX share_row_record ON share_row USING gin (record jsonb_path_ops);

-- 共享申请: decided by the data authority (合规审核, 2 working days), then the provider (10 working days).
CREATE SEQUENCE share_request_no;
CREATE TABLE share_request (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  resource_id uuid NOT NULL,
  resource_code text NOT NULL,
  provider_org_id uuid NOT NULL,
  consumer_org_id uuid NOT NULL,
  system_id uuid NOT NULL REFERENCES share_system (id),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 5 AND 1000),
  fields text[] NOT NULL CHECK (cardinality(fields) > 0),
  period_from date NOT NULL,
  period_to date NOT NULL CHECK (period_to >= period_from),
  legal_basis text NOT NULL CHECK (length(legal_basis) BETWEEN 2 AND 500),
  status text NOT NULL DEFAULT 'compliance' CHECK (status IN ('compliance', 'provider', 'granted', 'refused', 'withdrawn')),
  refused_by text CHECK (refused_by IN ('authority', 'provider')),
  reason text,
  instance_id uuid,
  grant_id uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz
);
CREATE INDEX share_request_consumer ON share_request (consumer_org_id, created_at DESC);
CREATE INDEX share_request_provider ON share_request (provider_org_id, created_at DESC);

-- 授权: fields of one resource for one system, from a date to an end date; rows may be limited by
-- item values. Unconditional resources need no grant.
CREATE TABLE share_grant (
  id uuid PRIMARY KEY,
  resource_id uuid NOT NULL,
  resource_code text NOT NULL,
  provider_org_id uuid NOT NULL,
  system_id uuid NOT NULL REFERENCES share_system (id),
  consumer_org_id uuid NOT NULL,
  fields text[] NOT NULL CHECK (cardinality(fields) > 0),
  row_filter jsonb NOT NULL DEFAULT '{}',      -- item name → allowed values
  valid_from date NOT NULL,
  valid_until date NOT NULL CHECK (valid_until >= valid_from),
  request_id uuid REFERENCES share_request (id),
  revoked_at timestamptz,
  revoked_reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX share_grant_system ON share_grant (system_id, resource_id);

-- The platform's SM2 key that signs the exchange log (private key under the field key, SM4).
CREATE TABLE share_signing_key (
  id uuid PRIMARY KEY,
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Exchanges are signed in batches: one SM2 signature over the SM3 Merkle root of the batch's
-- entries (as X-Road's batch signatures), so a proof for one entry is its path to the root.
CREATE TABLE share_exchange_batch (
  id bigserial PRIMARY KEY,
  signed_at timestamptz NOT NULL,
  size integer NOT NULL,
  root text NOT NULL,
  signature text NOT NULL,
  key_id uuid NOT NULL REFERENCES share_signing_key (id)
);

CREATE TABLE share_exchange (
  id uuid PRIMARY KEY,
  at timestamptz NOT NULL,
  batch_id bigint NOT NULL REFERENCES share_exchange_batch (id),
  position integer NOT NULL,                   -- leaf index in the batch's Merkle tree
  system_id uuid NOT NULL,
  consumer_org_id uuid NOT NULL,
  resource_id uuid NOT NULL,
  resource_code text NOT NULL,
  provider_org_id uuid NOT NULL,
  grant_id uuid,
  query_items text[] NOT NULL,                 -- which items were asked by (values are not kept)
  query_digest text NOT NULL,                  -- SM3 of the query as asked: a suspected value can be checked
  fields text[] NOT NULL,
  rows integer NOT NULL,
  digest text NOT NULL,                        -- SM3 of the exact bytes sent
  leaf text NOT NULL                           -- SM3 of the entry's canonical form
);
CREATE INDEX share_exchange_provider ON share_exchange (provider_org_id, at DESC);
CREATE INDEX share_exchange_consumer ON share_exchange (consumer_org_id, at DESC);
CREATE INDEX share_exchange_batch_idx ON share_exchange (batch_id, position);

-- Systems, keys and grants are read from memory on every exchange (access.ts): a change bumps the
-- generation and NOTIFYs every server copy at commit. No rows from migrations (restore loads into
-- empty tables); the first change creates it.
CREATE TABLE share_state (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  generation bigint NOT NULL DEFAULT 0
);
CREATE FUNCTION share_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO share_state (id, generation) VALUES (true, 1)
    ON CONFLICT (id) DO UPDATE SET generation = share_state.generation + 1;
  PERFORM pg_notify('sy_sharing', '');
  RETURN NULL;
END $$;
CREATE TRIGGER share_system_changed AFTER INSERT OR UPDATE OR DELETE ON share_system FOR EACH STATEMENT EXECUTE FUNCTION share_access_changed();
CREATE TRIGGER share_system_key_changed AFTER INSERT OR UPDATE OR DELETE ON share_system_key FOR EACH STATEMENT EXECUTE FUNCTION share_access_changed();
CREATE TRIGGER share_grant_changed AFTER INSERT OR UPDATE OR DELETE ON share_grant FOR EACH STATEMENT EXECUTE FUNCTION share_access_changed();
CREATE TRIGGER share_source_changed AFTER INSERT OR UPDATE OR DELETE ON share_source FOR EACH STATEMENT EXECUTE FUNCTION share_access_changed();
