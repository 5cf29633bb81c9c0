import { chainPendingAudit } from '../../src/server/kernel/audit/chainer';
import type { Database } from '../../src/server/kernel/db/database';
import type { TestDatabase } from './db';

/**
 * Gives every committed audit record its place in the chain, as the running
 * server's chainer does within a fraction of a second. Call it before reading
 * `audit_log` right after an action (docs/decisions/0007).
 */
export function chainAudit(target: Database | TestDatabase): Promise<number> {
  return chainPendingAudit('database' in target ? target.database.db : target.db);
}
