/**
 * 数据开放 figures: CKAN package_search over BENCH_DATASETS datasets (default 10,000), each beside a
 * baseline measured in the same run (bare Fastify hello-world):
 * - latency of single requests, one after another (p50/p95/p99), for typical searches: free text,
 *   fq on an organisation, fq on tags and groups with all five facets, a deep page, every facet over
 *   everything. Goal: p95 under 50 ms.
 * - throughput under load (50 connections) of the facet search against the baseline, as a ratio.
 * - the search design: the in-memory index (opendata/dataset-index.ts) against the same search in SQL
 *   (opendata/search.ts), median ms per search, both without presentation.
 * `npx tsx bench/catalog.ts`; BENCH_SECONDS, BENCH_ROUNDS as in bench/run.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, ownTables } from '../src/server/kernel/db/database';
import { searchParams } from '../src/server/modules/catalog/ckan/params';
import { currentDatasets } from '../src/server/modules/catalog/opendata/cache';
import { searchDatasets } from '../src/server/modules/catalog/opendata/search';
import type { CatalogTables } from '../src/server/modules/catalog/tables';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { createLogger } from '../src/server/kernel/logger';
import { compare, loadTool, row, spawnServer, type Served } from './lib';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const datasets = Number(process.env.BENCH_DATASETS ?? 10_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-catalog-'));
fs.chmodSync(work, 0o755);
const database = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log: createLogger('warn') });
const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: work, DATABASE_URL: database.url, LOG_LEVEL: 'info', NODE_ENV: 'production', SEED_DEMO: '1', FIELD_ENCRYPTION_KEY: 'c5'.repeat(32), MQTT_PORT: '0' };
const client = new pg.Client({ connectionString: database.url });
let baseline: Served | null = null;
let ours: Served | null = null;

/** Copies of the demo datasets (each with its first resource) up to `n`, spread over time, tags and names. */
async function synthesise(n: number): Promise<void> {
  const have = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM open_dataset')).rows[0]!.n);
  const extra = Math.max(0, n - have);
  await client.query(
    `INSERT INTO open_dataset (id, name, title, notes, resource_id, org_id, org_slug, license_id, tags, groups, formats, open_type, update_cycle, search_text, created_at, modified_at, views)
     SELECT gen_random_uuid(), d.name || '-b' || g, d.title || '（第' || g || '批）', d.notes, d.resource_id, d.org_id, d.org_slug, d.license_id,
            d.tags || ARRAY['批次' || (g % 50)], d.groups, d.formats, d.open_type, d.update_cycle, d.search_text || ' 批次' || (g % 50),
            now() - make_interval(mins => g), now() - make_interval(mins => g), g % 997
       FROM generate_series(1, $1::int) g
       JOIN LATERAL (SELECT * FROM open_dataset WHERE name !~ '-b[0-9]+$' ORDER BY name OFFSET (g % $2::int) LIMIT 1) d ON true`,
    [extra, have],
  );
  await client.query(
    `INSERT INTO open_distribution (id, dataset_id, position, name, description, format, kind, file_id, sm3, size, fields)
     SELECT gen_random_uuid(), n.id, 0, t.name, t.description, t.format, t.kind, t.file_id, t.sm3, t.size, t.fields
       FROM open_dataset n
       JOIN open_dataset s ON s.name = regexp_replace(n.name, '-b[0-9]+$', '')
       JOIN open_distribution t ON t.dataset_id = s.id AND t.position = 0
      WHERE n.name ~ '-b[0-9]+$'`,
  );
  await client.query('ANALYZE open_dataset; ANALYZE open_distribution');
}

const facets = encodeURIComponent(JSON.stringify(['organization', 'tags', 'groups', 'res_format', 'license_id']));
const searches: Array<[string, string]> = [
  ['q=公交 (free text)', `q=${encodeURIComponent('公交')}&rows=10`],
  ['fq=organization:…', 'fq=organization:500118b15&rows=10'],
  ['fq tags+groups, 5 facets, sort', `fq=${encodeURIComponent('tags:地图 groups:transport')}&facet.field=${facets}&rows=20&sort=${encodeURIComponent('metadata_modified desc')}`],
  ['deep page start=5000, name asc', `rows=10&start=5000&sort=${encodeURIComponent('name asc')}`],
  ['all datasets, 5 facets', `facet.field=${facets}&rows=10`],
];

/** Latency of `n` requests, one at a time (after a warm-up): p50, p95, p99 in ms. */
async function latency(url: string, n = 300): Promise<{ p50: number; p95: number; p99: number; count?: number }> {
  let count: number | undefined;
  for (let i = 0; i < 30; i += 1) {
    const body = (await (await fetch(url)).json()) as { result?: { count?: number } };
    count = body.result?.count;
  }
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), ...(count === undefined ? {} : { count }) };
}

/** Median ms of `run` over `n` calls after a warm-up. */
async function median(run: () => unknown, n = 100): Promise<number> {
  for (let i = 0; i < 10; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

async function searchDesign(): Promise<void> {
  const kysely = connect(database.url, 2);
  try {
    const db = ownTables<CatalogTables>(kysely);
    const t0 = performance.now();
    const index = await currentDatasets(db);
    console.log(`\nin-memory index of ${index.size} datasets built in ${(performance.now() - t0).toFixed(0)} ms`);
    console.log(`${'search (no presentation)'.padEnd(40)} ${'in-memory'.padStart(10)} ${'SQL'.padStart(10)}   (median ms)`);
    for (const [name, query] of searches) {
      const p = searchParams(Object.fromEntries(new URLSearchParams(query)));
      const memory = await median(() => index.search(p));
      const inSql = await median(() => searchDatasets(db, p));
      console.log(`${name.padEnd(40)} ${memory.toFixed(3).padStart(10)} ${inSql.toFixed(3).padStart(10)}`);
    }
  } finally {
    await kysely.close();
  }
}

try {
  baseline = await spawnServer(['--import', 'tsx', 'bench/baseline-server.ts'], {}, path.join(work, 'baseline.log'), /READY (http:\/\/\S+)/);
  ours = await spawnServer(['--import', 'tsx', 'src/server/main.ts'], env, path.join(work, 'server.log'), /"address":"(http:\/\/[^"]+)".*"msg":"Smart Yongchuan is ready"/);
  await client.connect();
  console.log(`数据开放 bench — ${os.cpus().length} cores, load by ${loadTool}, ${seconds}s × ${rounds} alternating rounds, 50 connections, median round\n`);
  await synthesise(datasets);
  const total = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM open_dataset WHERE state = 'active'`)).rows[0]!.n;
  console.log(`${total} datasets in open_dataset`);
  // the server's own start-up work goes on for a while after "ready": let it finish before measuring
  await new Promise((done) => setTimeout(done, Number(process.env.BENCH_SETTLE_MS ?? 20_000)));
  const base = await latency(`${baseline.url}/hello`);
  console.log(`\n${'single requests, one at a time'.padEnd(40)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}   found`);
  console.log(`${'baseline: bare Fastify GET /hello'.padEnd(40)} ${base.p50.toFixed(2).padStart(8)} ${base.p95.toFixed(2).padStart(8)} ${base.p99.toFixed(2).padStart(8)}`);
  let worst = 0;
  for (const [name, query] of searches) {
    const r = await latency(`${ours.url}/api/3/action/package_search?${query}`);
    worst = Math.max(worst, r.p95);
    console.log(`${`package_search ${name}`.padEnd(40)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}   ${r.count}`);
  }
  console.log(`worst p95 ${worst.toFixed(1)} ms (goal < 50 ms)\n`);
  const loaded = await compare(`${baseline.url}/hello`, `${ours.url}/api/3/action/package_search?${searches[2]![1]}`, rounds, seconds);
  console.log(row('baseline: bare Fastify GET /hello', loaded.baseline));
  console.log(row('ours: package_search fq + 5 facets', loaded.subject));
  console.log(`ratio ${loaded.ratio.toFixed(3)} under load (information)`);
  await searchDesign();
} catch (error) {
  console.error(error);
  if (fs.existsSync(path.join(work, 'server.log'))) console.error(fs.readFileSync(path.join(work, 'server.log'), 'utf8').slice(-3000));
  process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
  await ours?.stop();
  await baseline?.stop();
  await database.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
