/**
 * `npm run bench`: every figure next to a baseline measured in the same run.
 * Figure 1 (platform foundation): GET /healthz of the full app (request id,
 * access hook, security headers, metrics, one JSON log line) against a bare
 * Fastify hello-world. Goal: ratio ≥ 0.7.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compare, loadTool, row, spawnServer } from './lib';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-'));
// the embedded PostgreSQL runs as the postgres user when we are root and must reach DATA_DIR
fs.chmodSync(work, 0o755);
const ready = /"address":"(http:\/\/[^"]+)".*"msg":"Smart Yongchuan is ready"/;

const baseline = await spawnServer(['--import', 'tsx', 'bench/baseline-server.ts'], {}, path.join(work, 'baseline.log'), /READY (http:\/\/\S+)/);
const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(work, 'data'), EMBEDDED_PG_PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production' };
const ours = await spawnServer(['--import', 'tsx', 'src/server/main.ts'], env, path.join(work, 'server.log'), ready);

try {
  console.log(`Smart Yongchuan bench — ${os.cpus().length} cores, load by ${loadTool}, ${seconds}s × ${rounds} alternating rounds, 50 connections, median round\n`);
  const health = await compare(`${baseline.url}/hello`, `${ours.url}/healthz`, rounds, seconds);
  console.log(row('baseline: bare Fastify GET /hello', health.baseline));
  console.log(row('ours: GET /healthz (full app, default config)', health.subject));
  console.log(`ratio ${health.ratio.toFixed(2)} (goal ≥ 0.70)\n`);

  const orgs = await fetch(`${ours.url}/api/v1/orgs`).then((r) => r.json() as Promise<{ items: Array<{ id: string }> }>);
  const one = await compare(`${baseline.url}/hello`, `${ours.url}/api/v1/orgs/${orgs.items[5]!.id}`, 1, seconds);
  console.log(row('ours: GET /api/v1/orgs/:id (database read)', one.subject));
  console.log(`ratio ${one.ratio.toFixed(2)} (information, no goal)\n`);

  fs.mkdirSync(path.join(process.cwd(), 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(process.cwd(), 'bench/results/latest.json'),
    JSON.stringify({ at: new Date().toISOString(), health, orgRead: one }, null, 2),
  );
} finally {
  await ours.stop();
  await baseline.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
