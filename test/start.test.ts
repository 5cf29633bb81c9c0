import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from './helpers/db';
import { repoRoot, startServerProcess } from './helpers/server-process';

const external = Boolean(process.env.DATABASE_URL);
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

async function orgIds(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/v1/orgs`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Array<{ id: string }> }).items.map((o) => o.id);
}

describe('starting the platform', () => {
  it.skipIf(external)('creates the embedded PostgreSQL on first start, reuses it and keeps the data on the second', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sy-start-'));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0' };
    const cold = await startServerProcess(env);
    const ready = await fetch(`${cold.url}/readyz`);
    expect(ready.status).toBe(200);
    const first = await orgIds(cold.url);
    expect(first.length).toBeGreaterThan(60);
    const coldExit = await cold.stop();
    if (coldExit !== 0) console.log(cold.output().slice(-3000));
    expect(coldExit).toBe(0);

    const warm = await startServerProcess(env);
    expect(await orgIds(warm.url)).toEqual(first);
    expect(warm.output()).not.toContain('creating the embedded PostgreSQL cluster');
    expect(await warm.stop()).toBe(0);
    // informational, never asserted: timings do not belong in tests
    console.info(`cold start ${cold.startMs} ms, warm start ${warm.startMs} ms`);
  });

  it.skipIf(external)('starts again after being killed (orphaned PostgreSQL) without losing data', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sy-kill-'));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0' };
    const first = await startServerProcess(env);
    const ids = await orgIds(first.url);
    await first.stop('SIGKILL');
    // its PostgreSQL child is now an orphan; the next start shuts it down cleanly and goes on
    const again = await startServerProcess(env);
    expect(again.output()).toContain('left running by an earlier, killed platform process');
    expect(await orgIds(again.url)).toEqual(ids);
    expect(await again.stop()).toBe(0);
  });

  it('uses the server of DATABASE_URL when it is set', async () => {
    const t = await freshDatabase();
    try {
      const server = await startServerProcess({ DATABASE_URL: t.url, DATA_DIR: path.join(os.tmpdir(), 'sy-unused') });
      expect(server.output()).not.toContain('embedded PostgreSQL');
      expect((await orgIds(server.url))[0]).toBeDefined();
      expect(await server.stop()).toBe(0);
    } finally {
      await t.drop();
    }
  });

  it('refuses a wrong configuration value, naming the variable and what is allowed', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('an integer from 0 to 65535');
  });
});
