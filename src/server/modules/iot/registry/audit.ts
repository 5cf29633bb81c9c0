import type { Actor } from '../../../kernel/access';
import { appendAudit, type AnyTx } from '../../../kernel/audit/write';

/** Every registry change is audited in its own transaction (DESIGN §3). Tokens never go into details. */
export function auditChange(tx: AnyTx, actor: Actor, ip: string | null, action: string, objectType: 'device' | 'device_type', objectId: string, details: Record<string, unknown>) {
  return appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action, objectType, objectId, details });
}
