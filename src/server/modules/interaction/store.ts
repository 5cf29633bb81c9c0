import type { Generated, Kysely } from 'kysely';

export type Channel = 'portal' | 'hotline';
export type Satisfaction = 'satisfied' | 'unsatisfied';

/** The interaction module's own tables (decision 0002). */
export interface InteractionTables {
  ticket_kind: {
    code: string;
    name_zh: string;
    name_en: string;
    limit_days: number;
    sort: Generated<number>;
    active: Generated<boolean>;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  ticket: {
    id: string;
    ticket_no: string;
    kind: string;
    channel: Channel;
    title: string;
    content: string;
    addressed_org_id: string | null;
    writer_account_id: string | null;
    writer_name: string | null;
    writer_phone: string | null;
    writer_phone_hash: string | null;
    public_wish: boolean;
    publication: 'approved' | 'refused' | null;
    published_at: Date | null;
    limit_days: number;
    status: Generated<string>;
    department_org_id: string | null;
    reply: string | null;
    replied_at: Date | null;
    replied_by: string | null;
    satisfaction: Satisfaction | null;
    redo_count: Generated<number>;
    return_count: Generated<number>;
    instance_id: string;
    registered_by: string | null;
    written_at: Generated<Date>;
    closed_at: Date | null;
    updated_at: Generated<Date>;
  };
  ticket_file: { ticket_id: string; file_id: string; phase: Generated<'letter' | 'reply'>; added_at: Generated<Date> };
  ticket_chase: {
    id: string;
    ticket_id: string;
    step_state: string;
    org_id: string | null;
    comment: string;
    notified: number;
    by_account: string;
    by_name: string;
    at: Generated<Date>;
  };
}

export type InteractionDb = Kysely<InteractionTables>;
