import type { Kysely } from 'kysely';

export interface AuditTables {
  audit_log: {
    seq: number;
    at: Date;
    actor_id: string | null;
    actor_name: string | null;
    org_id: string | null;
    ip: string | null;
    action: string;
    object_type: string | null;
    object_id: string | null;
    result: 'success' | 'failure' | 'denied';
    details: Record<string, unknown>;
    prev_hash: string;
    hash: string;
  };
  audit_head: { id: boolean; seq: number; hash: string };
  audit_anchor: { id: boolean; seq: number; hash: string; purged_at: Date };
}

export type AuditDb = Kysely<AuditTables>;
