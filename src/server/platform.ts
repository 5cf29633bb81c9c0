import type { FastifyInstance } from 'fastify';
import type { Config } from './kernel/config';
import { redactedConfig } from './kernel/config';
import { connect, type Database } from './kernel/db/database';
import { startEmbedded, type EmbeddedServer } from './kernel/db/embedded';
import { migrate, type MigrationSource } from './kernel/db/migrate';
import { buildApp } from './kernel/http/app';
import type { Logger } from './kernel/logger';
import type { Kernel, Module } from './kernel/module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modules as allModules } from './modules';

export const kernelMigrations = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kernel/db/migrations');

export function migrationSources(modules: Module[]): MigrationSource[] {
  return [{ module: 'kernel', folder: kernelMigrations }, ...modules.map((m) => ({ module: m.name, folder: m.migrations }))];
}

/** Migrates kernel then modules, then runs each module's seed. */
export async function prepareDatabase(kernel: Kernel, modules: Module[] = allModules): Promise<void> {
  await migrate(kernel.database.db, migrationSources(modules), kernel.log);
  for (const module of modules) await module.seed?.(kernel, { demo: kernel.config.seedDemo });
}

export interface Platform {
  app: FastifyInstance;
  kernel: Kernel;
  url: string;
  stop(): Promise<void>;
}

/** Start-up: config → database → modules → http (DESIGN §2). */
export async function startPlatform(config: Config, log: Logger, options: { webRoot?: string } = {}): Promise<Platform> {
  const started = performance.now();
  log.info({ config: redactedConfig(config) }, 'starting Smart Yongchuan');
  let embedded: EmbeddedServer | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbedded({ dataDir: config.dataDir, port: config.embeddedPgPort, database: 'yongchuan', log });
    databaseUrl = embedded.url;
    log.info({ port: embedded.port }, 'embedded PostgreSQL ready');
  }
  const database: Database = connect(databaseUrl);
  const kernel: Kernel = { config, database, log };
  try {
    await prepareDatabase(kernel);
    const app = await buildApp({ kernel, modules: allModules, ...(options.webRoot ? { webRoot: options.webRoot } : {}) });
    const address = await app.listen({ port: config.port, host: config.host });
    log.info({ address, startMs: Math.round(performance.now() - started) }, 'Smart Yongchuan is ready');
    const stop = async () => {
      await app.close();
      await database.close();
      if (embedded) await embedded.stop();
    };
    const port = (app.server.address() as { port: number }).port;
    return { app, kernel, url: `http://127.0.0.1:${port}`, stop };
  } catch (error) {
    await database.close().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
    throw error;
  }
}
