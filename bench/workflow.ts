/**
 * Workflow figures (issue: workflow engine), each beside a baseline measured in the same run:
 * - process starts and actions per second through the API (history, audit, outbox, jobs written)
 *   against a bare Fastify route doing one INSERT per request on the same database (goal ≥ 0.5);
 * - the inbox of a user with 10,000 open items among 1,000,000 instances: p95 (goal < 50 ms).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { createLogger } from '../src/server/kernel/logger';
import { spawnServer } from './lib';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const totalInstances = Number(process.env.BENCH_INSTANCES ?? 1_000_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-wf-'));
fs.chmodSync(work, 0o755);
const database = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log: createLogger('warn') });
const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: work, DATABASE_URL: database.url, LOG_LEVEL: 'warn', NODE_ENV: 'production', SEED_DEMO: '1', FIELD_ENCRYPTION_KEY: 'c5'.repeat(32), MQTT_PORT: '0' };
const ours = await spawnServer(['--import', 'tsx', 'src/server/main.ts'], { ...env, LOG_LEVEL: 'info' }, path.join(work, 'server.log'), /"address":"(http:\/\/[^"]+)".*"msg":"Smart Yongchuan is ready"/);
const base = await spawnServer(['--import', 'tsx', 'bench/insert-baseline.ts'], { DATABASE_URL: database.url }, path.join(work, 'insert.log'), /READY (http:\/\/\S+)/);
const client = new pg.Client({ connectionString: database.url });
await client.connect();

async function signIn(username: string) {
  const res = await fetch(`${ours.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Yongchuan@2026' }) });
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: String(res.headers.get('set-cookie')).split(';')[0]!, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' };
}

const rate = (r: autocannon.Result) => r.requests.average;
try {
  const applicant = await signIn('inspector');
  const reviewer = await signIn('cgreviewer');
  const body = JSON.stringify({ title: '压测：购置防汛沙袋', reason: '基准测试' });
  const baseline = await autocannon({ url: `${base.url}/insert`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: 16, duration: seconds });
  const starts = await autocannon({ url: `${ours.url}/api/v1/requests`, method: 'POST', headers: applicant, body, connections: 16, duration: seconds });
  console.log(`baseline: bare INSERT per request                 ${rate(baseline).toFixed(0)} req/s`);
  console.log(`ours: POST /api/v1/requests (start a process)      ${rate(starts).toFixed(0)} req/s  non-2xx ${starts.non2xx}  ratio ${(rate(starts) / rate(baseline)).toFixed(2)}`);

  const { rows } = await client.query<{ id: string }>(`SELECT id FROM wf_instance WHERE state = 'submitted' ORDER BY started_at`);
  let next = 0;
  // each request takes one pending instance forward, so the run stops when they are used up
  const started = performance.now();
  const actions = await autocannon({
    url: `${ours.url}/api/v1/workflow/instances/${rows[0]!.id}/actions/approve_section`,
    method: 'POST',
    headers: reviewer,
    body: '{}',
    connections: 16,
    amount: rows.length,
    requests: [{ setupRequest: (req) => ({ ...req, path: `/api/v1/workflow/instances/${rows[next++ % rows.length]!.id}/actions/approve_section` }) }],
  });
  const actionRate = (actions.requests.total - actions.non2xx) / ((performance.now() - started) / 1000);
  console.log(`ours: POST …/actions/approve_section (take action) ${actionRate.toFixed(0)} req/s  non-2xx ${actions.non2xx} errors ${actions.errors}  ratio ${(actionRate / rate(baseline)).toFixed(2)}  (goal ≥ 0.50)\n`);

  // 1,000,000 instances; 10,000 of their open steps wait for the reviewer's department and permission
  const org = (await client.query<{ org_id: string }>(`SELECT org_id FROM account WHERE username = 'cgreviewer'`)).rows[0]!.org_id;
  const path_ = (await client.query<{ path: string[] }>(`SELECT path FROM org_unit WHERE id = $1`, [org])).rows[0]!.path;
  const others = (await client.query<{ path: string[] }>(`SELECT path FROM org_unit WHERE kind IN ('department','street','town') AND id <> $1`, [org])).rows.map((r) => r.path);
  const filled = performance.now();
  await client.query(`CREATE TEMP TABLE org_paths (n int, path uuid[])`);
  await client.query(`INSERT INTO org_paths SELECT ordinality - 1, p::uuid[] FROM unnest($1::text[]) WITH ORDINALITY AS p`, [others.map((p) => `{${p.join(',')}}`)]);
  await client.query(`
    INSERT INTO wf_instance (id, definition_key, definition_version, business_module, business_id, business_no, title, state, initiator_id, org_id, started_at, due_at)
    SELECT gen_random_uuid(), 'requests.internal', 1, 'requests', g::text, 'NB20261126' || lpad(g::text, 7, '0'), '压测事项 ' || g, 'submitted',
           '00000000-0000-7000-8000-000000000001', $1::uuid, now() - interval '1 day', now() + (g % 20) * interval '1 day'
      FROM generate_series(1, $2::int) g`, [org, totalInstances]);
  await client.query(`
    INSERT INTO wf_step (id, instance_id, state, assignee_id, permission, org_path, entered_at, due_at)
    SELECT gen_random_uuid(), i.id, 'submitted', NULL,
           CASE WHEN r % 2 = 0 THEN 'requests:approve.section' ELSE 'requests:approve.leader' END,
           CASE WHEN r < $2::int THEN $1::uuid[] ELSE (SELECT path FROM org_paths WHERE n = r % (SELECT count(*) FROM org_paths)) END,
           i.started_at, i.due_at
      FROM (SELECT id, started_at, due_at, row_number() OVER () - 1 AS r FROM wf_instance WHERE business_no LIKE 'NB20261126%' AND title LIKE '压测事项%') i`,
    [`{${path_.join(',')}}`, 20_000]);
  await client.query('ANALYZE wf_step; ANALYZE wf_instance');
  const open = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM wf_step WHERE left_at IS NULL AND permission = 'requests:approve.section' AND org_path[array_length(org_path, 1)] = $1::uuid`, [org])).rows[0]!.n;
  console.log(`filled ${totalInstances} instances in ${((performance.now() - filled) / 1000).toFixed(0)} s; open items for the reviewer: ${open}`);

  const times: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    const t0 = performance.now();
    const res = await fetch(`${ours.url}/api/v1/inbox?limit=50`, { headers: { cookie: reviewer.cookie } });
    await res.arrayBuffer();
    if (i >= 20) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.floor((times.length - 1) * p)]!.toFixed(1);
  console.log(`inbox GET /api/v1/inbox?limit=50 (with counts): p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms  (goal p95 < 50 ms)`);
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
