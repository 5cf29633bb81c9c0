/**
 * MQTT ingestion through the embedded broker (real TCP, mqtt.js as the device) and through an
 * external broker (the Mosquitto of this machine, when it answers on 127.0.0.1:1883).
 */
import net from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../kernel/logger';
import { startEmbeddedBroker, type EmbeddedBroker } from './mqtt/embedded-broker';
import { startExternalBridge } from './mqtt/external-bridge';
import { iotTestbed, type IotTestbed } from './test-support';

let bed: IotTestbed;
let broker: EmbeddedBroker;
const tokens: Record<string, string> = {};
const log = createLogger('silent');
const clients: MqttClient[] = [];

beforeAll(async () => {
  bed = await iotTestbed();
  for (const id of ['YC-MQ-0001', 'YC-MQ-0002']) tokens[id] = await bed.device(id, 'DUST');
  broker = await startEmbeddedBroker(bed.runtime.ingestion, log, { port: 0, host: '127.0.0.1', fallbackToFreePort: false });
});
afterAll(async () => {
  for (const c of clients) await c.endAsync(true);
  await broker.close();
  await bed.close();
});

function device(id: string, password: string, extra: mqtt.IClientOptions = {}): Promise<MqttClient> {
  const client = mqtt.connect(`mqtt://127.0.0.1:${broker.port}`, { username: id, password, clientId: id, reconnectPeriod: 0, ...extra });
  clients.push(client);
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', reject);
  });
}

const stored = async (deviceId: string) =>
  (await bed.db.selectFrom('reading').select(['quantity', 'value']).where('device_id', '=', deviceId).orderBy('ts').execute()).map((r) => `${r.quantity}=${r.value}`);

describe('embedded broker', () => {
  it('a QoS 1 PUBACK comes only after the reading is in the database', async () => {
    const c = await device('YC-MQ-0001', tokens['YC-MQ-0001']!);
    const ts = Date.now() - 5000;
    await c.publishAsync('devices/YC-MQ-0001/telemetry', JSON.stringify({ ts, values: { pm10: 86.2, noise: 61 } }), { qos: 1 });
    // acknowledged ⇒ committed: visible at once, without any flush
    expect(await stored('YC-MQ-0001')).toEqual(['noise=61', 'pm10=86.2']);
    // a batch array in one message, and QoS 0
    await c.publishAsync('devices/YC-MQ-0001/telemetry', JSON.stringify([{ ts: ts + 1000, values: { pm10: 90 } }, { ts: ts + 2000, values: { pm10: 91 } }]), { qos: 1 });
    expect((await stored('YC-MQ-0001')).filter((r) => r.startsWith('pm10'))).toEqual(['pm10=86.2', 'pm10=90', 'pm10=91']);
  });

  it('refuses wrong credentials and unknown devices at CONNECT, and counts them', async () => {
    await expect(device('YC-MQ-0002', 'ydt_wrong')).rejects.toThrow(/Bad username or password/i);
    await expect(device('YC-NOPE-0009', 'ydt_whatever')).rejects.toThrow(/Bad username or password/i);
    await bed.runtime.ingestion.flush();
    const reasons = (await bed.db.selectFrom('device_rejection').select(['device_id', 'reason']).execute()).map((r) => `${r.device_id}/${r.reason}`);
    expect(reasons).toEqual(expect.arrayContaining(['YC-MQ-0002/bad_credentials', '*/unknown_device']));
  });

  it('a device may not publish for another device, nor take over its session', async () => {
    // the client id of another device would kick that device off: refused
    await expect(device('YC-MQ-0002', tokens['YC-MQ-0002']!, { clientId: 'YC-MQ-0001' })).rejects.toThrow(/Not authorized/i);
    const c = await device('YC-MQ-0002', tokens['YC-MQ-0002']!, { clientId: 'YC-MQ-0002:gateway' });
    const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
    c.publish('devices/YC-MQ-0001/telemetry', JSON.stringify({ values: { pm10: 999 } }), { qos: 1 });
    await closed;
    await bed.runtime.ingestion.flush();
    expect(await stored('YC-MQ-0001')).not.toContain('pm10=999');
    const row = await bed.db.selectFrom('device_rejection').select('count').where('device_id', '=', 'YC-MQ-0002').where('reason', '=', 'forbidden_topic').executeTakeFirst();
    expect(Number(row?.count)).toBe(1);
  });

  it('bad payloads are acknowledged, counted and never stored; the connection stays up', async () => {
    const c = await device('YC-MQ-0002', tokens['YC-MQ-0002']!);
    await c.publishAsync('devices/YC-MQ-0002/telemetry', '{"values": {"pm10": ', { qos: 1 });
    await c.publishAsync('devices/YC-MQ-0002/telemetry', JSON.stringify({ values: { pm10: -5 } }), { qos: 1 });
    await c.publishAsync('devices/YC-MQ-0002/telemetry', Buffer.from([0xff, 0xfe, 0x00]), { qos: 0 });
    await c.publishAsync('devices/YC-MQ-0002/telemetry', JSON.stringify({ values: { pm10: 12 } }), { qos: 1 });
    expect(c.connected).toBe(true);
    expect(await stored('YC-MQ-0002')).toEqual(['pm10=12']);
    await bed.runtime.ingestion.flush();
    const counts = Object.fromEntries((await bed.db.selectFrom('device_rejection').select(['reason', 'count']).where('device_id', '=', 'YC-MQ-0002').execute()).map((r) => [r.reason, Number(r.count)]));
    expect(counts).toMatchObject({ malformed: 2, out_of_range: 1 });
  });

  it('a device may subscribe under its own topics only', async () => {
    const c = await device('YC-MQ-0001', tokens['YC-MQ-0001']!);
    const own = await c.subscribeAsync('devices/YC-MQ-0001/commands', { qos: 1 });
    expect(own[0]!.qos).toBe(1);
    // refused with the SUBACK failure code 0x80 (mqtt.js turns it into an error); still connected
    await expect(c.subscribeAsync('devices/YC-MQ-0002/#', { qos: 1 })).rejects.toThrow(/Subscribe error/);
    await expect(c.subscribeAsync('#', { qos: 0 })).rejects.toThrow(/Subscribe error/);
    expect(c.connected).toBe(true);
  });
});

const mosquittoUp = await new Promise<boolean>((resolve) => {
  const socket = net.connect(1883, '127.0.0.1', () => {
    socket.end();
    resolve(true);
  });
  socket.once('error', () => resolve(false));
  socket.setTimeout(1000, () => {
    socket.destroy();
    resolve(false);
  });
});

describe.skipIf(!mosquittoUp)('external broker (Mosquitto on 1883) with a shared subscription', () => {
  it('two server copies split the messages, each acknowledged after commit, none lost or doubled', async () => {
    const group = `test${process.pid}${Date.now() % 100000}`;
    const url = 'mqtt://127.0.0.1:1883';
    const a = await startExternalBridge(bed.runtime.ingestion, log, { url, group, clientId: `${group}-a` });
    const b = await startExternalBridge(bed.runtime.ingestion, log, { url, group, clientId: `${group}-b` });
    try {
      // the subscriptions are made on CONNACK: wait until the broker has them
      await new Promise((r) => setTimeout(r, 300));
      const id = 'YC-MQ-0002';
      const publisher = await mqtt.connectAsync(url, { clientId: `${group}-device`, reconnectPeriod: 0 });
      const base = Date.now() - 60_000;
      for (let k = 0; k < 40; k++) await publisher.publishAsync(`devices/${id}/telemetry`, JSON.stringify({ ts: base + k * 100, values: { noise: 40 + k } }), { qos: 1 });
      await publisher.endAsync();
      await expect.poll(async () => (await stored(id)).filter((r) => r.startsWith('noise')).length, { timeout: 10_000 }).toBe(40);
      expect(a.stats.messages + b.stats.messages).toBe(40);
      expect(a.stats.messages).toBeGreaterThan(0);
      expect(b.stats.messages).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
