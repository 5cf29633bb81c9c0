import type { Generated, Kysely } from 'kysely';
import type { Limit } from '../../kernel/workflow';

/** Time limits of a class per stage (立案、派遣、处置…); handling has a normal and an urgent grade. */
export interface ClassLimits {
  accept?: Limit;
  verify?: Limit;
  file?: Limit;
  dispatch?: Limit;
  handle: { normal: Limit; urgent: Limit };
  check?: Limit;
}

export type CaseSource = 'inspector' | 'citizen' | 'hotline' | 'sensor' | 'leader' | 'open311';

export interface CasesTables {
  case_class: {
    code: string;
    kind: 'component' | 'event';
    major_code: string;
    major_name: string;
    name: string;
    filing_condition: string;
    closure_condition: string;
    department: string | null;
    limits: ClassLimits;
    public: Generated<boolean>;
    keywords: Generated<string>;
    active: Generated<boolean>;
    version: Generated<number>;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  city_case: {
    id: string;
    case_no: string;
    class_code: string;
    source: CaseSource;
    urgent: Generated<boolean>;
    description: string;
    address: string | null;
    lng: number;
    lat: number;
    unit_grid_code: string | null;
    community_code: string | null;
    street_code: string | null;
    street_org_id: string | null;
    reporter_id: string | null;
    reporter_contact: string | null;
    status: Generated<string>;
    department_org_id: string | null;
    rework_count: Generated<number>;
    hung: Generated<boolean>;
    duplicate_of: string | null;
    instance_id: string;
    reported_at: Generated<Date>;
    filed_at: Date | null;
    dispatched_at: Date | null;
    handled_at: Date | null;
    closed_at: Date | null;
    updated_at: Generated<Date>;
    rating: number | null;
    /** some stage was left after its due time */
    late: Generated<boolean>;
    open311_api_key: string | null;
    media_url: string | null;
  };
  case_stage: {
    step_id: string;
    case_id: string;
    stage: string;
    org_id: string;
    entered_at: Date;
    due_at: Date | null;
    left_at: Date | null;
    action: string | null;
    actor_id: string | null;
  };
  evaluation_weight: { target: 'region' | 'department' | 'inspector'; indicator: string; weight: string | number };
  case_photo: { case_id: string; file_id: string; phase: 'report' | 'verify' | 'feedback' | 'check'; added_at: Generated<Date> };
}

export type CasesDb = Kysely<CasesTables>;
