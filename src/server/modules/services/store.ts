import type { Generated, Kysely, Selectable } from 'kysely';
import type { FormField } from './applications/form';
import type { HandlingKind, ItemType, Level, MaterialForm, TargetUser, Tier } from './vocab';

export interface Step {
  name: string;
  /** working days of this step; null when it has none of its own */
  days: number | null;
  description: string;
}

export interface Duty {
  /** 受理责任, 审查责任, 决定责任, 送达责任, 事后监管责任, 其他责任 */
  stage: string;
  content: string;
}

export type ItemStatus = 'draft' | 'published' | 'withdrawn';

/** The services module's tables (migrations/001). */
export interface ServicesTables {
  service_item: {
    id: string;
    code: string;
    name: string;
    type: ItemType;
    parent_id: string | null;
    tier: Tier;
    handling_kind: HandlingKind | null;
    competent_org_id: string;
    implementing_org_id: string | null;
    implementer: string;
    level: Level;
    legal_basis: string;
    target_users: TargetUser[];
    conditions: string;
    result_name: Generated<string>;
    steps: Step[];
    statutory_days: number | null;
    promised_days: number;
    instant: boolean;
    fee_fen: number;
    fee_basis: string;
    place: string;
    hours: string;
    enquiry_phone: string;
    complaint_phone: string;
    visits: number;
    online_depth: number;
    online: boolean;
    life_events: string[];
    topics: string[];
    keywords: string[];
    status: Generated<ItemStatus>;
    version: Generated<number>;
    revision: Generated<number>;
    published_revision: number | null;
    published_at: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    updated_by: string | null;
    /** the application form and the result certificate (migrations/002, applications/) */
    form_fields: Generated<FormField[]>;
    result_cert_type_code: string | null;
    result_cert_valid_years: number | null;
  };
  service_material: {
    item_id: string;
    seq: number;
    name: string;
    required: boolean;
    copies: number;
    form: MaterialForm;
    note: string;
    sample_file_id: string | null;
    shared_source: string | null;
    cert_type_code: string | null;
    cert_name: string | null;
  };
  service_responsibility: { item_id: string; duties: Duty[]; accountability: string };
  service_item_version: {
    item_id: string;
    version: number;
    snapshot: unknown;
    note: string;
    published_by: string | null;
    published_by_name: string;
    published_at: Date;
  };
  service_catalog_state: { id: Generated<boolean>; generation: number };
}

export type ServicesDb = Kysely<ServicesTables>;
export type ItemRow = Selectable<ServicesTables['service_item']>;
export type MaterialRow = Selectable<ServicesTables['service_material']>;
export type ResponsibilityRow = Selectable<ServicesTables['service_responsibility']>;
