/**
 * MQTT end to end (issue: city sensing, figures): sustained readings per second from devices
 * publishing QoS 1 through the embedded broker → validated → stored (COPY + roll-ups, acknowledged
 * after commit) → alarm rules evaluated; baseline in the same run: the same message stream through
 * a bare aedes broker to a plain QoS 1 subscriber. Also: publish → alarm latency (p95) of probe
 * devices crossing a threshold while the load runs.
 *
 * Each message carries 3 readings. `BENCH_MQTT_DEVICES` (default 500) connections ×
 * `BENCH_MQTT_MESSAGES` (default 200) messages each, 20 in flight per device.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/kernel/config';
import { connect, ownTables } from '../src/server/kernel/db/database';
import { startEmbedded } from '../src/server/kernel/db/embedded';
import { migrate } from '../src/server/kernel/db/migrate';
import { createLogger } from '../src/server/kernel/logger';
import { modules } from '../src/server/modules';
import { iotModule } from '../src/server/modules/iot';
import { newToken, tokenHash } from '../src/server/modules/iot/credentials';
import { startEmbeddedBroker } from '../src/server/modules/iot/mqtt/embedded-broker';
import { iotRuntime } from '../src/server/modules/iot/runtime';
import type { IotTables } from '../src/server/modules/iot/store';
import { orgModule } from '../src/server/modules/org';
import { assembleKernel, migrationSources } from '../src/server/platform';

const deviceCount = Number(process.env.BENCH_MQTT_DEVICES ?? 500);
const perDevice = Number(process.env.BENCH_MQTT_MESSAGES ?? 200);
const window = 20;
const readingsPerMessage = 3;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sy-bench-mqtt-'));
fs.chmodSync(work, 0o755);
const log = createLogger('warn');
const server = await startEmbedded({ dataDir: path.join(work, 'pg'), port: 0, database: 'bench', log });
const database = connect(server.url);
const db = ownTables<IotTables>(database);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

function load(url: string, devices: Array<{ id: string; token: string }>, t0: number): Promise<number> {
  const worker = new Worker(new URL('./mqtt-load.mjs', import.meta.url), { workerData: { url, devices, messagesPerDevice: perDevice, window, t0 } });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ms: number }) => resolve(m.ms));
    worker.once('error', reject);
  });
}

try {
  await migrate(database.db, migrationSources(modules), log);
  const kernel = await assembleKernel({ ...loadConfig({ NODE_ENV: 'test' }), fieldKey: 'c5'.repeat(32), dataDir: work }, database, log);
  await orgModule.seed!(kernel, { demo: true });
  await iotModule.seed!(kernel, { demo: true }); // demo types and the demo rules (DUST pm10 > 150 for 10 min, …)
  const owner = (await sql<{ id: string }>`SELECT id FROM org_unit WHERE name = '区生态环境局'`.execute(database.db)).rows[0]!.id;
  const devices = Array.from({ length: deviceCount }, (_, k) => ({ id: `YC-MQB-${String(k + 1).padStart(5, '0')}`, token: newToken() }));
  const probes = Array.from({ length: 40 }, (_, k) => ({ id: `YC-PROBE-${String(k + 1).padStart(3, '0')}`, token: newToken() }));
  for (const group of [devices, probes]) {
    await sql`INSERT INTO device (id, type_code, name, owner_org_id, lng, lat, credential_hash)
              SELECT d.id, 'DUST', d.id, ${owner}::uuid, 105.93, 29.35, d.h FROM unnest(${group.map((d) => d.id)}::text[], ${group.map((d) => tokenHash(d.token))}::text[]) AS d(id, h)`.execute(database.db);
  }
  await sql`UPDATE device_registry_version SET version = version + 1`.execute(database.db);
  // the probes' rule: an alarm at once above 1,800 µg/m³
  await sql`INSERT INTO alarm_rule (id, name, type_code, quantity, kind, params, severity) VALUES (gen_random_uuid(), 'probe', 'DUST', 'pm10', 'threshold', '{"op":"above","value":1800,"forSeconds":0}', 'critical')`.execute(database.db);
  await sql`UPDATE alarm_rule_version SET version = version + 1`.execute(database.db);
  const total = deviceCount * perDevice * readingsPerMessage;
  console.log(`iot MQTT bench — ${os.cpus().length} cores, ${deviceCount} devices × ${perDevice} messages × ${readingsPerMessage} readings = ${fmt(total)} readings, QoS 1, ${window} in flight per device\n`);

  // ── baseline: bare broker → plain subscriber ───────────────────────────────────────────────
  const bare = await Aedes.createBroker();
  const bareServer = net.createServer({ noDelay: true }, (s) => bare.handle(s));
  await new Promise<void>((r) => bareServer.listen(0, '127.0.0.1', () => r()));
  const barePort = (bareServer.address() as net.AddressInfo).port;
  const subscriber = await mqtt.connectAsync(`mqtt://127.0.0.1:${barePort}`, { clientId: 'bench-subscriber' });
  await subscriber.subscribeAsync('devices/+/telemetry', { qos: 1 });
  let received = 0;
  let allReceived!: () => void;
  const done = new Promise<void>((r) => (allReceived = r));
  subscriber.on('message', () => {
    received += 1;
    if (received === deviceCount * perDevice) allReceived();
  });
  const b0 = performance.now();
  await load(`mqtt://127.0.0.1:${barePort}`, devices, Date.now() - 3_600_000);
  await done;
  const bareMs = performance.now() - b0;
  await subscriber.endAsync();
  await new Promise<void>((r) => bareServer.close(() => r()));
  bare.close();
  const bareRate = total / (bareMs / 1000);
  console.log(`baseline  bare aedes → QoS 1 subscriber: ${fmt(bareMs)} ms, ${fmt(bareRate)} readings/s`);

  // ── ours: embedded broker → ingestion → rules ──────────────────────────────────────────────
  const runtime = iotRuntime(kernel);
  const broker = await startEmbeddedBroker(runtime.ingestion, log, { port: 0, host: '127.0.0.1', fallbackToFreePort: false });
  const url = `mqtt://127.0.0.1:${broker.port}`;
  const probeClients = await Promise.all(probes.map((p) => mqtt.connectAsync(url, { username: p.id, password: p.token, clientId: p.id })));
  const probeSent: Record<string, number> = {};
  const o0 = performance.now();
  const loading = load(url, devices, Date.now() - 2 * 3_600_000);
  // the probes cross the threshold one by one while the load runs
  const probing = (async () => {
    for (const [k, c] of probeClients.entries()) {
      await new Promise((r) => setTimeout(r, 150));
      probeSent[probes[k]!.id] = Date.now();
      await c.publishAsync(`devices/${probes[k]!.id}/telemetry`, JSON.stringify({ values: { pm10: 1900 } }), { qos: 1 });
    }
  })();
  const loadMs = await loading;
  await runtime.alarms!.drain();
  const oursMs = performance.now() - o0;
  await probing;
  await runtime.alarms!.drain();
  const oursRate = total / (oursMs / 1000);
  const stored = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM reading WHERE device_id LIKE 'YC-MQB-%'`.execute(database.db)).rows[0]!.n);
  const opened = await sql<{ device_id: string; opened_at: Date }>`SELECT device_id, opened_at FROM device_alarm WHERE device_id LIKE 'YC-PROBE-%'`.execute(database.db);
  const latencies = opened.rows.map((a) => a.opened_at.getTime() - probeSent[a.device_id]!);
  console.log(`ours      embedded broker → validate → store (ack after commit) → rules: ${fmt(oursMs)} ms (acks done at ${fmt(loadMs)} ms), ${fmt(oursRate)} readings/s, stored ${fmt(stored)} of ${fmt(total)}`);
  console.log(`ratio     ${(oursRate / bareRate).toFixed(2)} (goal ≥ 0.5; goal ≥ 20,000 readings/s)`);
  console.log(`alarms    publish → alarm opened for ${latencies.length}/${probes.length} probes: p50 ${fmt(pct(latencies, 50))} ms, p95 ${fmt(pct(latencies, 95))} ms (goal < 1,000 ms), evaluation batches dropped ${runtime.alarms!.dropped}`);
  for (const c of probeClients) await c.endAsync();
  await broker.close();
  await runtime.ingestion.close();
} finally {
  await database.close();
  await server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
