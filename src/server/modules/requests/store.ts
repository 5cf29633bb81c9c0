import type { Generated, Kysely } from 'kysely';

export interface RequestsTables {
  internal_request: {
    id: string;
    business_no: string;
    title: string;
    reason: string;
    org_id: string;
    created_by: string;
    created_at: Generated<Date>;
    instance_id: string;
  };
}

export type RequestsDb = Kysely<RequestsTables>;
