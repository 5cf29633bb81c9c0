/**
 * Sensing figures (issue: city sensing, 2–4), each beside a baseline measured in the same run:
 *
 * 1. Ingestion: readings per second through the whole pipeline, in process, fed as MQTT would feed
 *    it (one JSON payload per PUBLISH, one device each, many in flight, each acknowledged only after
 *    its commit): parse → validate → buffer → COPY into the daily partition + minute/hour roll-up
 *    upserts + latest values + last seen, one transaction per batch. Baseline: a bare COPY of the
 *    same rows, in the same batches and with the same two connections, into an unpartitioned table
 *    without indexes. Goal: ≥ 20,000 readings/s. `BENCH_INGEST` (default 1,000,000) readings.
 * 2. Query: the 30-day hourly series of one device over `BENCH_READINGS` (default 10,000,000)
 *    stored readings, p95 (goal < 100 ms), through the service and through HTTP. Baseline: the same
 *    hourly aggregates computed from the raw readings (what a query would cost without roll-ups).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { buildActor } from '../test/helpers/actors';
import { loadConfig } from '../src/server/kernel/config';
import { connect, ownTables } from '../src/server/kernel/db/database';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { migrate } from '../src/server/kernel/db/migrate';
import { buildApp } from '../src/server/kernel/http/app';
import { createLogger } from '../src/server/kernel/logger';
import { modules } from '../src/server/modules';
import { iotModule } from '../src/server/modules/iot';
import { copyText } from '../src/server/modules/iot/ingest/copy';
import type { Reading } from '../src/server/modules/iot/ingest/types';
import { series } from '../src/server/modules/iot/query/series';
import { iotRuntime } from '../src/server/modules/iot/runtime';
import { dayMs, dayStart } from '../src/server/modules/iot/storage/periods';
import type { IotTables } from '../src/server/modules/iot/store';
import { orgModule } from '../src/server/modules/org';
import { assembleKernel, migrationSources } from '../src/server/platform';

const ingestTotal = Number(process.env.BENCH_INGEST ?? 1_000_000);
const storedTotal = Number(process.env.BENCH_READINGS ?? 10_000_000);
const devicesForIngest = 2000;
const devicesForQuery = 100;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-iot-'));
fs.chmodSync(work, 0o755);
const log = createLogger('warn');
const server = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log });
const database = connect(server.url);
const db = ownTables<IotTables>(database);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

async function addDevices(prefix: string, typeCode: string, n: number, ownerOrgId: string): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, k) => `${prefix}-${String(k + 1).padStart(5, '0')}`);
  await sql`INSERT INTO device (id, type_code, name, owner_org_id, lng, lat, credential_hash)
            SELECT id, ${typeCode}, id, ${ownerOrgId}::uuid, 105.93, 29.35, repeat('0', 64) FROM unnest(${ids}::text[]) AS id`.execute(db);
  await sql`UPDATE device_registry_version SET version = version + 1`.execute(db);
  return ids;
}

try {
  await migrate(database.db, migrationSources(modules), log);
  const kernel = await assembleKernel({ ...loadConfig({ NODE_ENV: 'test' }), fieldKey: 'c5'.repeat(32), dataDir: work }, database, log);
  await orgModule.seed!(kernel, { demo: true });
  await iotModule.seed!(kernel, { demo: true });
  const owner = (await sql<{ id: string }>`SELECT id FROM org_unit WHERE name = '区生态环境局'`.execute(database.db)).rows[0]!.id;
  console.log(`iot bench — ${os.cpus().length} cores, PostgreSQL embedded (default settings, synchronous_commit on)\n`);

  // ── 1. ingestion ───────────────────────────────────────────────────────────────────────────
  const ingestDevices = await addDevices('YC-BENCH', 'DUST', devicesForIngest, owner);
  const messages = Math.ceil(ingestTotal / 3);
  const perDevice = Math.ceil(messages / devicesForIngest);
  const t0 = Date.now() - perDevice * 10_000 - 60_000;
  // device by device in turn, each reporting every 10 s: the order a broker would deliver them in
  const payloads: Array<{ device: string; payload: string }> = [];
  const rows: Reading[] = [];
  for (let i = 0; i < messages; i += 1) {
    const device = ingestDevices[i % devicesForIngest]!;
    const ts = t0 + Math.floor(i / devicesForIngest) * 10_000 + (i % devicesForIngest);
    const values = { pm10: 20 + (i % 500) / 3, pm2_5: 10 + (i % 300) / 7, noise: 40 + (i % 60) / 2 };
    payloads.push({ device, payload: JSON.stringify({ ts, values }) });
    for (const [quantity, value] of Object.entries(values)) rows.push({ deviceId: device, quantity, ts, value });
  }
  const readings = rows.length;

  // baseline: bare COPY of the same rows, batches of 5,000, two connections
  await sql`CREATE TABLE bench_bare (device_id text, quantity text, ts timestamptz, value double precision)`.execute(db);
  const batches: Reading[][] = [];
  for (let i = 0; i < rows.length; i += 5000) batches.push(rows.slice(i, i + 5000));
  const bareStarted = performance.now();
  let nextBatch = 0;
  await Promise.all(
    [0, 1].map(async () => {
      const client = await database.pool.connect();
      try {
        while (nextBatch < batches.length) {
          const batch = batches[nextBatch++]!;
          await pipeline(Readable.from([copyText(batch)]), client.query(copyFrom('COPY bench_bare (device_id, quantity, ts, value) FROM STDIN')));
        }
      } finally {
        client.release();
      }
    }),
  );
  const bareRate = readings / ((performance.now() - bareStarted) / 1000);

  // ours: the pipeline, fed like MQTT QoS 1 (at most `window` messages awaiting their PUBACK)
  const { ingestion } = iotRuntime(kernel);
  await ingestion.submitPayload(ingestDevices[0]!, '{"values":{"pm10":1}}'); // loads the registry snapshot
  const window = 8000;
  const latencies: number[] = [];
  let accepted = 0;
  let sent = 0;
  let inFlight = 0;
  const oursStarted = performance.now();
  await new Promise<void>((resolve, reject) => {
    const pump = () => {
      while (inFlight < window && sent < payloads.length) {
        const { device, payload } = payloads[sent++]!;
        const at = performance.now();
        inFlight += 1;
        ingestion.submitPayload(device, payload).then((r) => {
          accepted += r.accepted;
          latencies.push(performance.now() - at);
          inFlight -= 1;
          if (sent === payloads.length && inFlight === 0) resolve();
          else pump();
        }, reject);
      }
    };
    pump();
  });
  const oursSeconds = (performance.now() - oursStarted) / 1000;
  const oursRate = accepted / oursSeconds;
  if (accepted !== readings) throw new Error(`accepted ${accepted} of ${readings}`);
  const minuteRows = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM reading_minute`.execute(db)).rows[0]!.n);

  console.log(`1. ingestion of ${fmt(readings)} readings (${fmt(messages)} MQTT-like payloads of 3 values from ${fmt(devicesForIngest)} devices, ${window} in flight)`);
  console.log(`   baseline: bare COPY, unpartitioned, no index (2 connections)  ${fmt(bareRate).padStart(9)} readings/s`);
  console.log(`   ours: pipeline → partition + PK, roll-ups, last seen  ${fmt(oursRate).padStart(9)} readings/s   ratio ${(oursRate / bareRate).toFixed(2)}   goal ≥ 20,000/s: ${oursRate >= 20_000 ? 'met' : 'NOT met'}`);
  console.log(`   submit → commit (the PUBACK delay): p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms; ${ingestion.stats.flushes} flushes (≈ ${fmt(readings / ingestion.stats.flushes)} readings each, ${(ingestion.stats.prepareMs / ingestion.stats.flushes).toFixed(0)} ms to prepare and ${(ingestion.stats.writeMs / ingestion.stats.flushes).toFixed(0)} ms to write on average), ${fmt(minuteRows)} minute roll-up rows\n`);

  // ── 2. the 30-day hourly chart over many stored readings ───────────────────────────────────
  const queryDevices = await addDevices('YC-QUERY', 'NOISE', devicesForQuery, owner);
  const days = 35;
  const now = Date.now();
  const spacing = (days * dayMs) / (storedTotal / devicesForQuery);
  await iotRuntime(kernel).partitions.ensureDays(Array.from({ length: days + 2 }, (_, k) => dayStart(now) - k * dayMs));
  const genStarted = performance.now();
  // one device at a time: the same row order as the pipeline's sorted batches
  for (const id of queryDevices) {
    await sql`INSERT INTO reading (device_id, quantity, ts, value)
              SELECT ${id}, 'noise', to_timestamp((${now - days * dayMs}::float8 + g * ${spacing}::float8) / 1000.0), 35 + 40 * random()
                FROM generate_series(0, ${Math.floor(storedTotal / devicesForQuery) - 1}) g`.execute(db);
  }
  await sql`INSERT INTO reading_hour (device_id, quantity, bucket, min, max, sum, count)
            SELECT device_id, quantity, date_trunc('hour', ts), min(value), max(value), sum(value), count(*)
              FROM reading WHERE device_id LIKE 'YC-QUERY-%' GROUP BY 1, 2, 3`.execute(db);
  // as a running system would have them: visibility map set, statistics fresh (and autovacuum not busy during the timing)
  await sql`VACUUM (ANALYZE) reading`.execute(db);
  await sql`VACUUM (ANALYZE) reading_hour`.execute(db);
  const stored = Number((await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM reading`.execute(db)).rows[0]!.n);
  console.log(`2. 30-day hourly series of one device; ${fmt(stored)} readings stored (${fmt(devicesForQuery)} devices × ${days} days, one every ${(spacing / 1000).toFixed(1)} s; generated in ${((performance.now() - genStarted) / 1000).toFixed(0)} s)`);

  const to = new Date(now).toISOString();
  const from = new Date(now - 30 * dayMs).toISOString();
  const pick = (k: number) => queryDevices[(k * 37) % queryDevices.length]!;
  const time = async (runs: number, fn: (k: number) => Promise<unknown>) => {
    for (let k = 0; k < 5; k += 1) await fn(k);
    const ms: number[] = [];
    for (let k = 0; k < runs; k += 1) {
      const started = performance.now();
      await fn(k);
      ms.push(performance.now() - started);
    }
    return { p50: pct(ms, 50), p95: pct(ms, 95) };
  };
  const check = await series(db, pick(0), 'noise', { from, to });
  if (check.resolution !== 'hour' || check.points.length < 719) throw new Error(`series gave ${check.resolution} with ${check.points.length} points`);
  const baseline = await time(30, (k) =>
    sql`SELECT date_trunc('hour', ts) AS t, min(value), max(value), avg(value), count(*) FROM reading
         WHERE device_id = ${pick(k)} AND quantity = 'noise' AND ts >= ${from}::timestamptz AND ts < ${to}::timestamptz GROUP BY 1 ORDER BY 1`.execute(db),
  );
  const ours = await time(200, (k) => series(db, pick(k), 'noise', { from, to }));
  const app = await buildApp({ kernel, modules, webRoot: '/nonexistent', resolveActor: async () => buildActor({ permissions: ['iot:read'] }) });
  const http = await time(200, (k) => app.inject({ method: 'GET', url: `/api/v1/iot/devices/${pick(k)}/series?quantity=noise&from=${from}&to=${to}` }));
  await app.close();
  console.log(`   baseline: hourly aggregates computed from the raw readings   p50 ${baseline.p50.toFixed(1).padStart(7)} ms   p95 ${baseline.p95.toFixed(1).padStart(7)} ms`);
  console.log(`   ours: series() from the hour roll-ups (720 points)            p50 ${ours.p50.toFixed(1).padStart(7)} ms   p95 ${ours.p95.toFixed(1).padStart(7)} ms   ${(baseline.p95 / ours.p95).toFixed(0)}× faster   goal p95 < 100 ms: ${ours.p95 < 100 ? 'met' : 'NOT met'}`);
  console.log(`   ours: GET /api/v1/iot/devices/{id}/series (full app, inject)  p50 ${http.p50.toFixed(1).padStart(7)} ms   p95 ${http.p95.toFixed(1).padStart(7)} ms\n`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await iotRuntime({ database, log }).ingestion.flush().catch(() => undefined);
  await database.close();
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
