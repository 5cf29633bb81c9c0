import type { FieldKeys } from '../../../kernel/crypto';

/**
 * The blind-index key, for `certificatesHeldBy(db, holderId)`: the agreed interface takes a database
 * only, and a lookup by ID number needs the key. The module stores the kernel's keys here when its
 * routes are registered (one kernel per process; tests build every app with the same key).
 */
let current: Pick<FieldKeys, 'indexKey'> | null = null;

export function rememberKeys(keys: Pick<FieldKeys, 'indexKey'>): void {
  current = keys;
}

export function indexKeys(): Pick<FieldKeys, 'indexKey'> {
  if (!current) throw new Error('the services module has not been started: no field keys for certificate lookups');
  return current;
}
