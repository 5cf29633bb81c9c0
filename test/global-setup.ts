import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { loadConfig } from '../src/server/kernel/config';
import { connect } from '../src/server/kernel/db/database';
import { ensureDatabase, startEmbedded, type EmbeddedServer } from '../src/server/kernel/db/embedded';
import { createLogger } from '../src/server/kernel/logger';
import { assembleKernel, prepareDatabase } from '../src/server/platform';
import { testFieldKey } from './helpers/app';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/**
 * One PostgreSQL for the whole run: the embedded one on a free port, or the
 * server of DATABASE_URL. A template database is migrated and seeded once;
 * every test file then gets its own copy of it (test/helpers/db.ts).
 */
export default async function setup(project: TestProject) {
  const log = createLogger('warn');
  let embedded: EmbeddedServer | null = null;
  let tmp: string | null = null;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sy-test-'));
    embedded = await startEmbedded({ dataDir: tmp, port: 0, database: 'postgres', log });
    adminUrl = embedded.adminUrl;
  }
  const template = `sy_tpl_${process.pid}_${Date.now().toString(36)}`;
  await ensureDatabase(adminUrl, template);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  const database = connect(templateUrl.toString(), 2);
  const config = { ...loadConfig({ NODE_ENV: 'test' }), seedDemo: true, fieldKey: testFieldKey };
  await prepareDatabase(await assembleKernel(config, database, log));
  await database.close();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `sy_t_${process.pid}_%`],
    );
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(row.datname)} WITH (FORCE)`);
    await client.end();
    if (embedded) await embedded.stop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  };
}
