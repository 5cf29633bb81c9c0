import type { Generated, Kysely } from 'kysely';

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
  /** written by the change's own transaction; moved into audit_log by the chainer (chainer.ts) */
  audit_pending: {
    id: Generated<number>;
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
  };
  audit_head: { id: boolean; seq: number; hash: string };
  audit_anchor: { id: boolean; seq: number; hash: string; purged_at: Date };
}

export type AuditDb = Kysely<AuditTables>;
