import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { AuditChainRunner } from './kernel/audit/chain-runner';
import { chainPendingAudit } from './kernel/audit/chainer';
import { purgeExpiredAudit } from './kernel/audit/retention';
import { EventBus } from './kernel/events/bus';
import { JobRunner } from './kernel/jobs/runner';
import { deliveryHandler, loadNotifyConfig } from './kernel/notify';
import { WorkflowEngine } from './kernel/workflow';
import { createFileStore, loadFileSettings } from './kernel/files';
import type { Config } from './kernel/config';
import { redactedConfig } from './kernel/config';
import { connect, ownTables, type Database } from './kernel/db/database';
import { loadFieldKeys } from './kernel/crypto';
import { builtinRoles, identityContext, seedDemoAccounts, syncBuiltinRoles } from './kernel/identity';
import type { OrgTables } from './modules/org';
import { startEmbedded, type EmbeddedServer } from './kernel/db/embedded';
import { migrate, type MigrationSource } from './kernel/db/migrate';
import { buildApp } from './kernel/http/app';
import type { Logger } from './kernel/logger';
import type { Kernel, Module, Served } from './kernel/module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { modules as allModules } from './modules';

export const kernelMigrations = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kernel/db/migrations');

export function migrationSources(modules: Module[]): MigrationSource[] {
  return [{ module: 'kernel', folder: kernelMigrations }, ...modules.map((m) => ({ module: m.name, folder: m.migrations }))];
}

/** The kernel context: configuration, database, logger, field keys, and the organisation directory the org module provides. */
export async function assembleKernel(config: Config, database: Database, log: Logger, modules: Module[] = allModules): Promise<Kernel> {
  const keys = await loadFieldKeys({ configuredKeyHex: config.fieldKey, dataDir: config.dataDir, log });
  const provider = modules.find((m) => m.orgDirectory);
  if (!provider?.orgDirectory) throw new Error('no module provides the organisation directory');
  const jobs = new JobRunner(database, log);
  const events = new EventBus(jobs);
  for (const module of modules) {
    for (const [type, handler] of Object.entries(module.subscribe ?? {})) events.subscribe(type, `${module.name}.${type}`, handler);
  }
  jobs.every('audit.retention', 6 * 60 * 60 * 1000, async (tx) => {
    const purged = await purgeExpiredAudit(tx, config.auditRetentionDays);
    if (purged > 0) log.info({ purged }, 'audit records past retention purged');
  });
  // finished jobs are kept a week for operators to look at, then removed
  jobs.every('jobs.cleanup', 24 * 60 * 60 * 1000, async (tx) => {
    await sql`DELETE FROM job WHERE status = 'done' AND finished_at < now() - interval '7 days'`.execute(tx);
  });
  jobs.handle('notify.deliver', deliveryHandler(database, { config: loadNotifyConfig(process.env), log }));
  const orgs = provider.orgDirectory({ database });
  const workflow = new WorkflowEngine(database, orgs, events);
  for (const module of modules) for (const def of module.processes ?? []) workflow.register(def);
  for (const module of modules) for (const [key, hook] of Object.entries(module.onTransition ?? {})) workflow.onTransition(key, hook);
  workflow.attach(jobs);
  const fileSettings = loadFileSettings(process.env, config.dataDir);
  const kernel: Kernel = { config, database, log, keys, orgs, jobs, events, workflow, files: { settings: fileSettings, store: createFileStore(fileSettings) } };
  for (const module of modules) module.background?.(kernel);
  return kernel;
}

/** Built-in roles with the kernel's permissions plus each module's grants. */
function rolesWithGrants(modules: Module[]) {
  return builtinRoles.map((role) => ({
    ...role,
    permissions: [...role.permissions, ...modules.flatMap((m) => m.grants?.[role.code] ?? [])],
  }));
}

/** Migrates kernel then modules, syncs built-in roles, then runs seeds (demo accounts only with SEED_DEMO). */
export async function prepareDatabase(kernel: Kernel, modules: Module[] = allModules): Promise<void> {
  await migrate(kernel.database.db, migrationSources(modules), kernel.log);
  await recordZone(kernel);
  await kernel.workflow.persistDefinitions();
  const identity = identityContext(kernel);
  await syncBuiltinRoles(identity.db, rolesWithGrants(modules));
  for (const module of modules) await module.seed?.(kernel, { demo: kernel.config.seedDemo });
  if (kernel.config.seedDemo) {
    const orgDb = ownTables<OrgTables>(kernel.database);
    const byName = async (name: string) => (await orgDb.selectFrom('org_unit').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null;
    const n = await seedDemoAccounts(identity, byName);
    if (n > 0) kernel.log.warn({ accounts: n }, `created demo accounts (password in README); never use SEED_DEMO=1 in production`);
  }
  // what seeding recorded takes its place in the chain now rather than at the chainer's first look
  await chainPendingAudit(kernel.database.db);
}

/** The database learns the deployment zone, so that its triggers refuse secret data on the extranet. */
async function recordZone(kernel: Kernel): Promise<void> {
  await sql`INSERT INTO platform_setting (id, zone) VALUES (true, ${kernel.config.zone})
            ON CONFLICT (id) DO UPDATE SET zone = EXCLUDED.zone`.execute(kernel.database.db);
}

/** Starts the modules' listeners besides HTTP (Module.serve), in module order. */
async function serveModules(kernel: Kernel, modules: Module[]): Promise<Served[]> {
  const served: Served[] = [];
  for (const module of modules) {
    if (!module.serve) continue;
    const listener = await module.serve(kernel);
    kernel.log.info({ module: module.name, ...listener.describe }, 'listening');
    served.push(listener);
  }
  return served;
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
  const kernel = await assembleKernel(config, database, log);
  try {
    await prepareDatabase(kernel);
    const app = await buildApp({ kernel, modules: allModules, ...(options.webRoot ? { webRoot: options.webRoot } : {}) });
    const address = await app.listen({ port: config.port, host: config.host });
    await kernel.jobs.start();
    const served = await serveModules(kernel, allModules).catch(async (error: unknown) => {
      await kernel.jobs.stop();
      await app.close();
      throw error;
    });
    const chainer = new AuditChainRunner(database.db, log);
    chainer.start();
    log.info({ address, startMs: Math.round(performance.now() - started) }, 'Smart Yongchuan is ready');
    const stop = async () => {
      await kernel.jobs.stop();
      // devices stop sending first; what they sent is written when the app closes (iot onClose)
      for (const listener of served.reverse()) await listener.stop().catch((error: unknown) => log.warn({ err: error }, 'a listener did not stop cleanly'));
      await app.close();
      // after the last request: what it recorded is chained before the pool closes
      await chainer.stop();
      await chainPendingAudit(database.db).catch((error: unknown) => log.warn({ err: error }, 'audit records left pending for the next start'));
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
