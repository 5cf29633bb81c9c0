import { sql } from 'kysely';
import { appendAudit, auditAlone } from '../audit/write';
import { decryptField } from '../crypto';
import { needsMfa } from './actor';
import type { IdentityContext, RequestMeta } from './context';
import { identityErrors } from './errors';
import { dummyHash, verifyPassword } from './passwords';
import { createSession } from './sessions';
import { checkTotp } from './totp';

/** Per address: at most this many login attempts a minute, across all server copies. */
const attemptsPerMinutePerAddress = 20;

export interface LoginResult {
  token: string;
  csrfToken: string;
  accountId: string;
  /** none: signed in; verify: enter the TOTP code; enrol: an administrator must set up TOTP first */
  mfa: 'none' | 'verify' | 'enrol';
}

async function rateLimit(ctx: IdentityContext, ip: string | null): Promise<void> {
  if (!ip) return;
  const row = await ctx.db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('at', '>', sql<Date>`now() - interval '1 minute'`)
    .executeTakeFirstOrThrow();
  await ctx.db.insertInto('login_attempt').values({ ip }).execute();
  // only the last minute matters: the address's older rows go, so the table stays small
  await ctx.db.deleteFrom('login_attempt').where('ip', '=', ip).where('at', '<', sql<Date>`now() - interval '1 minute'`).execute();
  if (Number(row.n) >= attemptsPerMinutePerAddress) throw identityErrors.tooManyAttempts();
}

export async function login(ctx: IdentityContext, username: string, password: string, meta: RequestMeta): Promise<LoginResult> {
  await rateLimit(ctx, meta.ip);
  const account = await ctx.db
    .selectFrom('account as a')
    .select(['a.id', 'a.display_name', 'a.org_id', 'a.password_hash', 'a.status', 'a.failed_logins', 'a.locked_until', 'a.totp_enabled'])
    .select(sql<boolean>`EXISTS (SELECT 1 FROM account_role ar JOIN role r ON r.id = ar.role_id WHERE ar.account_id = a.id AND r.admin_kind IS NOT NULL)`.as('is_admin'))
    .where('a.username', '=', username)
    .executeTakeFirst();
  const audit = { ip: meta.ip, action: 'auth.login', objectType: 'account' };
  if (!account) {
    await verifyPassword(await dummyHash(), password);
    await auditAlone(ctx.db, { ...audit, result: 'failure', details: { username: username.slice(0, 64), reason: 'unknown user' } });
    throw identityErrors.badCredentials();
  }
  const who = { ...audit, actorId: account.id, actorName: account.display_name, orgId: account.org_id, objectId: account.id };
  if (account.locked_until && account.locked_until > new Date()) {
    await auditAlone(ctx.db, { ...who, result: 'denied', details: { reason: 'locked' } });
    throw identityErrors.locked(account.locked_until);
  }
  if (account.status !== 'active') {
    await auditAlone(ctx.db, { ...who, result: 'denied', details: { reason: 'disabled' } });
    throw identityErrors.disabled();
  }
  if (!(await verifyPassword(account.password_hash, password))) {
    const failures = account.failed_logins + 1;
    const lock = failures >= ctx.config.lockoutThreshold;
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('account')
        .set({
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? sql<Date>`now() + make_interval(mins => ${ctx.config.lockoutMinutes})` : null,
        })
        .where('id', '=', account.id)
        .execute();
      await appendAudit(tx, { ...who, result: 'failure', details: { reason: 'wrong password', failures, locked: lock } });
    });
    throw identityErrors.badCredentials();
  }
  const mfa: LoginResult['mfa'] = !needsMfa(account) ? 'none' : account.totp_enabled ? 'verify' : 'enrol';
  return ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('account').set({ failed_logins: 0, locked_until: null }).where('id', '=', account.id).execute();
    const session = await createSession(tx, account.id, mfa === 'none', meta);
    await appendAudit(tx, { ...who, details: { mfa, session: session.id } });
    return { token: session.token, csrfToken: session.csrfToken, accountId: account.id, mfa };
  });
}

/** Second factor for a signed-in session: a code is accepted once (no replay). */
export async function verifySecondFactor(ctx: IdentityContext, sessionId: string, accountId: string, code: string, meta: RequestMeta): Promise<void> {
  const account = await ctx.db
    .selectFrom('account')
    .select(['id', 'display_name', 'org_id', 'totp_secret', 'totp_enabled', 'totp_last_step'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  if (!account.totp_enabled || !account.totp_secret) throw identityErrors.totpNotEnrolled();
  const secret = decryptField(ctx.keys.encryptionKey, account.totp_secret, 'totp');
  const step = checkTotp(secret, code, account.totp_last_step === null ? null : Number(account.totp_last_step));
  const who = { actorId: account.id, actorName: account.display_name, orgId: account.org_id, ip: meta.ip, action: 'auth.totp', objectType: 'session', objectId: sessionId };
  if (step === null) {
    await auditAlone(ctx.db, { ...who, result: 'failure' });
    throw identityErrors.badTotp();
  }
  await ctx.db.transaction().execute(async (tx) => {
    // the step only moves forward, even if two servers check the same code at once
    const moved = await tx
      .updateTable('account')
      .set({ totp_last_step: step })
      .where('id', '=', account.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) throw identityErrors.badTotp();
    await tx.updateTable('session').set({ mfa_passed: true }).where('id', '=', sessionId).execute();
    await appendAudit(tx, who);
  });
}
