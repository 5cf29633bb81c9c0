-- 统一身份认证: accounts of civil servants, citizens and enterprises; roles; sessions; API keys.
CREATE TABLE account (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('staff', 'citizen', 'enterprise')),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  -- staff only: the organisation (org module) the civil servant belongs to
  org_id uuid,
  password_hash text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  totp_secret text,          -- SM4-encrypted (field encryption)
  totp_enabled boolean NOT NULL DEFAULT false,
  totp_last_step bigint,     -- the last accepted time step: a code cannot be replayed
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'staff') = (org_id IS NOT NULL))
);

CREATE TABLE citizen_profile (
  account_id uuid PRIMARY KEY REFERENCES account (id),
  real_name text NOT NULL,
  id_number_enc text NOT NULL,
  id_number_index text NOT NULL UNIQUE,  -- keyed SM3 blind index for exact lookup
  phone_enc text NOT NULL,
  phone_index text NOT NULL UNIQUE
);

CREATE TABLE enterprise_profile (
  account_id uuid PRIMARY KEY REFERENCES account (id),
  name text NOT NULL,
  credit_code text NOT NULL UNIQUE,
  legal_representative text NOT NULL
);

-- citizens allowed to act for an enterprise (经办人)
CREATE TABLE enterprise_agent (
  enterprise_id uuid NOT NULL REFERENCES account (id),
  citizen_id uuid NOT NULL REFERENCES account (id),
  PRIMARY KEY (enterprise_id, citizen_id)
);

CREATE TABLE role (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  -- 三员分立: system / security / audit administrator roles are exclusive
  admin_kind text CHECK (admin_kind IN ('system', 'security', 'audit')),
  builtin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role_permission (
  role_id uuid NOT NULL REFERENCES role (id),
  permission text NOT NULL,
  PRIMARY KEY (role_id, permission)
);

-- a role held by an account, anchored at an organisation with a scope
CREATE TABLE account_role (
  account_id uuid NOT NULL REFERENCES account (id),
  role_id uuid NOT NULL REFERENCES role (id),
  org_id uuid NOT NULL,
  scope text NOT NULL CHECK (scope IN ('own', 'subtree', 'district')),
  granted_by uuid REFERENCES account (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, role_id, org_id)
);

CREATE TABLE session (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,      -- SM3 of the cookie value; the value itself is never stored
  account_id uuid NOT NULL REFERENCES account (id),
  csrf_token text NOT NULL,
  mfa_passed boolean NOT NULL DEFAULT false,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX session_account ON session (account_id) WHERE revoked_at IS NULL;

CREATE TABLE api_key (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES account (id),
  name text NOT NULL,
  prefix text NOT NULL,                 -- shown to people to tell keys apart
  key_hash text NOT NULL UNIQUE,
  permissions text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- login attempts per address, for rate limiting across server copies
CREATE TABLE login_attempt (
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_ip_at ON login_attempt (ip, at);
