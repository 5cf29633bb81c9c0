import type { Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import type { IdentityDb } from '../../kernel/identity/tables';
import { registryErrors } from './errors';
import { fieldOf, registers, type RegisterKey } from './fields';
import type { RegistryDb } from './tables';

/**
 * Field-level access (GovStack: access per field of a register): a field is visible to an
 * actor when one of the actor's roles is granted it in `registry_field_grant`. Roles rather
 * than permissions because the grant table is what the data owner reviews ("which posts see
 * phone numbers"), and roles are the posts.
 */

/** The actor's role codes. Read from the kernel's role tables: the Actor carries permissions only. */
export async function rolesOf(db: RegistryDb, actor: Actor): Promise<string[]> {
  const rows = await (db as unknown as IdentityDb)
    .selectFrom('account_role as ar')
    .innerJoin('role as r', 'r.id', 'ar.role_id')
    .select('r.code')
    .distinct()
    .where('ar.account_id', '=', actor.accountId)
    .execute();
  return rows.map((r) => r.code);
}

/** The fields of a register this actor may see, in the register's order. */
export async function visibleFields(db: RegistryDb, actor: Actor, register: RegisterKey): Promise<string[]> {
  const roles = await rolesOf(db, actor);
  if (roles.length === 0) return [];
  const granted = await db.selectFrom('registry_field_grant').select('field').distinct().where('register', '=', register).where('role_code', 'in', roles).execute();
  const set = new Set(granted.map((g) => g.field));
  return registers[register].fields.map((f) => f.key).filter((k) => set.has(k));
}

export async function listGrants(db: RegistryDb) {
  const rows = await db.selectFrom('registry_field_grant').select(['register', 'field', 'role_code']).orderBy('register').orderBy('field').orderBy('role_code').execute();
  return rows.map((r) => ({ register: r.register, field: r.field, role: r.role_code }));
}

/** Replaces the roles that see one field; audited with the roles before and after. */
export async function setFieldGrant(db: RegistryDb, actor: Actor, register: RegisterKey, field: string, roles: string[], ip: string | null) {
  if (!fieldOf(register, field)) throw registryErrors.unknownField(field);
  const wanted = [...new Set(roles)].sort();
  if (wanted.length > 0) {
    const known = await (db as unknown as IdentityDb).selectFrom('role').select('code').where('code', 'in', wanted).execute();
    const missing = wanted.find((r) => !known.some((k) => k.code === r));
    if (missing) throw registryErrors.unknownRole(missing);
  }
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('registry_field_grant').select('role_code').where('register', '=', register).where('field', '=', field).forUpdate().execute();
    await tx.deleteFrom('registry_field_grant').where('register', '=', register).where('field', '=', field).execute();
    if (wanted.length > 0) await tx.insertInto('registry_field_grant').values(wanted.map((role_code) => ({ register, field, role_code, granted_by: actor.accountId }))).execute();
    await appendAudit(tx, {
      actorId: actor.accountId,
      actorName: actor.displayName,
      orgId: actor.orgId,
      ip,
      action: 'registry.field-grant.set',
      objectType: 'registry_field',
      objectId: `${register}.${field}`,
      details: { before: before.map((b) => b.role_code).sort(), after: wanted },
    });
  });
  return { register, field, roles: wanted };
}

/**
 * The grants a new deployment starts with: window clerks serve people face to face and see all of
 * a person; department reviewers check applications and see identity but not phone numbers;
 * handlers contact people (name, address, phone); leaders see the figures, not the identities.
 * Legal persons and places are public-register data: every reading role sees all of them.
 */
const seedGrants: Record<RegisterKey, Record<string, string[]>> = {
  persons: {
    window_clerk: ['name', 'idNumber', 'sex', 'birthDate', 'householdAddress', 'phone', 'status', 'sourceOrg'],
    dept_reviewer: ['name', 'idNumber', 'sex', 'birthDate', 'householdAddress', 'status', 'sourceOrg'],
    dept_handler: ['name', 'householdAddress', 'phone', 'status'],
    leader: ['sex', 'birthDate', 'status', 'sourceOrg'],
  },
  'legal-persons': Object.fromEntries(['window_clerk', 'dept_reviewer', 'dept_handler', 'leader'].map((r) => [r, registers['legal-persons'].fields.map((f) => f.key)])),
  places: Object.fromEntries(['window_clerk', 'dept_reviewer', 'dept_handler', 'leader'].map((r) => [r, registers.places.fields.map((f) => f.key)])),
};

/** Idempotent: only when the table is empty, so an administrator's later changes are never undone. */
export async function seedFieldGrants(db: RegistryDb): Promise<number> {
  const any = await db.selectFrom('registry_field_grant').select('field').limit(1).executeTakeFirst();
  if (any) return 0;
  const values = Object.entries(seedGrants).flatMap(([register, byRole]) => Object.entries(byRole).flatMap(([role_code, fields]) => fields.map((field) => ({ register, field, role_code, granted_by: null }))));
  await db.insertInto('registry_field_grant').values(values).execute();
  return values.length;
}
