/**
 * 共享交换 figures, beside a baseline measured in the same run (bare Fastify hello-world):
 * exchange API lookups of natural persons by ID number — key check, grant check, one indexed read
 * through the blind index, SM4 decryption, the SM3 digest of the reply, and the signed log entry
 * (group commit: one transaction and one SM2 signature per batch) before the answer. Every request
 * asks for a different person of the demo register. Goal: ratio ≥ 0.4, p99 < 20 ms.
 * `npx tsx bench/sharing.ts`; BENCH_SECONDS, BENCH_ROUNDS as in bench/run.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { createLogger } from '../src/server/kernel/logger';
import { demoPersons } from '../src/server/modules/registry/seed-data';
import { row, spawnServer, type LoadResult } from './lib';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-sharing-'));
fs.chmodSync(work, 0o755);
const database = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log: createLogger('warn') });
const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: work, DATABASE_URL: database.url, LOG_LEVEL: 'info', NODE_ENV: 'production', SEED_DEMO: '1', FIELD_ENCRYPTION_KEY: 'c5'.repeat(32), MQTT_PORT: '0' };
const baseline = await spawnServer(['--import', 'tsx', 'bench/baseline-server.ts'], {}, path.join(work, 'baseline.log'), /READY (http:\/\/\S+)/);
const ours = await spawnServer(['--import', 'tsx', 'src/server/main.ts'], env, path.join(work, 'server.log'), /"address":"(http:\/\/[^"]+)".*"msg":"Smart Yongchuan is ready"/);

/** A system of 区城市管理局 and a key for it, made by its reviewer as a person would. */
async function systemKey(): Promise<string> {
  const login = await fetch(`${ours.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cgreviewer', password: 'Yongchuan@2026' }) });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const session = { cookie: String(login.headers.get('set-cookie')).split(';')[0]!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const systems = (await (await fetch(`${ours.url}/api/v1/sharing/systems`, { headers: session })).json()) as { items: Array<{ id: string }> };
  const res = await fetch(`${ours.url}/api/v1/sharing/systems/${systems.items[0]!.id}/keys`, { method: 'POST', headers: session, body: '{}' });
  if (res.status !== 201) throw new Error(`key: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { secret: string }).secret;
}

async function run(url: string, headers: Record<string, string>, paths: string[] | null, duration: number): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url,
    connections: 50,
    duration,
    headers,
    ...(paths ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[n++ % paths.length]! }) }] } : {}),
  });
  return { requestsPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const median = (xs: LoadResult[]) => [...xs].sort((a, b) => a.requestsPerSec - b.requestsPerSec)[Math.floor(xs.length / 2)]!;

try {
  console.log(`共享交换 bench — ${os.cpus().length} cores, autocannon, ${seconds}s × ${rounds} alternating rounds, 50 connections, median round\n`);
  await new Promise((done) => setTimeout(done, Number(process.env.BENCH_SETTLE_MS ?? 20_000)));
  const key = await systemKey();
  const persons = demoPersons(300);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const resource = (await client.query<{ id: string }>(`SELECT id FROM catalog_resource WHERE name = '自然人基础信息'`)).rows[0]!.id;
  const paths = persons.map((p) => `/exchange/v1/resources/${resource}/records?${new URLSearchParams({ 公民身份号码: p.idNumber, fields: '姓名,公民身份号码,性别,出生日期,人员状态' })}`);
  const probe = await fetch(`${ours.url}${paths[0]}`, { headers: { authorization: `Bearer ${key}` } });
  const probeBody = (await probe.json()) as { records: unknown[] };
  if (probe.status !== 200 || probeBody.records.length !== 1) throw new Error(`probe: ${probe.status} ${JSON.stringify(probeBody)}`);
  const before = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM share_exchange')).rows[0]!.n);
  const batchesBefore = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM share_exchange_batch')).rows[0]!.n);
  await run(`${baseline.url}/hello`, {}, null, 2);
  await run(ours.url, { authorization: `Bearer ${key}` }, paths, 2);
  const b: LoadResult[] = [];
  const s: LoadResult[] = [];
  for (let i = 0; i < rounds; i += 1) {
    b.push(await run(`${baseline.url}/hello`, {}, null, seconds));
    s.push(await run(ours.url, { authorization: `Bearer ${key}` }, paths, seconds));
  }
  const base = median(b);
  const subject = median(s);
  console.log(row('baseline: bare Fastify GET /hello', base));
  console.log(row('ours: exchange lookup by ID number', subject));
  console.log(`ratio ${(subject.requestsPerSec / base.requestsPerSec).toFixed(2)}, p99 ${subject.p99.toFixed(1)} ms (goal ratio ≥ 0.40, p99 < 20 ms)`);
  const after = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM share_exchange')).rows[0]!.n);
  const batches = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM share_exchange_batch')).rows[0]!.n) - batchesBefore;
  console.log(`signed log: ${after - before} exchanges in ${batches} signed batches (${((after - before) / Math.max(1, batches)).toFixed(1)} per SM2 signature)`);
  await client.end();
} catch (error) {
  console.error(error);
  console.error(fs.readFileSync(path.join(work, 'server.log'), 'utf8').slice(-3000));
  process.exitCode = 1;
} finally {
  await ours.stop();
  await baseline.stop();
  await database.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
