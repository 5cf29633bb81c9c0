/**
 * Load generator for bench/iot-mqtt.ts, run in a worker thread so that it does not share the
 * event loop with the broker under test: one MQTT connection per device, each publishing its
 * messages at QoS 1 (plain JavaScript: worker threads do not load TypeScript) with up to `window` unacknowledged at a time (a device with a backlog).
 */
import { parentPort, workerData } from 'node:worker_threads';
import mqtt from 'mqtt';

/** @type {{ url: string; devices: Array<{ id: string; token: string }>; messagesPerDevice: number; window: number; t0: number }} */
const job = workerData;

async function device(d, k) {
  const client = await mqtt.connectAsync(job.url, { username: d.id, password: d.token, clientId: d.id, reconnectPeriod: 0 });
  let next = 0;
  const one = async () => {
    while (next < job.messagesPerDevice) {
      const i = next++;
      const payload = JSON.stringify({ ts: job.t0 + i * 1000 + k, values: { pm10: 20 + ((i * 7 + k) % 120), pm2_5: 10 + (i % 40), noise: 40 + (i % 50) / 2 } });
      await client.publishAsync(`devices/${d.id}/telemetry`, payload, { qos: 1 });
    }
  };
  await Promise.all(Array.from({ length: job.window }, one));
  await client.endAsync();
}

const started = performance.now();
await Promise.all(job.devices.map((d, k) => device(d, k)));
parentPort.postMessage({ ms: performance.now() - started });
