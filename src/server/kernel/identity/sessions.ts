import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { sm3 } from '../crypto';
import type { AnyTx } from '../audit/write';
import type { IdentityDb } from './tables';

export const sessionCookie = 'sy_session';
/** A session lives at most this long even when used continuously. */
export const absoluteLifetimeHours = 12;

export const tokenHash = (token: string) => sm3(token);

export async function createSession(
  tx: AnyTx,
  accountId: string,
  mfaPassed: boolean,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ id: string; token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = uuidv7();
  await (tx as IdentityDb)
    .insertInto('session')
    .values({ id, token_hash: tokenHash(token), account_id: accountId, csrf_token: csrfToken, mfa_passed: mfaPassed, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null })
    .execute();
  return { id, token, csrfToken };
}

/** Refreshes the idle clock at most once a minute, so that reads do not each cost a write. */
export async function touchSession(db: IdentityDb, session: { id: string; last_seen_at: Date }): Promise<void> {
  if (Date.now() - session.last_seen_at.getTime() < 60_000) return;
  await db.updateTable('session').set({ last_seen_at: sql<Date>`now()` }).where('id', '=', session.id).execute();
}
