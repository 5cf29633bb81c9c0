import { sm3 } from '../crypto/sm3';

export const genesisHash = '0'.repeat(64);

/** The fields of an audit record that the chain protects. */
export interface AuditContent {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: 'success' | 'failure' | 'denied';
  details: Record<string, unknown>;
}

/** JSON with keys sorted at every level: the same record always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function canonicalForm(record: AuditContent): string {
  return canonicalJson({
    seq: record.seq,
    at: record.at.toISOString(),
    actorId: record.actorId,
    actorName: record.actorName,
    orgId: record.orgId,
    ip: record.ip,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId,
    result: record.result,
    details: record.details,
  });
}

/** hash(n) = SM3(hash(n-1) ‖ canonical(n)). */
export function chainHash(prevHash: string, record: AuditContent): string {
  return sm3(prevHash + canonicalForm(record));
}
