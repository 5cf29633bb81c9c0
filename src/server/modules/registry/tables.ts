import type { Generated, Kysely } from 'kysely';

/** The registry module's tables (migrations/001). */
export interface RegistryTables {
  registry_person: {
    id: string;
    name: string;
    id_number_enc: string;
    id_number_index: string;
    sex: 'male' | 'female';
    birth_date: string;
    household_address: string | null;
    phone_enc: string | null;
    status: string;
    source_org_id: string;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  registry_legal: {
    id: string;
    name: string;
    credit_code: string;
    entity_type: string;
    legal_rep: string | null;
    registered_address: string | null;
    status: string;
    industry_code: string | null;
    established_on: string | null;
    source_org_id: string;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  registry_place: {
    id: string;
    address: string;
    street: string;
    community: string;
    road: string;
    house_no: string;
    lng: number;
    lat: number;
    unit_grid_code: string | null;
    status: string;
    source_org_id: string;
    version: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  registry_version: {
    register: string;
    record_id: string;
    version: number;
    at: Generated<Date>;
    actor_id: string | null;
    actor_name: string | null;
    source_org_id: string;
    kind: 'create' | 'update' | 'import' | 'correction';
    reason: string | null;
    changes: unknown;
  };
  registry_field_grant: {
    register: string;
    field: string;
    role_code: string;
    granted_by: string | null;
    granted_at: Generated<Date>;
  };
  registry_objection: {
    id: string;
    objection_no: string;
    register: string;
    record_id: string;
    field: string;
    proposed_enc: string;
    reason: string;
    evidence: string[];
    raised_by: string;
    raised_org_id: string | null;
    owner_org_id: string;
    instance_id: string;
    status: Generated<'open' | 'accepted' | 'rejected'>;
    decided_at: Date | null;
    decision_note: string | null;
    applied_version: number | null;
    created_at: Generated<Date>;
  };
}

export type RegistryDb = Kysely<RegistryTables>;
