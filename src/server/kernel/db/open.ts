import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbedded } from './embedded';

export interface OpenedDatabase {
  url: string;
  adminUrl: string | null;
  close(): Promise<void>;
}

/**
 * For command-line tools: the configured server, or the embedded one — reused
 * if the platform is running on it, started for the duration otherwise.
 */
export async function openForTool(config: Config, log: Logger): Promise<OpenedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, adminUrl: null, close: async () => undefined };
  const pidFile = path.join(config.dataDir, 'pg', 'postmaster.pid');
  const pidText = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (pidText) {
    const [pid, , , port] = pidText.split('\n');
    const alive = await fs.access(`/proc/${pid}`).then(() => true, () => false);
    if (alive && port) {
      const secret = (await fs.readFile(path.join(config.dataDir, 'pg-password'), 'utf8')).trim();
      const base = `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${port.trim()}`;
      return { url: `${base}/yongchuan`, adminUrl: `${base}/postgres`, close: async () => undefined };
    }
  }
  const server = await startEmbedded({ dataDir: config.dataDir, port: 0, database: 'yongchuan', log });
  return { url: server.url, adminUrl: server.adminUrl, close: () => server.stop() };
}
