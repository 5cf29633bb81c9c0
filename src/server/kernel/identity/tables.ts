import type { Generated, Kysely } from 'kysely';

export type AccountKind = 'staff' | 'citizen' | 'enterprise';
export type Scope = 'own' | 'subtree' | 'district';
export type AdminKind = 'system' | 'security' | 'audit';

export interface IdentityTables {
  account: {
    id: string;
    kind: AccountKind;
    username: string;
    display_name: string;
    org_id: string | null;
    password_hash: string;
    status: Generated<'active' | 'disabled'>;
    failed_logins: Generated<number>;
    locked_until: Date | null;
    totp_secret: string | null;
    totp_enabled: Generated<boolean>;
    totp_last_step: number | null;
    password_changed_at: Generated<Date>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  citizen_profile: {
    account_id: string;
    real_name: string;
    id_number_enc: string;
    id_number_index: string;
    phone_enc: string;
    phone_index: string;
  };
  enterprise_profile: { account_id: string; name: string; credit_code: string; legal_representative: string };
  enterprise_agent: { enterprise_id: string; citizen_id: string };
  role: {
    id: string;
    code: string;
    name_zh: string;
    name_en: string;
    admin_kind: AdminKind | null;
    builtin: Generated<boolean>;
    created_at: Generated<Date>;
  };
  role_permission: { role_id: string; permission: string };
  account_role: {
    account_id: string;
    role_id: string;
    org_id: string;
    scope: Scope;
    granted_by: string | null;
    granted_at: Generated<Date>;
  };
  session: {
    id: string;
    token_hash: string;
    account_id: string;
    csrf_token: string;
    mfa_passed: Generated<boolean>;
    ip: string | null;
    user_agent: string | null;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    revoked_at: Date | null;
  };
  api_key: {
    id: string;
    account_id: string;
    name: string;
    prefix: string;
    key_hash: string;
    permissions: string[];
    created_at: Generated<Date>;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
  login_attempt: { ip: string; at: Generated<Date> };
}

export type IdentityDb = Kysely<IdentityTables>;
