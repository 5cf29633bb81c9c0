import { validateIdNumber, validateMobilePhone, maskIdNumber, maskPhone } from '../../../shared/validators';
import type { Actor } from '../access';
import { appendAudit } from '../audit/write';
import { blindIndex, decryptField } from '../crypto';
import type { IdentityContext, RequestMeta } from './context';
import { identityErrors } from './errors';

export interface MaskedCitizen {
  id: string;
  realName: string;
  idNumber: string;
  phone: string;
  masked: true;
}

/**
 * Exact lookup of a registered citizen by ID number or mobile number, through
 * the blind index (the stored values are encrypted). Results leave masked.
 */
export async function findCitizen(ctx: IdentityContext, query: { idNumber?: string; phone?: string }): Promise<MaskedCitizen[]> {
  let q = ctx.db.selectFrom('citizen_profile').selectAll();
  if (query.idNumber) {
    const id = validateIdNumber(query.idNumber);
    if (!id.ok) throw identityErrors.idNumberInvalid(id.reason);
    q = q.where('id_number_index', '=', blindIndex(ctx.keys.indexKey, id.normalized, 'id-number'));
  } else if (query.phone) {
    const phone = validateMobilePhone(query.phone);
    if (!phone.ok) throw identityErrors.phoneInvalid();
    q = q.where('phone_index', '=', blindIndex(ctx.keys.indexKey, phone.normalized, 'phone'));
  } else {
    return [];
  }
  const rows = await q.limit(5).execute();
  return rows.map((r) => ({
    id: r.account_id,
    realName: r.real_name,
    idNumber: maskIdNumber(decryptField(ctx.keys.encryptionKey, r.id_number_enc, 'id-number')),
    phone: maskPhone(decryptField(ctx.keys.encryptionKey, r.phone_enc, 'phone')),
    masked: true as const,
  }));
}

/** The unmasked values, for a holder of `personal:reveal`; every reveal is an audit record. */
export async function revealCitizen(ctx: IdentityContext, actor: Actor, accountId: string, reason: string, meta: RequestMeta) {
  const row = await ctx.db.selectFrom('citizen_profile').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  if (!row) throw identityErrors.accountNotFound(accountId);
  await ctx.db.transaction().execute((tx) =>
    appendAudit(tx, {
      actorId: actor.accountId,
      actorName: actor.displayName,
      orgId: actor.orgId,
      ip: meta.ip,
      action: 'personal.reveal',
      objectType: 'citizen',
      objectId: accountId,
      details: { fields: ['idNumber', 'phone'], reason },
    }),
  );
  return {
    id: row.account_id,
    realName: row.real_name,
    idNumber: decryptField(ctx.keys.encryptionKey, row.id_number_enc, 'id-number'),
    phone: decryptField(ctx.keys.encryptionKey, row.phone_enc, 'phone'),
    masked: false as const,
  };
}
