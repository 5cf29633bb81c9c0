/**
 * 网上申报 figure (issue 5), beside a baseline measured in the same run on the same database:
 * POST /api/v1/services/applications/submissions — the 食品经营许可（新设） form answers checked (ID number
 * check digit, select options), four material files checked (owner, content type) and recorded, the
 * business number from the day's counter, the applicant's ID number and phone SM4-sealed with blind
 * indexes, the approval process started (step, deadline in working days, deemed-acceptance job), the
 * applicant notified, audit and outbox — all in one transaction — against a bare Fastify route doing one
 * single-row INSERT per request. Goal: ratio ≥ 0.4.
 * `npx tsx bench/services-apply.ts`; BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 16), BENCH_SETTLE_MS (default
 * 20000), BENCH_CPU_PROFILE (a directory for the server's V8 CPU profile), BENCH_DIAG=1 (what the database
 * sessions wait for during the run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { minimalPdf } from '../src/server/kernel/files/test-samples';
import { createLogger } from '../src/server/kernel/logger';
import { spawnServer } from './lib';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-apply-'));
fs.chmodSync(work, 0o755);
const database = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log: createLogger('warn') });
const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: work, DATABASE_URL: database.url, LOG_LEVEL: 'info', NODE_ENV: 'production', SEED_DEMO: '1', FIELD_ENCRYPTION_KEY: 'c5'.repeat(32), MQTT_PORT: '0' };
// BENCH_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (where the time goes)
const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROFILE] : [];
const ours = await spawnServer([...profile, '--import', 'tsx', 'src/server/main.ts'], env, path.join(work, 'server.log'), /"address":"(http:\/\/[^"]+)".*"msg":"Smart Yongchuan is ready"/);
const base = await spawnServer(['--import', 'tsx', 'bench/insert-baseline.ts'], { DATABASE_URL: database.url }, path.join(work, 'insert.log'), /READY (http:\/\/\S+)/);
const client = new pg.Client({ connectionString: database.url });
await client.connect();

async function signIn(username: string) {
  const res = await fetch(`${ours.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Yongchuan@2026' }) });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: String(res.headers.get('set-cookie')).split(';')[0]!, 'x-csrf-token': body.csrfToken };
}

/** One material file uploaded through the kernel's files route (content-checked as a PDF). */
async function upload(headers: Record<string, string>, seq: number): Promise<string> {
  const res = await fetch(`${ours.url}/api/v1/files`, { method: 'POST', headers: { ...headers, 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(`材料${seq}.pdf`) }, body: new Uint8Array(minimalPdf()) });
  if (res.status !== 201 && res.status !== 200) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

const rate = (r: autocannon.Result) => r.requests.average;
const p99 = (r: autocannon.Result) => r.latency.p99;
try {
  const citizen = await signIn('citizen');
  // the materials are uploaded once (uploads are the files module's figure) and named by every submission
  const materials = [];
  for (const seq of [2, 3, 4, 5]) materials.push({ seq, fileId: await upload(citizen, seq) });
  const answers = { operatorName: '永川区小张面馆', premises: '重庆市永川区中山路街道人民大道 88 号', format: '餐饮服务经营者', scope: '热食类食品制售', managerId: '11010519491231002X', contactPhone: '13800238123' };
  const body = JSON.stringify({ itemCode: '010000100001', answers, materials });
  const headers = { ...citizen, 'content-type': 'application/json' };
  const probe = await fetch(`${ours.url}/api/v1/services/applications/submissions`, { method: 'POST', headers: { ...headers, 'idempotency-key': 'bench-probe-0001' }, body });
  if (probe.status !== 201) throw new Error(`a submission failed: ${probe.status} ${await probe.text()}`);

  // the server's own start-up work (partitions, audit chaining, grid geometry) goes on for a while after
  // "ready" and would slow whichever run comes first: let it finish (as bench/services.ts does)
  await new Promise((done) => setTimeout(done, Number(process.env.BENCH_SETTLE_MS ?? 20_000)));
  const baseline = await autocannon({ url: `${base.url}/insert`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration: seconds });
  let n = 0;
  // BENCH_DIAG=1: what the database sessions wait for during the run (locks, I/O, CPU)
  const waits = new Map<string, number>();
  const sampler = process.env.BENCH_DIAG
    ? setInterval(() => {
        void client
          .query<{ w: string }>(`SELECT coalesce(wait_event_type || ':' || wait_event, 'cpu') || '  ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS w FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'`)
          .then((r) => r.rows.forEach((row) => waits.set(row.w, (waits.get(row.w) ?? 0) + 1)), () => undefined);
      }, 50)
    : undefined;
  const submissions = await autocannon({
    url: `${ours.url}/api/v1/services/applications/submissions`,
    method: 'POST',
    headers,
    body,
    connections,
    duration: seconds,
    // every submission is a new application: its own Idempotency-Key
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${(n += 1)}` } }) }],
  });
  if (sampler) {
    clearInterval(sampler);
    for (const [w, k] of [...waits].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${String(k).padStart(6)}  ${w}`);
  }
  const stored = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM service_application WHERE status = 'submitted'`)).rows[0]!.n;
  const started = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM wf_instance WHERE definition_key = 'services.application'`)).rows[0]!.n;
  const files = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM service_application_material`)).rows[0]!.n;
  const ok = submissions.requests.total - submissions.non2xx;
  console.log(`网上申报 bench — ${os.cpus().length} cores, autocannon ${connections} connections, ${seconds}s each\n`);
  console.log(`baseline: bare Fastify, one INSERT per request      ${rate(baseline).toFixed(0).padStart(6)} req/s  p99 ${p99(baseline).toFixed(1)} ms`);
  console.log(`ours: POST /services/applications/submissions       ${rate(submissions).toFixed(0).padStart(6)} req/s  p99 ${p99(submissions).toFixed(1)} ms  non-2xx ${submissions.non2xx} errors ${submissions.errors}`);
  console.log(`ratio ${(rate(submissions) / rate(baseline)).toFixed(2)} (goal ≥ 0.40)`);
  console.log(`written: ${stored} applications (${ok + 1} answered 2xx), ${started} processes started, ${files} material records`);
  // requests still in flight when the run ends may commit after it: more rows than answers is fine
  if (submissions.non2xx > 0 || stored < ok + 1 || started !== stored) process.exitCode = 1;
} catch (error) {
  console.error(error);
  console.error(fs.readFileSync(path.join(work, 'server.log'), 'utf8').slice(-3000));
  process.exitCode = 1;
} finally {
  await client.end();
  await ours.stop();
  await base.stop();
  await database.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
