/**
 * 事项目录 figures, each beside a baseline measured in the same run (bare Fastify hello-world):
 * - GET /api/v1/services/items?q=施工 (catalogue search) and GET /api/v1/services/items/{code}
 *   (the whole guide). Goal: ratio ≥ 0.5 with p99 < 20 ms.
 * - The search design, measured: the in-memory character/bigram index against SQL over a synthetic
 *   catalogue of BENCH_ITEMS items (default 5,000): LIKE scans, pg_trgm GIN, a bigram text[] GIN.
 * `npx tsx bench/services.ts`; BENCH_SECONDS, BENCH_ROUNDS as in bench/run.ts; BENCH_SQL_URL runs the SQL
 * alternatives on another PostgreSQL (its pg_trgm must be installable there).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, ownTables } from '../src/server/kernel/db/database';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { createLogger } from '../src/server/kernel/logger';
import { loadCatalog } from '../src/server/modules/services/catalog-cache';
import type { Guide } from '../src/server/modules/services/schemas/guide';
import { CatalogIndex } from '../src/server/modules/services/search/catalog-index';
import { grams, normalize } from '../src/server/modules/services/search/text';
import type { ServicesTables } from '../src/server/modules/services/store';
import { compare, loadTool, row, spawnServer } from './lib';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const items = Number(process.env.BENCH_ITEMS ?? 5000);
const queries = ['施工', '餐', '食品经营', '许可', '最低生活保障', '建筑施工许可'];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-services-'));
fs.chmodSync(work, 0o755);
const database = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log: createLogger('warn') });
const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: work, DATABASE_URL: database.url, LOG_LEVEL: 'info', NODE_ENV: 'production', SEED_DEMO: '1', FIELD_ENCRYPTION_KEY: 'c5'.repeat(32), MQTT_PORT: '0' };
const baseline = await spawnServer(['--import', 'tsx', 'bench/baseline-server.ts'], {}, path.join(work, 'baseline.log'), /READY (http:\/\/\S+)/);
const ours = await spawnServer(['--import', 'tsx', 'src/server/main.ts'], env, path.join(work, 'server.log'), /"address":"(http:\/\/[^"]+)".*"msg":"Smart Yongchuan is ready"/);
// the SQL alternatives run on the embedded database, or on BENCH_SQL_URL (e.g. a server with a UTF-8 locale)
const client = new pg.Client({ connectionString: process.env.BENCH_SQL_URL ?? database.url });
await client.connect();

/** Median milliseconds of `run` over `n` calls after a warm-up. */
async function median(run: () => unknown, n = 200): Promise<number> {
  for (let i = 0; i < 20; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

/** The demo catalogue's guides, repeated with varied names and codes up to `n` items. */
function synthetic(seed: Guide[], n: number): Guide[] {
  const prefixes = ['', '永川区', '临时', '年度', '专项', '跨区域', '特殊', '补办', '重新', '简易'];
  return Array.from({ length: n }, (_, i) => {
    const g = seed[i % seed.length]!;
    return { ...g, code: `${g.code.slice(0, 2)}${String(i + 1).padStart(5, '0')}00000`, name: `${prefixes[Math.floor(i / seed.length) % prefixes.length]}${g.name}${i >= seed.length * prefixes.length ? i : ''}`, parentCode: null };
  });
}

async function searchDesign(): Promise<void> {
  const kysely = connect(database.url, 1);
  const seed = (await loadCatalog(ownTables<ServicesTables>(kysely))).index.docs.map((d) => d.guide);
  await kysely.close();
  const guides = synthetic(seed, items);
  const t0 = performance.now();
  const index = new CatalogIndex(guides);
  console.log(`in-memory index of ${items} items built in ${(performance.now() - t0).toFixed(0)} ms`);
  const docText = (g: Guide) => [g.name, ...g.keywords, g.conditions, g.legalBasis, g.department.name, ...g.materials.map((m) => m.name)].join(' ');
  await client.query('CREATE TEMP TABLE bench_search (id int PRIMARY KEY, name text, doc text, grams text[])');
  const rows = guides.map((g, id) => ({ id, name: g.name, doc: docText(g), grams: grams(normalize(docText(g))) }));
  await client.query('INSERT INTO bench_search SELECT * FROM jsonb_populate_recordset(NULL::bench_search, $1::jsonb)', [JSON.stringify(rows)]);
  await client.query('CREATE INDEX ON bench_search USING gin (grams)');
  const trgm = await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm').then(() => true, (e: Error) => (console.log(`pg_trgm: ${e.message}`), false));
  if (trgm) {
    await client.query('CREATE INDEX bench_trgm ON bench_search USING gin (doc gin_trgm_ops)');
    const shown = (await client.query<{ t: string[] }>(`SELECT show_trgm('建筑工程施工许可证核发') AS t`)).rows[0]!.t;
    const locale = (await client.query<{ c: string }>('SELECT datctype AS c FROM pg_database WHERE datname = current_database()')).rows[0]!.c;
    console.log(`pg_trgm on this database (LC_CTYPE ${locale}): show_trgm('建筑工程施工许可证核发') = ${JSON.stringify(shown)}`);
  }
  await client.query('ANALYZE bench_search');
  console.log(`\n${'query'.padEnd(12)} ${'in-memory'.padStart(10)} ${'LIKE scan'.padStart(10)} ${'pg_trgm'.padStart(10)} ${'bigram GIN'.padStart(11)}   (median ms per query; SQL without ranking)`);
  for (const q of queries) {
    const memory = await median(() => index.search({ q, pageSize: 20 }));
    await client.query('SET enable_bitmapscan = off; SET enable_indexscan = off');
    const like = await median(() => client.query('SELECT id FROM bench_search WHERE doc LIKE $1', [`%${q}%`]));
    await client.query('RESET enable_bitmapscan; RESET enable_indexscan');
    const trigram = trgm ? await median(() => client.query('SELECT id FROM bench_search WHERE doc LIKE $1', [`%${q}%`])) : NaN;
    const pairs = grams(normalize(q)).filter((g) => g.length === 2);
    const bigram = await median(() => client.query('SELECT id FROM bench_search WHERE grams @> $1::text[] AND doc LIKE $2', [pairs.length ? pairs : [normalize(q)], `%${q}%`]));
    console.log(`${q.padEnd(12 - q.length)} ${memory.toFixed(3).padStart(10)} ${like.toFixed(3).padStart(10)} ${trigram.toFixed(3).padStart(10)} ${bigram.toFixed(3).padStart(11)}   ${index.search({ q }).total} found`);
  }
}

try {
  console.log(`事项目录 bench — ${os.cpus().length} cores, load by ${loadTool}, ${seconds}s × ${rounds} alternating rounds, 50 connections, median round\n`);
  // the server's own start-up work (partitions, audit chaining, grid geometry) goes on for a while after
  // "ready" and takes CPU from whatever runs beside it: let it finish before measuring anything
  await new Promise((done) => setTimeout(done, Number(process.env.BENCH_SETTLE_MS ?? 20_000)));
  const search = await compare(`${baseline.url}/hello`, `${ours.url}/api/v1/services/items?q=${encodeURIComponent('施工')}`, rounds, seconds);
  console.log(row('baseline: bare Fastify GET /hello', search.baseline));
  console.log(row('ours: GET /services/items?q=施工 (search)', search.subject));
  console.log(`ratio ${search.ratio.toFixed(2)}, p99 ${search.subject.p99.toFixed(1)} ms (goal ratio ≥ 0.50, p99 < 20 ms)\n`);
  const guide = await compare(`${baseline.url}/hello`, `${ours.url}/api/v1/services/items/010000100000`, rounds, seconds);
  console.log(row('baseline: bare Fastify GET /hello', guide.baseline));
  console.log(row('ours: GET /services/items/{code} (guide)', guide.subject));
  console.log(`ratio ${guide.ratio.toFixed(2)}, p99 ${guide.subject.p99.toFixed(1)} ms (goal ratio ≥ 0.50, p99 < 20 ms)\n`);
  // what the full app costs on a route that does no work at all: the ceiling of the two ratios above
  const health = await compare(`${baseline.url}/hello`, `${ours.url}/healthz`, rounds, seconds);
  console.log(row('reference: GET /healthz (full app, no work)', health.subject));
  console.log(`ratio ${health.ratio.toFixed(2)} (information: the platform's own per-request cost)\n`);
  await searchDesign();
} catch (error) {
  console.error(error);
  console.error(fs.readFileSync(path.join(work, 'server.log'), 'utf8').slice(-3000));
  process.exitCode = 1;
} finally {
  await client.end();
  await ours.stop();
  await baseline.stop();
  await database.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
