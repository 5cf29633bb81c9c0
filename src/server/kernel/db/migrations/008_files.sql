-- Attachments. The bytes live in a content-addressed store (local disk by default), keyed
-- by their SM3 hash: the same content uploaded twice is stored once, with two rows here.
CREATE TABLE file_object (
  id uuid PRIMARY KEY,
  sm3 text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  -- detected from the content (magic bytes), never taken from the client
  media_type text NOT NULL,
  original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
  uploaded_by uuid NOT NULL REFERENCES account (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  classification text NOT NULL DEFAULT 'internal' CHECK (classification IN ('public', 'internal', 'sensitive', 'secret'))
);
CREATE INDEX file_object_sm3 ON file_object (sm3);
CREATE INDEX file_object_uploaded_by ON file_object (uploaded_by, created_at);

CREATE TRIGGER file_object_zone BEFORE INSERT OR UPDATE ON file_object
  FOR EACH ROW EXECUTE FUNCTION refuse_secret_on_extranet();

-- Where a file is used: a workflow step, an application, a case… (owner_type/owner_id are
-- the owner's own names; the owner decides who may see its attachments).
CREATE TABLE file_link (
  file_id uuid NOT NULL REFERENCES file_object (id),
  owner_type text NOT NULL CHECK (owner_type ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  owner_id text NOT NULL CHECK (length(owner_id) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (file_id, owner_type, owner_id)
);
CREATE INDEX file_link_owner ON file_link (owner_type, owner_id);
