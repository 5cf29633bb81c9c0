-- 电子证照 (electronic certificates, cn-domain §2, GB/T 36901–36905): the types a department
-- issues, the certificates themselves, the issuing organisations' SM2 signing keys, and the PDF
-- as it was first handed out (kept so that an uploaded copy can be compared byte for byte).

CREATE TABLE certificate_type (
  code text PRIMARY KEY,                    -- 证照类型代码: issuer's credit code + 3 digits (GB/T 36904 style)
  name text NOT NULL,
  issuer_org_id uuid NOT NULL,              -- 发证机关 (an organisation of the org module; no FK across modules)
  number_prefix text NOT NULL,              -- the type's own numbering, e.g. JY1500118 for 食品经营许可证
  validity_years integer CHECK (validity_years IS NULL OR validity_years BETWEEN 1 AND 100), -- null: 长期
  fields text[] NOT NULL DEFAULT '{}',      -- printed fields, in order (经营场所, 经营项目…)
  created_at timestamptz NOT NULL DEFAULT now()
);

-- per type and year: numbers are handed out in order inside the issuing transaction
CREATE TABLE certificate_sequence (
  type_code text NOT NULL REFERENCES certificate_type (code),
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (type_code, year)
);

CREATE TABLE certificate (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,              -- 证照编号
  verify_code text NOT NULL,                -- printed in the QR code: the number alone verifies nothing
  type_code text NOT NULL REFERENCES certificate_type (code),
  type_name text NOT NULL,
  holder_name text NOT NULL,                -- SM4 (field encryption)
  holder_id text NOT NULL,                  -- SM4: ID number or unified social credit code
  holder_id_index text NOT NULL,            -- blind index (HMAC-SM3) for exact lookup
  holder_kind text NOT NULL CHECK (holder_kind IN ('person', 'legal')),
  issuer_org_id uuid NOT NULL,
  issuer_name text NOT NULL,
  data jsonb NOT NULL,                      -- printed fields (name → value)
  valid_from date NOT NULL,
  valid_until date,                         -- null: 长期
  issued_at timestamptz NOT NULL,
  application_id uuid,
  signed_content text NOT NULL,             -- the canonical serialisation that was signed
  signature text NOT NULL,                  -- SM2, DER hex
  public_key text NOT NULL,                 -- the issuer's key that signed (keys may be replaced later)
  status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')), -- expired is computed from valid_until
  revoked_at timestamptz,
  revoked_by uuid,
  revoke_reason text,
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX certificate_holder ON certificate (holder_id_index);
CREATE INDEX certificate_issuer ON certificate (issuer_org_id, issued_at DESC);

-- one SM2 key pair per issuing organisation, made on first use; the private key is field-encrypted
CREATE TABLE certificate_signing_key (
  org_id uuid PRIMARY KEY,
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE certificate_pdf (
  certificate_id uuid PRIMARY KEY REFERENCES certificate (id),
  content bytea NOT NULL,
  sm3 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
