/**
 * `npm run audit:verify`: chains the audit records still pending (committed
 * changes waiting for their place in the chain), then walks the SM3 audit chain
 * and names the first record that was changed, inserted or removed. Exit code 0
 * intact, 1 broken.
 */
import { loadConfig } from '../src/server/kernel/config';
import { chainPendingAudit } from '../src/server/kernel/audit/chainer';
import type { AuditTables } from '../src/server/kernel/audit/tables';
import { verifyAuditChain } from '../src/server/kernel/audit/verify';
import { connect, ownTables } from '../src/server/kernel/db/database';
import { openForTool } from '../src/server/kernel/db/open';
import { createLogger } from '../src/server/kernel/logger';

const config = loadConfig();
const opened = await openForTool(config, createLogger('warn'));
const database = connect(opened.url, 2);
const started = performance.now();
try {
  const audit = ownTables<AuditTables>(database);
  await chainPendingAudit(audit);
  const result = await verifyAuditChain(audit);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.ok) {
    process.stdout.write(`审计链完整 / audit chain intact: ${result.checked} records checked in ${seconds} s\n`);
  } else {
    const p = result.firstProblem!;
    process.stdout.write(`审计链被破坏 / audit chain BROKEN at record ${p.seq}: ${p.message.zh} / ${p.message.en} (${result.checked} records verified before it)\n`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
  await opened.close();
}
