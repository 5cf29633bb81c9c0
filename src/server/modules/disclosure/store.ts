import type { Generated, Kysely } from 'kysely';

export type ArticleStatus = 'draft' | 'reviewing' | 'published' | 'withdrawn';
export type Delivery = 'online' | 'email' | 'post' | 'pickup';
export type AnswerType = 'disclose' | 'partial' | 'refuse' | 'not_exist' | 'not_ours' | 'not_government_info';

/** The disclosure module's own tables (decision 0002). */
export interface DisclosureTables {
  disclosure_article: {
    id: string;
    org_id: string;
    category: string;
    title: string;
    doc_no: string | null;
    body: string;
    status: Generated<ArticleStatus>;
    instance_id: string | null;
    review_note: string | null;
    created_by: string;
    created_by_name: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    published_at: Date | null;
    withdrawn_at: Date | null;
    withdraw_reason: string | null;
  };
  disclosure_article_file: { article_id: string; file_id: string; name: string; added_at: Generated<Date> };
  disclosure_request: {
    id: string;
    request_no: string;
    org_id: string;
    applicant_account_id: string;
    applicant_name: string;
    applicant_kind: 'citizen' | 'enterprise';
    contact: string | null;
    description: string;
    purpose: string;
    delivery: Delivery;
    status: Generated<string>;
    answer_type: AnswerType | null;
    answer: string | null;
    legal_basis: string | null;
    answered_at: Date | null;
    instance_id: string;
    submitted_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  disclosure_request_file: { request_id: string; file_id: string; added_at: Generated<Date> };
}

export type DisclosureDb = Kysely<DisclosureTables>;
