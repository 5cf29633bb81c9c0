/**
 * System accounts: the platform acting on its own (e.g. the sensing platform filing a case for an
 * alarm). Each is a staff account of an organisation so that histories, audit records and case
 * reporters name it like anyone else; it is created disabled with no usable password, so nobody
 * can sign in as it, and it holds no roles: the module building its Actor decides what it does.
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../access';
import type { IdentityDb } from './tables';

export interface SystemAccount {
  username: string;
  displayName: string;
  orgId: string;
}

/** Creates the account once (idempotent, safe when server copies race) and returns its Actor. */
export async function ensureSystemAccount(db: IdentityDb, account: SystemAccount, permissions: readonly string[]): Promise<Actor> {
  // '!' is no argon2 hash: no password ever matches it
  await sql`INSERT INTO account (id, kind, username, display_name, org_id, password_hash, status)
            VALUES (${uuidv7()}, 'staff', ${account.username}, ${account.displayName}, ${account.orgId}, '!', 'disabled')
            ON CONFLICT (username) DO NOTHING`.execute(db);
  const row = await db.selectFrom('account').select(['id', 'org_id', 'display_name']).where('username', '=', account.username).executeTakeFirstOrThrow();
  return {
    accountId: row.id,
    kind: 'staff',
    displayName: row.display_name,
    orgId: row.org_id,
    permissions: new Set(permissions),
    grants: permissions.map((permission) => ({ permission, scope: 'district' as const, orgId: account.orgId })),
    sessionId: null,
    apiKeyId: null,
    mfaPending: false,
  };
}
