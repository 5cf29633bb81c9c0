/**
 * Open311 figures, each beside a baseline measured in the same run:
 * - POST /open311/v2/requests.json per second (form body, API key checked, a real case opened:
 *   case row, process start, history, audit, outbox) against a bare Fastify route doing one
 *   INSERT per request on the same database (bench/insert-baseline.ts). Goal: ratio ≥ 0.4.
 *   For reference, the same report through the platform's own POST /api/v1/cases: what Open311 adds.
 * - GET requests.json?status=open&start_date…&end_date… (90 days, 1,000 newest) over 1,000,000
 *   cases: p95 as the client sees it. Goal < 50 ms. Also: the SQL alone and its plan's execution
 *   time, the server's own timing (its /metrics histogram), and the closed and all-status queries.
 * `npx tsx bench/open311.ts`; BENCH_CASES=100000 for a quicker run, BENCH_SECONDS for the load time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { connect } from '../src/server/kernel/db/database';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { requestsQuery } from '../src/server/modules/cases/open311/find';
import { openStatuses } from '../src/server/modules/cases/open311/statuses';
import { createLogger } from '../src/server/kernel/logger';
import { spawnServer } from './lib';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const totalCases = Number(process.env.BENCH_CASES ?? 1_000_000);
const connections = 16;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-311-'));
fs.chmodSync(work, 0o755);
const database = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log: createLogger('warn') });
const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: work, DATABASE_URL: database.url, LOG_LEVEL: 'info', NODE_ENV: 'production', SEED_DEMO: '1', FIELD_ENCRYPTION_KEY: 'c5'.repeat(32), MQTT_PORT: '0' };
const ours = await spawnServer(['--import', 'tsx', 'src/server/main.ts'], env, path.join(work, 'server.log'), /"address":"(http:\/\/[^"]+)".*"msg":"Smart Yongchuan is ready"/);
const base = await spawnServer(['--import', 'tsx', 'bench/insert-baseline.ts'], { DATABASE_URL: database.url }, path.join(work, 'insert.log'), /READY (http:\/\/\S+)/);
const client = new pg.Client({ connectionString: database.url });
await client.connect();

/** The operator's session, and an API key made with it as a person would (city_operator holds cases:open311.submit). */
async function operator(): Promise<{ key: string; session: Record<string, string> }> {
  const login = await fetch(`${ours.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'Yongchuan@2026' }) });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const session = { cookie: String(login.headers.get('set-cookie')).split(';')[0]!, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const res = await fetch(`${ours.url}/api/v1/auth/api-keys`, { method: 'POST', headers: session, body: JSON.stringify({ name: 'bench open311', permissions: ['cases:open311.submit'] }) });
  if (res.status !== 201) throw new Error(`API key: ${res.status} ${await res.text()}`);
  return { key: ((await res.json()) as { key: string }).key, session };
}

/** The server's own view (its /metrics histogram): GET requests.json answers so far, their total time, and those within 50 ms. */
async function serverSide(): Promise<{ count: number; sum: number; within50: number }> {
  const text = await (await fetch(`${ours.url}/metrics`)).text();
  const series = 'method="GET",route="/open311/v2/requests.:format",status="200"';
  const value = (name: string) => Number(new RegExp(`^${name}\\{${series.replace(/[.:/]/g, (c) => `\\${c}`)}(?:,le="0.05")?\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { count: value('sy_http_request_duration_seconds_count'), sum: value('sy_http_request_duration_seconds_sum'), within50: value('sy_http_request_duration_seconds_bucket') };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!.toFixed(1);

try {
  const { key, session } = await operator();
  const codes = ['E0102', 'E0401', 'C0106', 'C0206', 'E0101'];
  // every request a different place and class, so that duplicate detection works as in life
  let n = 0;
  const fields = () => {
    n += 1;
    return { service_code: codes[n % codes.length]!, lat: (29.30 + (n % 997) / 10_000).toFixed(6), long: (105.88 + (n % 991) / 10_000).toFixed(6), description: `压测：第 ${n} 号上报，路边垃圾堆放`, address_string: `永川区中山路 ${n % 300} 号` };
  };
  const form = () => new URLSearchParams({ api_key: key, ...fields(), 'attribute[urgent]': n % 10 === 0 ? 'true' : 'false' }).toString();

  const check = await fetch(`${ours.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form() });
  if (check.status !== 200) throw new Error(`POST requests.json: ${check.status} ${await check.text()}`);

  const baseline = await autocannon({
    url: `${base.url}/insert`,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields()) }) }],
  });
  const posts = await autocannon({
    url: `${ours.url}/open311/v2/requests.json`,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form() }) }],
  });
  // the same report through the platform's own API (operator entering a hotline call): what the Open311 layer adds
  const own = await autocannon({
    url: `${ours.url}/api/v1/cases`,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', setupRequest: (req) => {
      const f = fields();
      return { ...req, headers: session, body: JSON.stringify({ classCode: f.service_code, description: f.description, lat: Number(f.lat), lng: Number(f.long), address: f.address_string, source: 'hotline' }) };
    } }],
  });
  const rate = (r: autocannon.Result) => r.requests.average;
  console.log(`Open311 bench — ${os.cpus().length} cores, autocannon, ${connections} connections, ${seconds}s each\n`);
  console.log(`baseline: bare Fastify INSERT of one row per request   ${rate(baseline).toFixed(0).padStart(6)} req/s  p99 ${baseline.latency.p99} ms`);
  console.log(`ours: POST /open311/v2/requests.json (form, api_key)  ${rate(posts).toFixed(0).padStart(6)} req/s  p99 ${posts.latency.p99} ms  non-2xx ${posts.non2xx} errors ${posts.errors}`);
  console.log(`ratio ${(rate(posts) / rate(baseline)).toFixed(2)} (goal ≥ 0.40)`);
  console.log(`reference: POST /api/v1/cases (same report, session) ${rate(own).toFixed(0).padStart(6)} req/s  p99 ${own.latency.p99} ms  non-2xx ${own.non2xx}; Open311 / own API ${(rate(posts) / rate(own)).toFixed(2)}\n`);

  // 1,000,000 cases over the last year: recent ones mostly open, older ones mostly closed
  const filled = performance.now();
  const classCodes = (await client.query<{ code: string }>('SELECT code FROM case_class ORDER BY code')).rows.map((r) => r.code);
  const department = (await client.query<{ id: string }>(`SELECT id FROM org_unit WHERE name = '区城市管理局'`)).rows[0]!.id;
  await client.query(
    `INSERT INTO city_case (id, case_no, class_code, source, urgent, description, address, lng, lat, status, department_org_id, instance_id, reported_at, updated_at, closed_at)
     SELECT gen_random_uuid(), 'CGB' || lpad(g::text, 12, '0'), ($1::text[])[1 + g % array_length($1::text[], 1)],
            (ARRAY['inspector','inspector','inspector','citizen','hotline','open311'])[1 + g % 6], g % 10 = 0,
            '压测案件 ' || g, '永川区 ' || (g % 500) || ' 号', 105.70 + random() * 0.3, 29.00 + random() * 0.5,
            st, CASE WHEN st IN ('handling','checking','to_close','hung','closed') THEN $2::uuid END, gen_random_uuid(), at, at,
            CASE WHEN st IN ('closed','invalid','not_filed') THEN at + interval '1 day' END
       FROM (SELECT g, at,
                    CASE WHEN random() < (CASE WHEN now() - at < interval '2 days' THEN 0.7 WHEN now() - at < interval '14 days' THEN 0.2 ELSE 0.02 END)
                         THEN (ARRAY['reported','to_file','to_dispatch','handling','checking','to_close','hung'])[1 + g % 7]
                         ELSE (ARRAY['closed','closed','closed','closed','closed','closed','closed','closed','invalid','not_filed'])[1 + g % 10] END AS st
               FROM (SELECT g, now() - (g::double precision / $3) * interval '365 days' AS at FROM generate_series(1, $3::int) g) t) s`,
    [classCodes, department, totalCases],
  );
  await client.query('ANALYZE city_case');
  const counts = (await client.query<{ open: number; total: number }>(`SELECT count(*) FILTER (WHERE status NOT IN ('closed','invalid','not_filed') AND reported_at > now() - interval '90 days')::int AS open, count(*)::int AS total FROM city_case`)).rows[0]!;
  console.log(`filled ${counts.total} cases in ${((performance.now() - filled) / 1000).toFixed(0)} s; open in the last 90 days: ${counts.open}`);

  const end = new Date();
  const start = new Date(end.getTime() - 90 * 86_400_000);
  const query = (status: string) => `${ours.url}/open311/v2/requests.json?${status ? `status=${status}&` : ''}start_date=${encodeURIComponent(start.toISOString())}&end_date=${encodeURIComponent(end.toISOString())}`;
  // the SQL alone (what the database spends of the figure below), and its plan
  const kysely = connect(database.url, 1);
  const compiled = requestsQuery({ statuses: openStatuses, from: start, to: end, limit: 1000 }).compile(kysely.db);
  const sqlTimes: number[] = [];
  for (let i = 0; i < 120; i += 1) {
    const t0 = performance.now();
    await client.query(compiled.sql, compiled.parameters as unknown[]);
    if (i >= 20) sqlTimes.push(performance.now() - t0);
  }
  const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE) ${compiled.sql}`, compiled.parameters as unknown[]);
  await kysely.close();
  console.log(`SQL of status=open alone: p50 ${pct(sqlTimes, 0.5)} ms, p95 ${pct(sqlTimes, 0.95)} ms; ${plan.rows.at(-1)!['QUERY PLAN']}`);
  for (const status of ['open', 'closed', '']) {
    const times: number[] = [];
    let items = 0;
    const before = await serverSide();
    for (let i = 0; i < 220; i += 1) {
      const t0 = performance.now();
      const res = await fetch(query(status));
      const body = (await res.json()) as unknown[];
      if (i >= 20) times.push(performance.now() - t0);
      items = body.length;
    }
    const label = `GET requests.json?${status ? `status=${status}&` : ''}start_date&end_date (90 days)`.padEnd(60);
    const after = await serverSide();
    const n = after.count - before.count;
    console.log(`${label} ${items} items: p50 ${pct(times, 0.5)} ms, p95 ${pct(times, 0.95)} ms, p99 ${pct(times, 0.99)} ms${status === 'open' ? '  (goal p95 < 50 ms)' : ''}`);
    console.log(`${''.padEnd(60)} server side: mean ${((1000 * (after.sum - before.sum)) / n).toFixed(1)} ms, ${((100 * (after.within50 - before.within50)) / n).toFixed(0)} % within 50 ms`);
  }
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
