import type { Generated, Kysely } from 'kysely';

export type RequestStatus = 'compliance' | 'provider' | 'granted' | 'refused' | 'withdrawn';
export type RegisterKey = 'persons' | 'legal-persons' | 'places';

/** The sharing module's tables (migrations/001). */
export interface SharingTables {
  share_system: { id: string; org_id: string; name: string; status: Generated<'active' | 'disabled'>; created_by: string | null; created_at: Generated<Date> };
  share_system_key: { id: string; system_id: string; prefix: string; key_hash: string; created_by: string | null; created_at: Generated<Date>; revoked_at: Date | null };
  share_source: {
    resource_id: string;
    kind: 'registry' | 'table';
    register: RegisterKey | null;
    bindings: Record<string, string>;
    key_item: string | null;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  share_row: { resource_id: string; row_no: number; record: Record<string, unknown> };
  share_request: {
    id: string;
    number: string;
    resource_id: string;
    resource_code: string;
    provider_org_id: string;
    consumer_org_id: string;
    system_id: string;
    purpose: string;
    fields: string[];
    period_from: string;
    period_to: string;
    legal_basis: string;
    status: Generated<RequestStatus>;
    refused_by: 'authority' | 'provider' | null;
    reason: string | null;
    instance_id: string | null;
    grant_id: string | null;
    created_by: string;
    created_at: Generated<Date>;
    decided_at: Date | null;
  };
  share_grant: {
    id: string;
    resource_id: string;
    resource_code: string;
    provider_org_id: string;
    system_id: string;
    consumer_org_id: string;
    fields: string[];
    row_filter: Record<string, string[]>;
    valid_from: string;
    valid_until: string;
    request_id: string | null;
    revoked_at: Date | null;
    revoked_reason: string | null;
    created_at: Generated<Date>;
  };
  share_signing_key: { id: string; public_key: string; private_key: string; created_at: Generated<Date> };
  share_exchange_batch: { id: Generated<string>; signed_at: Date; size: number; root: string; signature: string; key_id: string };
  share_exchange: {
    id: string;
    at: Date;
    batch_id: string;
    position: number;
    system_id: string;
    consumer_org_id: string;
    resource_id: string;
    resource_code: string;
    provider_org_id: string;
    grant_id: string | null;
    query_items: string[];
    query_digest: string;
    fields: string[];
    rows: number;
    digest: string;
    leaf: string;
  };
}

export type SharingDb = Kysely<SharingTables>;
