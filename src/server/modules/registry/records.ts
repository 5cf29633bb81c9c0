import { v7 as uuidv7 } from 'uuid';
import { can, type Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import type { RegistryDeps } from './deps';
import { registryErrors } from './errors';
import { visibleFields } from './field-access';
import { fieldOf, registers, type RegisterKey } from './fields';
import { diff, presentRecord, type FieldValue } from './present';
import { checkRecord, type Plain } from './rules';
import { fromRow, recordStore, toRow } from './store';
import type { RegistryDb } from './tables';

/** Registers' records: create, change (each a new version), read with field access and masking, reveal, history. */

type VersionKind = 'create' | 'update' | 'correction';

export async function requireOwner(deps: RegistryDeps, actor: Actor, register: RegisterKey): Promise<void> {
  const path = await deps.orgPath(await deps.ownerOf(register));
  if (!can(actor, 'registry:maintain', { orgPath: path }, deps.kernel.config.zone)) throw registryErrors.notOwner();
}

function writable(register: RegisterKey, fields: Record<string, FieldValue>): Plain {
  for (const key of Object.keys(fields)) {
    const def = fieldOf(register, key);
    if (!def) throw registryErrors.unknownField(key);
    if (def.derived) throw registryErrors.notWritable(key);
  }
  return fields;
}

/**
 * Applies a change to a record (or makes a new one) inside the caller's transaction: checks the
 * rules, the identifier's uniqueness, writes the row and its version. Returns the new version.
 */
export async function writeVersion(
  tx: RegistryDb,
  deps: RegistryDeps,
  actor: Actor,
  change: { register: RegisterKey; id: string | null; patch: Plain; kind: VersionKind; reason: string | null; expectVersion?: number | undefined },
): Promise<{ id: string; version: number; changes: Record<string, unknown> }> {
  const { register } = change;
  const keys = deps.kernel.keys;
  const currentRow = change.id ? await recordStore.get(tx, register, change.id, true) : undefined;
  if (change.id && !currentRow) throw registryErrors.notFound(change.id);
  const current = currentRow ? fromRow(register, currentRow, keys) : null;
  if (current && change.expectVersion !== undefined && current.meta.version !== change.expectVersion) throw registryErrors.staleVersion(current.meta.version);
  const checked = checkRecord(register, current?.plain ?? null, change.patch);
  if (!checked.ok) throw registryErrors.invalid(checked.failure.field, checked.failure.code, checked.failure.zh, checked.failure.en);
  const plain = checked.plain;
  if (register === 'places') plain.unitGridCode = await deps.unitGridAt(Number(plain.lng), Number(plain.lat));
  const row = toRow(register, plain, keys);
  const id = change.id ?? uuidv7();
  if (await recordStore.sameKey(tx, register, row, id)) throw registryErrors.duplicate(register === 'persons' ? 'idNumber' : register === 'legal-persons' ? 'creditCode' : 'houseNo');
  const source = actor.orgId ?? (await deps.ownerOf(register));
  const version = (current?.meta.version ?? 0) + 1;
  const changes = diff(register, current?.plain ?? null, plain);
  if (current) await recordStore.update(tx, register, id, row, source, version);
  else await recordStore.insert(tx, register, id, row, source);
  await recordStore.addVersion(tx, { register, recordId: id, version, actorId: actor.accountId, actorName: actor.displayName, sourceOrgId: source, kind: change.kind, reason: change.reason, changes });
  return { id, version, changes };
}

export async function createRecord(deps: RegistryDeps, actor: Actor, register: RegisterKey, fields: Record<string, FieldValue>, ip: string | null) {
  await requireOwner(deps, actor, register);
  const patch = writable(register, fields);
  const result = await deps.db.transaction().execute(async (tx) => {
    const r = await writeVersion(tx, deps, actor, { register, id: null, patch, kind: 'create', reason: null });
    await deps.kernel.events.publish(tx, 'registry.record.changed', { register, id: r.id, version: r.version });
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'registry.record.create', objectType: register, objectId: r.id, details: { version: r.version, fields: Object.keys(r.changes) } });
    return r;
  });
  return viewRecord(deps, actor, register, result.id, ip);
}

export async function updateRecord(deps: RegistryDeps, actor: Actor, register: RegisterKey, id: string, input: { fields: Record<string, FieldValue>; reason: string; version?: number | undefined }, ip: string | null) {
  await requireOwner(deps, actor, register);
  const patch = writable(register, input.fields);
  await deps.db.transaction().execute(async (tx) => {
    const r = await writeVersion(tx, deps, actor, { register, id, patch, kind: 'update', reason: input.reason, expectVersion: input.version });
    await deps.kernel.events.publish(tx, 'registry.record.changed', { register, id, version: r.version });
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'registry.record.update', objectType: register, objectId: id, details: { version: r.version, fields: Object.keys(r.changes), reason: input.reason } });
  });
  return viewRecord(deps, actor, register, id, ip);
}

/** Audits a read that showed personal fields (even masked): who looked at whom, and which fields. */
async function auditRead(db: RegistryDb, actor: Actor, register: RegisterKey, ids: string[], fields: string[], ip: string | null, extra: Record<string, unknown> = {}): Promise<void> {
  const personal = fields.filter((f) => fieldOf(register, f)?.personal);
  if (personal.length === 0 || ids.length === 0) return;
  await appendAudit(db, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: extra.reason ? 'personal.reveal' : 'registry.record.read', objectType: register, objectId: ids.length === 1 ? ids[0]! : null, details: { ids, fields: personal, ...extra } });
}

export async function viewRecord(deps: RegistryDeps, actor: Actor, register: RegisterKey, id: string, ip: string | null) {
  const row = await recordStore.get(deps.db, register, id);
  if (!row) throw registryErrors.notFound(id);
  const { plain, meta } = fromRow(register, row, deps.kernel.keys);
  const visible = await visibleFields(deps.db, actor, register);
  await auditRead(deps.db, actor, register, [id], visible, ip);
  return presentRecord(register, plain, meta, await deps.orgName(meta.sourceOrgId), visible, false);
}

/** The clear values of the granted personal fields, for a holder of `personal:reveal`; audited with the reason. */
export async function revealRecord(deps: RegistryDeps, actor: Actor, register: RegisterKey, id: string, reason: string, ip: string | null) {
  const row = await recordStore.get(deps.db, register, id);
  if (!row) throw registryErrors.notFound(id);
  const visible = await visibleFields(deps.db, actor, register);
  if (!visible.some((f) => fieldOf(register, f)?.personal)) throw registryErrors.nothingToReveal();
  const { plain, meta } = fromRow(register, row, deps.kernel.keys);
  await deps.db.transaction().execute((tx) => auditRead(tx, actor, register, [id], visible, ip, { reason }));
  return presentRecord(register, plain, meta, await deps.orgName(meta.sourceOrgId), visible, true);
}

/** Versions newest first; the changes of fields the reader may not see are left out. */
export async function recordHistory(deps: RegistryDeps, actor: Actor, register: RegisterKey, id: string) {
  if (!(await recordStore.get(deps.db, register, id))) throw registryErrors.notFound(id);
  const visible = new Set(await visibleFields(deps.db, actor, register));
  const rows = await recordStore.history(deps.db, register, id);
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.source_org_id)) names.set(r.source_org_id, await deps.orgName(r.source_org_id));
  return rows.map((r) => ({
    version: r.version,
    at: r.at.toISOString(),
    actorName: r.actor_name,
    sourceOrg: names.get(r.source_org_id)!,
    kind: r.kind,
    reason: r.reason,
    changes: Object.fromEntries(Object.entries(r.changes as Record<string, unknown>).filter(([k]) => visible.has(k))),
  }));
}

export function registerList(visibleOf: Record<RegisterKey, string[]>) {
  return Object.values(registers).map((r) => ({
    key: r.key,
    zh: r.zh,
    en: r.en,
    owner: r.owner,
    fields: r.fields.filter((f) => visibleOf[r.key].includes(f.key)).map((f) => ({ key: f.key, zh: f.zh, en: f.en, personal: f.personal !== undefined, derived: f.derived === true })),
  }));
}
