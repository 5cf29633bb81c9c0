/**
 * Killing the server (SIGKILL, no shutdown) never loses a reading whose QoS 1 PUBACK the device
 * received: every acknowledged message is in the database afterwards. Messages still in flight
 * are not acknowledged; the device sends them again after the restart, and in the end every
 * message is stored exactly once (a resent copy that was stored after all is a counted duplicate).
 */
import net from 'node:net';
import mqtt from 'mqtt';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from './helpers/db';
import { startServerProcess, type ServerProcess } from './helpers/server-process';
import { newToken, tokenHash } from '../src/server/modules/iot/credentials';

let t: TestDatabase | null = null;
let server: ServerProcess | null = null;
afterAll(async () => {
  if (server) await server.stop('SIGKILL');
  await t?.drop();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
const mqttPortOf = (output: string) => Number(/"mqtt":"embedded broker","mqttPort":(\d+)/.exec(output)?.[1]);

describe('durability of acknowledged readings', () => {
  it("every message acknowledged before a SIGKILL is stored, and after the restart every message is stored exactly once", async () => {
    const db = (t = await freshDatabase()).database.db;
    const token = newToken();
    const type = await sql<{ code: string }>`SELECT code FROM device_type WHERE code = 'DUST'`.execute(db);
    expect(type.rows).toHaveLength(1);
    const owner = await sql<{ id: string }>`SELECT id FROM org_unit WHERE name = '区生态环境局'`.execute(db);
    await sql`INSERT INTO device (id, type_code, name, owner_org_id, lng, lat, credential_hash) VALUES ('YC-KILL-0001', 'DUST', '耐久测试', ${owner.rows[0]!.id}, 105.93, 29.36, ${tokenHash(token)})`.execute(db);
    await sql`UPDATE device_registry_version SET version = version + 1`.execute(db);

    // the same MQTT port for both lives of the server: the device reconnects to it
    const port = await freePort();
    server = await startServerProcess({ DATABASE_URL: t.url, SEED_DEMO: '0', MQTT_PORT: String(port) });
    expect(mqttPortOf(server.output())).toBe(port);
    const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { username: 'YC-KILL-0001', password: token, clientId: 'YC-KILL-0001', clean: false, reconnectPeriod: 300 });
    device.on('error', () => undefined);
    const acknowledged: number[] = [];
    const base = Date.now() - 3_600_000;
    let sent = 0;
    let killed = false;
    const publishing = (async () => {
      // many messages in flight at once, as a busy gateway would have
      while (!killed && sent < 20_000) {
        const batch = [];
        for (let k = 0; k < 50; k++) {
          const ts = base + sent++ * 10;
          batch.push(device.publishAsync('devices/YC-KILL-0001/telemetry', JSON.stringify({ ts, values: { pm10: 50 } }), { qos: 1 }).then(() => acknowledged.push(ts), () => undefined));
        }
        await Promise.race([Promise.all(batch), new Promise((r) => setTimeout(r, 50))]);
      }
    })();
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(500);
    killed = true;
    const seenBeforeKill = acknowledged.length;
    await server.stop('SIGKILL');
    server = null;

    const readings = async () => (await sql<{ ts: Date }>`SELECT ts FROM reading WHERE device_id = 'YC-KILL-0001'`.execute(db)).rows.map((r) => r.ts.getTime());
    const stored = new Set(await readings());
    const lost = acknowledged.filter((ts) => !stored.has(ts));
    expect(lost).toEqual([]);
    expect(seenBeforeKill).toBeGreaterThan(500);
    const inFlight = sent - acknowledged.length;
    console.info(`at the kill: sent ${sent}, acknowledged ${acknowledged.length}, stored ${stored.size}`);

    // after a restart the device resends what was not acknowledged; in the end every message is stored exactly once
    server = await startServerProcess({ DATABASE_URL: t.url, SEED_DEMO: '0', MQTT_PORT: String(port) });
    await publishing;
    await expect.poll(() => acknowledged.length, { timeout: 60_000 }).toBe(sent);
    const after = await readings();
    expect(after.length).toBe(sent);
    expect(new Set(after).size).toBe(sent);
    device.end(true);
    console.info(`after the restart: ${inFlight} resent, ${after.length} stored once each`);
  }, 120_000);
});
