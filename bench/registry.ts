/**
 * Base-register figure (issue 8): CSV import of natural persons — streaming parse, ID-number
 * check digit and birth-date validation, SM4-GCM encryption of the ID number and the phone, the
 * HMAC-SM3 blind index, COPY into a staging table, duplicate checks in SQL, INSERT … SELECT into
 * the register plus one version row per person, in ONE transaction — in rows per second.
 * Baseline, same run, same bytes: a bare `COPY … (FORMAT csv)` of the same CSV into an
 * unindexed table with the file's columns. Goal: ratio ≥ 0.2. `BENCH_PERSONS` (default 1,000,000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { buildActor } from '../test/helpers/actors';
import { loadConfig } from '../src/server/kernel/config';
import { connect } from '../src/server/kernel/db/database';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { migrate } from '../src/server/kernel/db/migrate';
import { createLogger } from '../src/server/kernel/logger';
import { modules } from '../src/server/modules';
import { orgModule } from '../src/server/modules/org';
import { registryDeps } from '../src/server/modules/registry/deps';
import { importCsv } from '../src/server/modules/registry/import';
import { address, demoIdNumber, personName } from '../src/server/modules/registry/seed-data';
import { assembleKernel, migrationSources } from '../src/server/platform';

const total = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const linesPerChunk = 10_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-registry-'));
fs.chmodSync(work, 0o755);
const log = createLogger('warn');
const server = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log });
const database = connect(server.url);
const fmt = (n: number) => Math.round(n).toLocaleString('en');

/** Unique valid ID numbers: the demo generator, with the 3-digit sequence made unique by a counter. */
function csvChunks(): Buffer[] {
  let s = 97;
  const r = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const chunks: Buffer[] = [];
  let lines: string[] = ['姓名,身份证号,户籍地址,联系电话,状态'];
  const seen = new Set<string>();
  for (let i = 0; i < total; ) {
    const id = demoIdNumber(r);
    if (seen.has(id)) continue;
    seen.add(id);
    lines.push(`${personName(r)},${id},${address(r)},1${3 + (i % 7)}${String(i).padStart(9, '0')},正常`);
    i += 1;
    if (lines.length >= linesPerChunk) {
      chunks.push(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
      lines = [];
    }
  }
  if (lines.length > 0) chunks.push(Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
  return chunks;
}

try {
  await migrate(database.db, migrationSources(modules), log);
  const kernel = await assembleKernel({ ...loadConfig({ NODE_ENV: 'test' }), fieldKey: 'c5'.repeat(32), dataDir: work }, database, log);
  await orgModule.seed!(kernel, { demo: true });
  const police = (await database.pool.query<{ id: string }>(`SELECT id FROM org_unit WHERE name = '区公安局'`)).rows[0]!.id;
  const chunks = csvChunks();
  const bytes = chunks.reduce((n, c) => n + c.length, 0);
  console.log(`registry bench — ${os.cpus().length} cores, PostgreSQL embedded (default settings); ${fmt(total)} natural persons, CSV ${(bytes / 1048576).toFixed(0)} MB\n`);

  // ── baseline: bare COPY of the same CSV bytes ──────────────────────────────────────────────
  await database.pool.query('CREATE TABLE bench_raw (name text, id_number text, household_address text, phone text, status text)');
  const client = await database.pool.connect();
  const b0 = performance.now();
  try {
    await client.query('BEGIN');
    await pipeline(Readable.from(chunks), client.query(copyFrom('COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)')));
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const baseline = total / ((performance.now() - b0) / 1000);
  await database.pool.query('DROP TABLE bench_raw');

  // ── ours: the import service ───────────────────────────────────────────────────────────────
  const actor = buildActor({ permissions: ['registry:maintain'], orgId: police, anchorOrgId: police });
  const o0 = performance.now();
  const report = await importCsv(registryDeps(kernel), actor, 'persons', Readable.from(chunks), { mode: 'all-or-nothing', ip: null });
  const ours = total / ((performance.now() - o0) / 1000);
  if (!report.committed || report.imported !== total) throw new Error(`import did not commit every row: ${JSON.stringify({ ...report, rejected: report.rejected.slice(0, 5) })}`);

  console.log(`1. CSV import of natural persons, ${fmt(total)} rows, one transaction`);
  console.log(`   baseline: bare COPY (FORMAT csv) of the same bytes, no checks, no indexes   ${fmt(baseline).padStart(10)} rows/s`);
  console.log(`   ours: parse + validate + SM4-GCM ×2 + blind index + COPY + checks + insert  ${fmt(ours).padStart(10)} rows/s   ratio ${(ours / baseline).toFixed(2)}   goal ≥ 0.2: ${ours / baseline >= 0.2 ? 'met' : 'NOT met'}\n`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await database.close();
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
