/**
 * DEVELOPMENT ONLY: a fresh token for a DEMO device, to send test data as it.
 *
 *   npx tsx src/server/modules/iot/dev-token.ts YC-DUST-0001
 *
 * Demo tokens are random and never printed at seeding; this rotates the demo device's token
 * (audited, as a rotation through the API would be) and prints the new one. Refused when
 * NODE_ENV=production and for devices that are not demo devices.
 */
import { loadConfig } from '../../kernel/config';
import { connect, ownTables } from '../../kernel/db/database';
import { openForTool } from '../../kernel/db/open';
import { createLogger } from '../../kernel/logger';
import { auditChange } from './registry/audit';
import { bumpRegistryVersion } from './registry/version';
import { newToken, tokenHash } from './credentials';
import type { IotTables } from './store';

const deviceId = process.argv[2];
const config = loadConfig();
if (config.nodeEnv === 'production') {
  process.stderr.write('dev-token: refused in production (NODE_ENV=production); rotate tokens through POST /api/v1/iot/devices/{id}/token\n');
  process.exit(2);
}
if (!deviceId) {
  process.stderr.write('usage: npx tsx src/server/modules/iot/dev-token.ts <demo device id>\n');
  process.exit(2);
}
const log = createLogger('warn');
const opened = await openForTool(config, log);
const database = connect(opened.url, 2);
try {
  const db = ownTables<IotTables>(database);
  const token = newToken();
  const done = await db.transaction().execute(async (tx) => {
    const row = await tx.updateTable('device').set({ credential_hash: tokenHash(token), credential_rotated_at: new Date() }).where('id', '=', deviceId).where('demo', '=', true).returning('type_code').executeTakeFirst();
    if (!row) return null;
    await bumpRegistryVersion(tx);
    const actor = { accountId: '00000000-0000-0000-0000-000000000000', displayName: 'dev-token (development tool)', orgId: null };
    await auditChange(tx, { ...actor, kind: 'staff', permissions: new Set(), grants: [], sessionId: null, apiKeyId: null, mfaPending: false }, null, 'iot.device.token.rotate', 'device', deviceId, { tool: 'dev-token' });
    const type = await tx.selectFrom('device_type').select('quantities').where('code', '=', row.type_code).executeTakeFirstOrThrow();
    return Object.fromEntries(type.quantities.map((q) => [q.key, Math.round(((q.min + q.max) / 4) * 10) / 10]));
  });
  if (!done) {
    process.stderr.write(`dev-token: ${deviceId} is not a demo device\n`);
    process.exitCode = 2;
  } else {
    process.stdout.write(`${deviceId}\n${token}\n\ncurl -X POST http://localhost:${config.port}/api/v1/telemetry -H 'Authorization: Device ${deviceId}:${token}' -H 'Content-Type: application/json' -d '${JSON.stringify({ values: done })}'\n`);
  }
} finally {
  await database.close();
  await opened.close();
}
