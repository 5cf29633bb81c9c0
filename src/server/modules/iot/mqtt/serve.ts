/**
 * The MQTT side of the iot module (Module.serve): the embedded broker, or the subscription to an
 * external one when MQTT_URL is set. Both feed the same ingestion as HTTP.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kernel, Served } from '../../../kernel/module';
import { iotRuntime } from '../runtime';
import { startEmbeddedBroker } from './embedded-broker';
import { startExternalBridge } from './external-bridge';

/** In DATA_DIR while the embedded broker runs: its port. */
export const mqttPortFile = 'mqtt.port';

export async function serveMqtt(kernel: Kernel): Promise<Served> {
  const { ingestion } = iotRuntime(kernel);
  const { config } = kernel;
  if (config.mqttUrl) {
    const bridge = await startExternalBridge(ingestion, kernel.log, { url: config.mqttUrl, group: config.mqttGroup });
    return { describe: { mqtt: 'external broker', group: config.mqttGroup }, stop: () => bridge.close() };
  }
  const broker = await startEmbeddedBroker(ingestion, kernel.log, { port: config.mqttPort, host: config.host, fallbackToFreePort: config.nodeEnv !== 'production' });
  // tools on this machine (npm run simulate) find the broker here, also when it fell back to a free port
  const portFile = path.join(config.dataDir, mqttPortFile);
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(portFile, `${broker.port}\n`);
  return {
    describe: { mqtt: 'embedded broker', mqttPort: broker.port },
    stop: async () => {
      await broker.close();
      await fs.rm(portFile, { force: true });
    },
  };
}
