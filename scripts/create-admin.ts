/**
 * `npm run admin:create -- <username> <display name> [role]`: the first
 * administrator of a production deployment (no account with a known password
 * exists there). The password is read from ADMIN_PASSWORD or typed at the
 * prompt; the account must bind TOTP at its first sign-in. Roles: system_admin
 * (default), security_admin, audit_admin — create one account for each.
 */
import readline from 'node:readline/promises';
import { v7 as uuidv7 } from 'uuid';
import { checkPasswordStrength } from '../src/shared/validators';
import { appendAudit } from '../src/server/kernel/audit/write';
import { loadConfig } from '../src/server/kernel/config';
import { connect, ownTables } from '../src/server/kernel/db/database';
import { openForTool } from '../src/server/kernel/db/open';
import { hashPassword } from '../src/server/kernel/identity/passwords';
import type { IdentityTables } from '../src/server/kernel/identity/tables';
import { createLogger } from '../src/server/kernel/logger';
import { assembleKernel, prepareDatabase } from '../src/server/platform';

const [username, displayName, roleCode = 'system_admin'] = process.argv.slice(2);
if (!username || !displayName || !['system_admin', 'security_admin', 'audit_admin'].includes(roleCode)) {
  process.stderr.write('usage: npm run admin:create -- <username> <display name> [system_admin|security_admin|audit_admin]\n');
  process.exit(2);
}
let password = process.env.ADMIN_PASSWORD ?? '';
if (!password) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('password / 密码: ');
  rl.close();
}
const problems = checkPasswordStrength(password);
if (problems.length > 0) {
  process.stderr.write(problems.map((p) => `${p.message.zh} / ${p.message.en}`).join('\n') + '\n');
  process.exit(2);
}
const config = loadConfig();
const log = createLogger('warn');
const opened = await openForTool(config, log);
const database = connect(opened.url, 2);
try {
  const kernel = await assembleKernel(config, database, log);
  await prepareDatabase(kernel);
  const db = ownTables<IdentityTables>(database);
  const rootId = await kernel.orgs.rootId();
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const id = uuidv7();
    await tx.insertInto('account').values({ id, kind: 'staff', username, display_name: displayName, org_id: rootId, password_hash: hash }).execute();
    const role = await tx.selectFrom('role').select('id').where('code', '=', roleCode).executeTakeFirstOrThrow();
    await tx.insertInto('account_role').values({ account_id: id, role_id: role.id, org_id: rootId, scope: 'district', granted_by: null }).execute();
    await appendAudit(tx, { actorName: 'command line', action: 'identity.admin.create', objectType: 'account', objectId: id, details: { username, role: roleCode } });
  });
  process.stdout.write(`created ${roleCode} ${username}; bind an authenticator (TOTP) at the first sign-in\n`);
} finally {
  await database.close();
  await opened.close();
}
