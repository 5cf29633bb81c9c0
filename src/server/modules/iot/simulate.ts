/**
 * DEVELOPMENT ONLY: the demo devices send readings over MQTT, as real ones would.
 *
 *   npm run simulate                        every demo device, at its type's interval
 *   npm run simulate -- --speed 60          60× faster (a DUST monitor every second)
 *   npm run simulate -- --scenario storm    rain: the waterlogging gauges rise past 10 cm
 *   npm run simulate -- --scenario dust     one construction site's PM10 stays above 150
 *   npm run simulate -- --devices 10 --mqtt mqtt://127.0.0.1:1883
 *   npm run simulate -- --devices 1000 --rate 10   1,000 devices (simulated ones added beyond the
 *                                           demo fleet), each publishing 10 messages a second
 *
 * Now and then a device has an episode (a quarter of an hour of simulated time) in which its
 * values cross the demo rules, so that alarms and cases appear without a scenario.
 *
 * It gives the demo devices fresh tokens (audited, as dev-token.ts does; refused in production
 * and for devices that are not demo devices), connects each as its own MQTT client and publishes
 * QoS 1, printing every 10 s what was acknowledged and how long acknowledgements took.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../kernel/config';
import { connect, ownTables } from '../../kernel/db/database';
import { openForTool } from '../../kernel/db/open';
import { createLogger } from '../../kernel/logger';
import { newToken, tokenHash } from './credentials';
import { mqttPortFile } from './mqtt/serve';
import { auditChange } from './registry/audit';
import { bumpRegistryVersion } from './registry/version';
import { readingFor, type Scenario } from './simulate-values';
import type { IotTables, Quantity } from './store';

const { values: args } = parseArgs({
  options: {
    speed: { type: 'string', default: '1' },
    devices: { type: 'string' },
    rate: { type: 'string' },
    scenario: { type: 'string', default: 'normal' },
    mqtt: { type: 'string' },
  },
});
const config = loadConfig();
if (config.nodeEnv === 'production') {
  process.stderr.write('simulate: refused in production (NODE_ENV=production)\n');
  process.exit(2);
}
const speed = Math.max(0.01, Number(args.speed) || 1);
const rate = args.rate ? Math.max(0.001, Number(args.rate) || 1) : null;
const scenario = (['normal', 'storm', 'dust'].includes(args.scenario ?? '') ? args.scenario : 'normal') as Scenario;

async function brokerUrl(): Promise<string> {
  if (args.mqtt) return args.mqtt;
  if (config.mqttUrl) return config.mqttUrl;
  const port = (await fs.readFile(path.join(config.dataDir, mqttPortFile), 'utf8').catch(() => '')).trim();
  if (!port) throw new Error(`no embedded broker is running (no ${path.join(config.dataDir, mqttPortFile)}): start the platform with npm start, or give --mqtt`);
  return `mqtt://127.0.0.1:${port}`;
}

interface SimDevice {
  id: string;
  token: string;
  quantities: Quantity[];
  intervalMs: number;
}

/** Simulated devices beyond the demo fleet, made once (demo = true, so they go with the demo data). */
async function addSimulatedDevices(db: ReturnType<typeof ownTables<IotTables>>, wanted: number): Promise<void> {
  const have = Number((await db.selectFrom('device').select((eb) => eb.fn.countAll<string>().as('n')).where('demo', '=', true).executeTakeFirstOrThrow()).n);
  if (wanted <= have) return;
  const fleet = await db.selectFrom('device').select(['type_code', 'owner_org_id']).where('demo', '=', true).distinctOn('type_code').execute();
  if (fleet.length === 0) return;
  const rows = Array.from({ length: wanted - have }, (_, k) => {
    const kind = fleet[k % fleet.length]!;
    return {
      id: `YC-SIM-${String(have + k + 1).padStart(5, '0')}`,
      type_code: kind.type_code,
      name: `模拟设备 ${have + k + 1} 号`,
      owner_org_id: kind.owner_org_id,
      lng: Math.round((105.927 + (Math.random() * 2 - 1) * 0.04) * 1e6) / 1e6,
      lat: Math.round((29.356 + (Math.random() * 2 - 1) * 0.03) * 1e6) / 1e6,
      credential_hash: tokenHash(newToken()),
      demo: true,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('device').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.column('id').doNothing()).execute();
  process.stdout.write(`simulate: added ${rows.length} simulated devices (YC-SIM-…, demo data)\n`);
}

async function rotateDemoTokens(limit: number | null): Promise<SimDevice[]> {
  const log = createLogger('warn');
  const opened = await openForTool(config, log);
  const database = connect(opened.url, 2);
  try {
    const db = ownTables<IotTables>(database);
    if (limit) await addSimulatedDevices(db, limit);
    return await db.transaction().execute(async (tx) => {
      let q = tx.selectFrom('device as d').innerJoin('device_type as t', 't.code', 'd.type_code').select(['d.id', 't.quantities', 't.expected_interval_seconds']).where('d.demo', '=', true).where('d.status', '=', 'active').orderBy('d.id');
      if (limit) q = q.limit(limit);
      const rows = await q.execute();
      const devices: SimDevice[] = [];
      const actor = { accountId: '00000000-0000-0000-0000-000000000000', displayName: 'simulate (development tool)', orgId: null, kind: 'staff' as const, permissions: new Set<string>(), grants: [], sessionId: null, apiKeyId: null, mfaPending: false };
      for (const row of rows) {
        const token = newToken();
        await tx.updateTable('device').set({ credential_hash: tokenHash(token), credential_rotated_at: new Date() }).where('id', '=', row.id).execute();
        await auditChange(tx, actor, null, 'iot.device.token.rotate', 'device', row.id, { tool: 'simulate' });
        devices.push({ id: row.id, token, quantities: row.quantities, intervalMs: rate ? 1000 / rate : (row.expected_interval_seconds * 1000) / speed });
      }
      if (devices.length > 0) await bumpRegistryVersion(tx);
      return devices;
    });
  } finally {
    await database.close();
    await opened.close();
  }
}

const stats = { sent: 0, acked: 0, failed: 0, ackMs: [] as number[] };

function run(url: string, device: SimDevice): MqttClient {
  const client = mqtt.connect(url, { username: device.id, password: device.token, clientId: `${device.id}:sim`, clean: false, reconnectPeriod: 2000 });
  let timer: NodeJS.Timeout | null = null;
  let episodeUntil = 0;
  const publish = () => {
    const now = Date.now();
    // about one episode per device per 500 messages, lasting a quarter of an hour of simulated time
    if (now > episodeUntil && Math.random() < 0.002) episodeUntil = now + (15 * 60_000 * device.intervalMs) / 60_000;
    const message = { ts: now, values: readingFor(device.id, device.quantities, now, scenario, now < episodeUntil) };
    const started = performance.now();
    stats.sent += 1;
    client.publishAsync(`devices/${device.id}/telemetry`, JSON.stringify(message), { qos: 1 }).then(
      () => {
        stats.acked += 1;
        stats.ackMs.push(performance.now() - started);
      },
      () => (stats.failed += 1),
    );
  };
  client.on('connect', () => {
    if (timer) return;
    // spread the devices over their interval instead of all at once
    setTimeout(() => {
      publish();
      timer = setInterval(publish, device.intervalMs);
    }, Math.random() * device.intervalMs);
  });
  client.on('error', (error) => process.stderr.write(`${device.id}: ${error.message}\n`));
  return client;
}

const url = await brokerUrl();
const devices = await rotateDemoTokens(args.devices ? Number(args.devices) : null);
if (devices.length === 0) {
  process.stderr.write('simulate: no active demo devices (start once with SEED_DEMO=1)\n');
  process.exit(2);
}
process.stdout.write(`simulate: ${devices.length} demo devices → ${url.replace(/\/\/[^@]*@/, '//')}, speed ×${speed}, scenario ${scenario} (Ctrl-C stops)\n`);
const clients = devices.map((d) => run(url, d));
const report = setInterval(() => {
  const sorted = stats.ackMs.sort((a, b) => a - b);
  const p = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0) : '-');
  process.stdout.write(`${new Date().toISOString()}  sent ${stats.sent}  acknowledged ${stats.acked}  failed ${stats.failed}  ack p50 ${p(0.5)} ms p99 ${p(0.99)} ms\n`);
  stats.ackMs = [];
}, 10_000);
process.on('SIGINT', () => {
  clearInterval(report);
  void Promise.all(clients.map((c) => c.endAsync())).then(() => process.exit(0));
});
