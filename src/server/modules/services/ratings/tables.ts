import type { Generated, Kysely } from 'kysely';

export type VisitMethod = 'phone' | 'sms' | 'visit' | 'online';
export type VisitResult = 'satisfied' | 'basic' | 'unsatisfied';

/** The ratings' tables (migrations/004). */
export interface RatingsTables {
  service_rating: {
    id: string;
    application_id: string;
    application_no: string;
    item_code: string;
    item_name: string;
    department_org_id: string;
    rater_account_id: string;
    anonymous: boolean;
    overall: number;
    efficiency: number;
    guidance: number;
    convenience: number;
    usability: number;
    comment: string;
    bad: boolean;
    rectification_instance_id: string | null;
    rectification_state: string | null;
    excluded: Generated<boolean>;
    rated_at: Generated<Date>;
  };
  service_rating_visit: { id: string; rating_id: string; visited_by: string; visited_at: Generated<Date>; method: VisitMethod; result: VisitResult; note: string };
  service_rating_setting: { id: Generated<boolean>; rectify_days: number; updated_at: Generated<Date>; updated_by: string | null };
}

/**
 * The application a rating is about (service_application, migration 002), as far as ratings need it.
 * Read in target.ts only, so that a change of that table touches one file here.
 */
export interface ApplicationView {
  service_application: {
    id: string;
    business_no: string | null;
    item_code: string;
    item_name: string;
    deciding_org_id: string;
    applicant_account_id: string | null;
    applicant_name: string;
    status: string;
    decided_at: Date | null;
    updated_at: Date;
  };
}

export type RatingsDb = Kysely<RatingsTables>;
