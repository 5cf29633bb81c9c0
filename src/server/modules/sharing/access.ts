import { sql } from 'kysely';
import { generationCache } from '../../kernel/db/generation-cache';
import type { RegisterKey, SharingDb } from './tables';

export interface SystemEntry {
  id: string;
  orgId: string;
  name: string;
  active: boolean;
}
export interface GrantEntry {
  id: string;
  resourceId: string;
  systemId: string;
  fields: readonly string[];
  rowFilter: Readonly<Record<string, readonly string[]>>;
  validFrom: string;
  validUntil: string;
}
export type SourceEntry = { kind: 'table' } | { kind: 'registry'; register: RegisterKey; keyItem: string; bindings: Readonly<Record<string, string>> };

/** Everything an exchange checks before it reads data, kept in memory by each server copy. */
export interface AccessIndex {
  keyByHash: ReadonlyMap<string, { keyId: string; systemId: string }>;
  systems: ReadonlyMap<string, SystemEntry>;
  /** `${systemId}|${resourceId}` → grants not revoked (dates are checked per call) */
  grants: ReadonlyMap<string, readonly GrantEntry[]>;
  sources: ReadonlyMap<string, SourceEntry>;
}

async function load(db: SharingDb): Promise<AccessIndex> {
  const [keys, systems, grants, sources] = await Promise.all([
    db.selectFrom('share_system_key').select(['id', 'system_id', 'key_hash']).where('revoked_at', 'is', null).execute(),
    db.selectFrom('share_system').selectAll().execute(),
    db
      .selectFrom('share_grant')
      .select(['id', 'resource_id', 'system_id', 'fields', 'row_filter', sql<string>`valid_from::text`.as('valid_from'), sql<string>`valid_until::text`.as('valid_until')])
      .where('revoked_at', 'is', null)
      .execute(),
    db.selectFrom('share_source').selectAll().execute(),
  ]);
  const byPair = new Map<string, GrantEntry[]>();
  for (const g of grants) {
    const key = `${g.system_id}|${g.resource_id}`;
    byPair.set(key, [...(byPair.get(key) ?? []), { id: g.id, resourceId: g.resource_id, systemId: g.system_id, fields: g.fields, rowFilter: g.row_filter, validFrom: g.valid_from, validUntil: g.valid_until }]);
  }
  return {
    keyByHash: new Map(keys.map((k) => [k.key_hash, { keyId: k.id, systemId: k.system_id }])),
    systems: new Map(systems.map((s) => [s.id, { id: s.id, orgId: s.org_id, name: s.name, active: s.status === 'active' }])),
    grants: byPair,
    sources: new Map(
      sources.map((s) => [s.resource_id, s.kind === 'registry' ? { kind: 'registry' as const, register: s.register!, keyItem: s.key_item!, bindings: s.bindings } : { kind: 'table' as const }]),
    ),
  };
}

/** Systems, keys, grants and data sources; migration 001's triggers announce every change. */
export const accessCache = (db: SharingDb) => generationCache<AccessIndex>(db, { key: 'sharing.access', channel: 'sy_sharing', stateTable: 'share_state', load: (d) => load(d as SharingDb) });
