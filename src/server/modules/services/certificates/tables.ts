import type { Generated, Kysely, Transaction } from 'kysely';

/** The certificates' tables (migrations/003). */
export interface CertificatesTables {
  certificate_type: {
    code: string;
    name: string;
    issuer_org_id: string;
    number_prefix: string;
    validity_years: number | null;
    fields: Generated<string[]>;
    created_at: Generated<Date>;
  };
  certificate_sequence: { type_code: string; year: number; last: number };
  certificate: {
    id: string;
    number: string;
    verify_code: string;
    type_code: string;
    type_name: string;
    holder_name: string;
    holder_id: string;
    holder_id_index: string;
    holder_kind: 'person' | 'legal';
    issuer_org_id: string;
    issuer_name: string;
    data: Record<string, string>;
    /** DATE columns come back as Date at midnight UTC (see `isoDay`) */
    valid_from: Date | string;
    valid_until: Date | string | null;
    issued_at: Date;
    application_id: string | null;
    signed_content: string;
    signature: string;
    public_key: string;
    status: Generated<'valid' | 'revoked'>;
    revoked_at: Date | null;
    revoked_by: string | null;
    revoke_reason: string | null;
  };
  certificate_signing_key: { org_id: string; public_key: string; private_key: string; created_at: Generated<Date> };
  certificate_pdf: { certificate_id: string; content: Buffer; sm3: string; created_at: Generated<Date> };
}

export type CertDb = Kysely<CertificatesTables>;
export type CertTx = Transaction<CertificatesTables>;
