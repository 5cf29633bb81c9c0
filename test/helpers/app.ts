import type { ActorResolver } from '../../src/server/kernel/http/access-hooks';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/server/kernel/config';
import type { Database } from '../../src/server/kernel/db/database';
import { buildApp } from '../../src/server/kernel/http/app';
import { createLogger } from '../../src/server/kernel/logger';
import type { Kernel } from '../../src/server/kernel/module';
import { modules } from '../../src/server/modules';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides };
}

export function testKernel(database: Database, overrides: Partial<Config> = {}): Kernel {
  const config = testConfig(overrides);
  return { config, database, log: createLogger(config.logLevel) };
}

/** The real app (every module, every hook) on a test database, for app.inject(). */
export async function buildTestApp(
  database: Database,
  options: { config?: Partial<Config>; webRoot?: string; resolveActor?: ActorResolver } = {},
): Promise<FastifyInstance> {
  const app = await buildApp({
    kernel: testKernel(database, options.config),
    modules,
    webRoot: options.webRoot ?? '/nonexistent-web-root',
    ...(options.resolveActor ? { resolveActor: options.resolveActor } : {}),
  });
  await app.ready();
  return app;
}
