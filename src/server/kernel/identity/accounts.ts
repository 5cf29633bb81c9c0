import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { checkPasswordStrength, validateCreditCode, validateIdNumber, validateMobilePhone } from '../../../shared/validators';
import type { Actor } from '../access';
import { appendAudit } from '../audit/write';
import { blindIndex, encryptField, type FieldKeys } from '../crypto';
import type { IdentityContext, RequestMeta } from './context';
import { identityErrors } from './errors';
import { hashPassword, verifyPassword } from './passwords';
import type { IdentityDb } from './tables';

function requireStrong(password: string): void {
  const problems = checkPasswordStrength(password);
  if (problems.length > 0) throw identityErrors.weakPassword(problems.map((p) => p.message));
}

async function requireFreeUsername(db: IdentityDb, username: string): Promise<void> {
  if (await db.selectFrom('account').select('id').where('username', '=', username).executeTakeFirst()) throw identityErrors.usernameTaken();
}

/** Unique-violation races end in the same clear 409 as the checks before them. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && (e.constraint ?? '').includes(constraint);
}

/** The stored form of a citizen's personal fields: SM4-encrypted, with keyed SM3 blind indexes. */
export function citizenProfileRow(keys: FieldKeys, accountId: string, realName: string, idNumber: string, phone: string) {
  return {
    account_id: accountId,
    real_name: realName,
    id_number_enc: encryptField(keys.encryptionKey, idNumber, 'id-number'),
    id_number_index: blindIndex(keys.indexKey, idNumber, 'id-number'),
    phone_enc: encryptField(keys.encryptionKey, phone, 'phone'),
    phone_index: blindIndex(keys.indexKey, phone, 'phone'),
  };
}

export interface CitizenInput {
  username: string;
  password: string;
  realName: string;
  idNumber: string;
  phone: string;
}

export async function registerCitizen(ctx: IdentityContext, input: CitizenInput, meta: RequestMeta): Promise<{ id: string }> {
  const id = validateIdNumber(input.idNumber);
  if (!id.ok) throw identityErrors.idNumberInvalid(id.reason);
  const phone = validateMobilePhone(input.phone);
  if (!phone.ok) throw identityErrors.phoneInvalid();
  requireStrong(input.password);
  const idIndex = blindIndex(ctx.keys.indexKey, id.normalized, 'id-number');
  const phoneIndex = blindIndex(ctx.keys.indexKey, phone.normalized, 'phone');
  await requireFreeUsername(ctx.db, input.username);
  if (await ctx.db.selectFrom('citizen_profile').select('account_id').where('id_number_index', '=', idIndex).executeTakeFirst()) throw identityErrors.idNumberTaken();
  if (await ctx.db.selectFrom('citizen_profile').select('account_id').where('phone_index', '=', phoneIndex).executeTakeFirst()) throw identityErrors.phoneTaken();
  const passwordHash = await hashPassword(input.password);
  const accountId = uuidv7();
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('account').values({ id: accountId, kind: 'citizen', username: input.username, display_name: input.realName, org_id: null, password_hash: passwordHash }).execute();
      await tx.insertInto('citizen_profile').values(citizenProfileRow(ctx.keys, accountId, input.realName, id.normalized, phone.normalized)).execute();
      await appendAudit(tx, { actorId: accountId, actorName: input.realName, ip: meta.ip, action: 'identity.register.citizen', objectType: 'account', objectId: accountId });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'username')) throw identityErrors.usernameTaken();
    if (isUniqueViolation(error, 'id_number')) throw identityErrors.idNumberTaken();
    if (isUniqueViolation(error, 'phone')) throw identityErrors.phoneTaken();
    throw error;
  }
  return { id: accountId };
}

export interface EnterpriseInput {
  username: string;
  password: string;
  name: string;
  creditCode: string;
  legalRepresentative: string;
}

export async function registerEnterprise(ctx: IdentityContext, input: EnterpriseInput, meta: RequestMeta, agent: Actor | null): Promise<{ id: string }> {
  const code = validateCreditCode(input.creditCode);
  if (!code.ok) throw identityErrors.creditCodeInvalid(code.reason);
  requireStrong(input.password);
  await requireFreeUsername(ctx.db, input.username);
  if (await ctx.db.selectFrom('enterprise_profile').select('account_id').where('credit_code', '=', code.normalized).executeTakeFirst()) throw identityErrors.creditCodeTaken();
  const passwordHash = await hashPassword(input.password);
  const accountId = uuidv7();
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('account').values({ id: accountId, kind: 'enterprise', username: input.username, display_name: input.name, org_id: null, password_hash: passwordHash }).execute();
      await tx.insertInto('enterprise_profile').values({ account_id: accountId, name: input.name, credit_code: code.normalized, legal_representative: input.legalRepresentative }).execute();
      // the citizen who registers the enterprise may act for it (经办人)
      if (agent?.kind === 'citizen') await tx.insertInto('enterprise_agent').values({ enterprise_id: accountId, citizen_id: agent.accountId }).execute();
      await appendAudit(tx, { actorId: agent?.accountId ?? accountId, actorName: agent?.displayName ?? input.name, ip: meta.ip, action: 'identity.register.enterprise', objectType: 'account', objectId: accountId, details: { creditCode: code.normalized } });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'username')) throw identityErrors.usernameTaken();
    if (isUniqueViolation(error, 'credit_code')) throw identityErrors.creditCodeTaken();
    throw error;
  }
  return { id: accountId };
}

export interface StaffInput {
  username: string;
  password: string;
  displayName: string;
  orgId: string;
}

/** 系统管理员 creates civil-servant accounts, within the scope of their role. */
export async function createStaff(ctx: IdentityContext, actor: Actor, input: StaffInput, meta: RequestMeta, canManage: (orgPath: string[]) => boolean): Promise<{ id: string }> {
  const orgPath = await ctx.orgs.pathOf(input.orgId);
  if (!orgPath) throw identityErrors.orgNotFound(input.orgId);
  if (!canManage(orgPath)) throw identityErrors.outOfScope();
  requireStrong(input.password);
  await requireFreeUsername(ctx.db, input.username);
  const passwordHash = await hashPassword(input.password);
  const accountId = uuidv7();
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('account').values({ id: accountId, kind: 'staff', username: input.username, display_name: input.displayName, org_id: input.orgId, password_hash: passwordHash }).execute();
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: meta.ip, action: 'identity.account.create', objectType: 'account', objectId: accountId, details: { username: input.username, orgId: input.orgId } });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'username')) throw identityErrors.usernameTaken();
    throw error;
  }
  return { id: accountId };
}

export async function changePassword(ctx: IdentityContext, actor: Actor, current: string, next: string, meta: RequestMeta): Promise<void> {
  const row = await ctx.db.selectFrom('account').select('password_hash').where('id', '=', actor.accountId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, current))) throw identityErrors.wrongPassword();
  requireStrong(next);
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('account').set({ password_hash: hash, password_changed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` }).where('id', '=', actor.accountId).execute();
    // every other session of the account ends: a changed password locks out whoever knew the old one
    await tx.updateTable('session').set({ revoked_at: sql<Date>`now()` }).where('account_id', '=', actor.accountId).where('id', '<>', actor.sessionId ?? '00000000-0000-0000-0000-000000000000').where('revoked_at', 'is', null).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: meta.ip, action: 'identity.password.change', objectType: 'account', objectId: actor.accountId });
  });
}
