import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/server/kernel/config';
import type { Database } from '../../src/server/kernel/db/database';
import { buildApp } from '../../src/server/kernel/http/app';
import type { ActorResolver } from '../../src/server/kernel/http/access-hooks';
import { createLogger } from '../../src/server/kernel/logger';
import type { Kernel } from '../../src/server/kernel/module';
import { modules } from '../../src/server/modules';
import { assembleKernel } from '../../src/server/platform';

/** A fixed field key for tests, so that no key file is written anywhere. */
export const testFieldKey = 'a3'.repeat(32);

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), fieldKey: testFieldKey, ...overrides };
}

export function testKernel(database: Database, overrides: Partial<Config> = {}): Promise<Kernel> {
  const config = testConfig(overrides);
  return assembleKernel(config, database, createLogger(config.logLevel));
}

/** The real app (every module, every hook) on a test database, for app.inject(). */
export async function buildTestApp(
  database: Database,
  options: { config?: Partial<Config>; webRoot?: string; resolveActor?: ActorResolver } = {},
): Promise<FastifyInstance> {
  const app = await buildApp({
    kernel: await testKernel(database, options.config),
    modules,
    webRoot: options.webRoot ?? '/nonexistent-web-root',
    ...(options.resolveActor ? { resolveActor: options.resolveActor } : {}),
  });
  await app.ready();
  return app;
}
