/**
 * `npm run bench`: every figure next to a baseline measured in the same run.
 * Figure 1 (platform foundation): GET /healthz of the full app (request id,
 * access hook, security headers, metrics, one JSON log line) against a bare
 * Fastify hello-world. Goal: ratio ≥ 0.7.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { compare, loadTool, row, spawnServer } from './lib';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-'));
// the embedded PostgreSQL runs as the postgres user when we are root and must reach DATA_DIR
fs.chmodSync(work, 0o755);
const ready = /"address":"(http:\/\/[^"]+)".*"msg":"Smart Yongchuan is ready"/;

const baseline = await spawnServer(['--import', 'tsx', 'bench/baseline-server.ts'], {}, path.join(work, 'baseline.log'), /READY (http:\/\/\S+)/);
const env: Record<string, string> = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(work, 'data'), EMBEDDED_PG_PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'production', SEED_DEMO: '1', TRUST_PROXY: '1', FIELD_ENCRYPTION_KEY: 'c5'.repeat(32), MQTT_PORT: '0' };
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

  // Identity figures: argon2id cost, logins per second, an authenticated GET against a public one.
  const { hashPassword } = await import('../src/server/kernel/identity/passwords');
  const hashStarted = performance.now();
  for (let i = 0; i < 20; i += 1) await hashPassword(`Bench-pass-${i}`);
  const argon2Ms = (performance.now() - hashStarted) / 20;
  console.log(`argon2id hash (19 MiB, t=2): ${argon2Ms.toFixed(1)} ms each (one core)`);

  const loginBody = JSON.stringify({ username: 'leader', password: 'Yongchuan@2026' });
  let n = 0;
  const logins = await autocannon({
    url: `${ours.url}/api/v1/auth/login`,
    connections: 8,
    duration: Math.min(seconds, 5),
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: loginBody, headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${(n >> 8) & 255}.${n++ & 255}` } }) }],
  });
  console.log(`logins per second (argon2id verify, session, audit): ${logins.requests.average.toFixed(0)}  non-2xx ${logins.non2xx}\n`);

  const signed = await fetch(`${ours.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.8.0.1' }, body: loginBody });
  const cookie = String(signed.headers.get('set-cookie')).split(';')[0]!;
  const orgUrl = `${ours.url}/api/v1/orgs/${orgs.items[5]!.id}`;
  const pub = await autocannon({ url: orgUrl, connections: 50, duration: seconds });
  const auth = await autocannon({ url: `${ours.url}/api/v1/auth/me`, connections: 50, duration: seconds, headers: { cookie } });
  console.log(`public GET /api/v1/orgs/:id (one row)            ${pub.requests.average.toFixed(0)} req/s  p99 ${pub.latency.p99} ms`);
  console.log(`authenticated GET /api/v1/auth/me (session+grants) ${auth.requests.average.toFixed(0)} req/s  p99 ${auth.latency.p99} ms  non-2xx ${auth.non2xx}`);
  console.log(`ratio ${(auth.requests.average / pub.requests.average).toFixed(2)} (goal ≥ 0.60)\n`);

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
