/** `npm run backup -- [file]`: a consistent logical backup, also while the platform runs. */
import { backupDatabase } from '../src/server/kernel/db/backup';
import { openForTool } from '../src/server/kernel/db/open';
import { loadConfig } from '../src/server/kernel/config';
import { createLogger } from '../src/server/kernel/logger';

const config = loadConfig();
const log = createLogger('warn');
const file = process.argv[2] ?? `yongchuan-${new Date().toISOString().replace(/[:.]/g, '-')}.sybak`;
const db = await openForTool(config, log);
try {
  const header = await backupDatabase(db.url, file);
  process.stdout.write(`backup written to ${file} (${header.tables.length} tables, ${header.migrations.length} migrations)\n`);
} finally {
  await db.close();
}
