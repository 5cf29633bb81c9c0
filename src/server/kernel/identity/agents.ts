import { maskIdNumber, maskName, validateIdNumber } from '../../../shared/validators';
import type { Actor } from '../access';
import { appendAudit } from '../audit/write';
import { blindIndex, decryptField } from '../crypto';
import type { IdentityContext, RequestMeta } from './context';
import { identityErrors } from './errors';
import { AppError } from '../http/problem';

const enterpriseOnly = () => new AppError(403, 'ENTERPRISE_ONLY', '只有法人账号可以管理经办人', 'Only an enterprise account manages its agents');
const citizenNotFound = () =>
  new AppError(404, 'CITIZEN_NOT_REGISTERED', '该身份证号码尚未注册个人账号', 'No citizen account is registered with this ID number', [
    { field: '/body/idNumber', code: 'exists', message: { zh: '未注册', en: 'not registered' } },
  ]);

/** 经办人: the citizen accounts allowed to act for an enterprise, managed by the enterprise account. */
export async function listAgents(ctx: IdentityContext, actor: Actor) {
  if (actor.kind !== 'enterprise') throw enterpriseOnly();
  const rows = await ctx.db
    .selectFrom('enterprise_agent as ea')
    .innerJoin('citizen_profile as c', 'c.account_id', 'ea.citizen_id')
    .select(['c.account_id', 'c.real_name', 'c.id_number_enc'])
    .where('ea.enterprise_id', '=', actor.accountId)
    .execute();
  return rows.map((r) => ({
    citizenId: r.account_id,
    name: maskName(r.real_name),
    idNumber: maskIdNumber(decryptField(ctx.keys.encryptionKey, r.id_number_enc, 'id-number')),
  }));
}

export async function addAgent(ctx: IdentityContext, actor: Actor, idNumber: string, meta: RequestMeta): Promise<void> {
  if (actor.kind !== 'enterprise') throw enterpriseOnly();
  const id = validateIdNumber(idNumber);
  if (!id.ok) throw identityErrors.idNumberInvalid(id.reason);
  const citizen = await ctx.db
    .selectFrom('citizen_profile')
    .select('account_id')
    .where('id_number_index', '=', blindIndex(ctx.keys.indexKey, id.normalized, 'id-number'))
    .executeTakeFirst();
  if (!citizen) throw citizenNotFound();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('enterprise_agent').values({ enterprise_id: actor.accountId, citizen_id: citizen.account_id }).onConflict((oc) => oc.doNothing()).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, ip: meta.ip, action: 'identity.agent.add', objectType: 'account', objectId: citizen.account_id });
  });
}

export async function removeAgent(ctx: IdentityContext, actor: Actor, citizenId: string, meta: RequestMeta): Promise<void> {
  if (actor.kind !== 'enterprise') throw enterpriseOnly();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('enterprise_agent').where('enterprise_id', '=', actor.accountId).where('citizen_id', '=', citizenId).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, ip: meta.ip, action: 'identity.agent.remove', objectType: 'account', objectId: citizenId });
  });
}
