import type { Generated, Kysely, Selectable } from 'kysely';
import type { ServicesTables } from '../store';

export type ApplicationStatus = 'draft' | 'submitted' | 'correcting' | 'reviewing' | 'approved' | 'denied' | 'not_accepted' | 'delivered';

/** One correction the department asks for in its single 补正 notice. */
export interface Correction {
  /** the material (1-based place in the version's list), or null for the form */
  material: number | null;
  note: string;
}

/** The applications' tables (migrations/002), beside the catalogue's (decision 0002). */
export interface ApplicationTables {
  service_application: {
    id: string;
    business_no: string | null;
    item_id: string;
    item_code: string;
    item_version: number;
    item_name: string;
    deciding_org_id: string;
    channel: 'online' | 'counter';
    account_id: string;
    applicant_account_id: string | null;
    applicant_kind: 'person' | 'legal';
    applicant_name: string;
    applicant_id_enc: string;
    applicant_id_index: string;
    phone_enc: string | null;
    phone_index: string | null;
    answers: Record<string, string>;
    status: Generated<ApplicationStatus>;
    instance_id: string | null;
    idempotency_key: string | null;
    receipt_round: Generated<number>;
    corrections: Correction[] | null;
    accepted_at: Date | null;
    deemed_accepted: Generated<boolean>;
    decided_at: Date | null;
    decision_reason: string | null;
    certificate_id: string | null;
    certificate_no: string | null;
    extended: Generated<boolean>;
    submitted_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  service_application_material: {
    application_id: string;
    seq: number;
    file_id: string;
    file_name: string;
    media_type: string;
    round: Generated<number>;
    added_at: Generated<Date>;
  };
  service_progress_attempt: { ip: string; at: Generated<Date> };
  /** the base of each day's application numbers (migrations/005, numbers.ts) */
  service_application_number_day: { day: string; base: string };
}

export type AppTables = ServicesTables & ApplicationTables;
export type AppsDb = Kysely<AppTables>;
export type ApplicationRow = Selectable<ApplicationTables['service_application']>;
export type MaterialFileRow = Selectable<ApplicationTables['service_application_material']>;
