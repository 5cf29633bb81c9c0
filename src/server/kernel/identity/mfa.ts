import QRCode from 'qrcode';
import type { Actor } from '../access';
import { appendAudit } from '../audit/write';
import { decryptField, encryptField } from '../crypto';
import type { IdentityContext, RequestMeta } from './context';
import { identityErrors } from './errors';
import { checkTotp, newTotpSecret, otpauthUri } from './totp';

/**
 * Enrolment: a new secret is stored (encrypted) but not active until the user
 * proves their authenticator with a code. An active authenticator is only
 * replaced after a fresh second factor, so a stolen password alone cannot.
 */
export async function startTotpEnrolment(ctx: IdentityContext, actor: Actor): Promise<{ secret: string; otpauthUri: string; qrDataUrl: string }> {
  const account = await ctx.db.selectFrom('account').select(['username', 'totp_enabled']).where('id', '=', actor.accountId).executeTakeFirstOrThrow();
  if (account.totp_enabled && actor.mfaPending) throw identityErrors.mfaRequired();
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('account')
    .set({ totp_secret: encryptField(ctx.keys.encryptionKey, secret, 'totp'), totp_enabled: false, totp_last_step: null })
    .where('id', '=', actor.accountId)
    .execute();
  const uri = otpauthUri(secret, account.username);
  return { secret, otpauthUri: uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

export async function confirmTotpEnrolment(ctx: IdentityContext, actor: Actor, code: string, meta: RequestMeta): Promise<void> {
  const account = await ctx.db.selectFrom('account').select(['totp_secret']).where('id', '=', actor.accountId).executeTakeFirstOrThrow();
  if (!account.totp_secret) throw identityErrors.totpNotEnrolled();
  const step = checkTotp(decryptField(ctx.keys.encryptionKey, account.totp_secret, 'totp'), code, null);
  if (step === null) throw identityErrors.badTotp();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('account').set({ totp_enabled: true, totp_last_step: step }).where('id', '=', actor.accountId).execute();
    if (actor.sessionId) await tx.updateTable('session').set({ mfa_passed: true }).where('id', '=', actor.sessionId).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: meta.ip, action: 'auth.totp.enrol', objectType: 'account', objectId: actor.accountId });
  });
}
