/**
 * With MQTT_URL the devices talk to an external broker (e.g. Mosquitto), which authenticates
 * them and must confine each to its own topic (ACL `pattern write devices/%u/telemetry`; see the
 * README). Every server copy subscribes to `$share/<group>/devices/+/telemetry` at QoS 1 and the
 * broker splits the messages between the copies.
 *
 * Durability: a message is acknowledged (PUBACK) only after its readings are committed. mqtt.js
 * handles incoming packets one at a time and would send the PUBACK itself after `handleMessage`;
 * waiting there for the commit would let one connection store about 20 messages a second (one
 * batch delay each). So `handleMessage` lets mqtt.js move on to the next packet at once and
 * withholds its PUBACK (an error to its callback sends none), and the PUBACK is sent here when the
 * commit is known. A message that could not be stored gets no PUBACK: the broker delivers it
 * again after the session resumes (persistent session, clean = false), to this copy or another.
 */
import os from 'node:os';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { Logger } from '../../../kernel/logger';
import type { Ingestion } from '../ingest/pipeline';
import { unknownDeviceKey } from '../ingest/types';
import { deviceOfTelemetryTopic, sharedTelemetryFilter } from './topics';

export interface ExternalBridge {
  stats: { messages: number; notStored: number; foreignTopic: number };
  close(): Promise<void>;
}

/** mqtt.js's packet writer, not in its public types: the way to send our own PUBACK. */
interface PacketSender {
  _sendPacket(packet: { cmd: 'puback'; messageId: number }, done?: () => void): void;
}

// Handed to mqtt.js's handleMessage callback so that it skips its own PUBACK.
const ackLater = new Error('acknowledged after commit');

export async function startExternalBridge(ingestion: Ingestion, log: Pick<Logger, 'info' | 'warn' | 'error'>, options: { url: string; group: string; clientId?: string }): Promise<ExternalBridge> {
  const stats = { messages: 0, notStored: 0, foreignTopic: 0 };
  const client: MqttClient = mqtt.connect(options.url, {
    clientId: options.clientId ?? `${options.group}-${os.hostname()}-${process.pid}`,
    clean: false,
    protocolVersion: 5,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
    // the server copy's session lasts a day without it: enough for restarts and deployments
    properties: { sessionExpiryInterval: 24 * 60 * 60 },
  });

  client.handleMessage = (packet, callback) => {
    if (packet.cmd !== 'publish') return callback();
    const publish = packet as IPublishPacket;
    const deviceId = deviceOfTelemetryTopic(publish.topic);
    stats.messages++;
    const ack = () => {
      if (publish.qos === 1 && publish.messageId !== undefined) (client as unknown as PacketSender)._sendPacket({ cmd: 'puback', messageId: publish.messageId });
    };
    if (!deviceId) {
      // not a device's telemetry topic (the broker's ACL should have refused it): counted, dropped
      stats.foreignTopic++;
      ingestion.refuse(unknownDeviceKey, 'forbidden_topic', `message on ${JSON.stringify(publish.topic.slice(0, 80))}`);
      return callback();
    }
    if (publish.qos !== 1) {
      void ingestion.submitPayload(deviceId, publish.payload).catch(() => stats.notStored++);
      return callback();
    }
    ingestion.submitPayload(deviceId, publish.payload).then(ack, (error: unknown) => {
      stats.notStored++;
      log.warn({ err: error, deviceId }, 'mqtt: readings not stored; no PUBACK, the broker will deliver them again');
    });
    callback(ackLater);
  };

  client.on('error', (error) => log.warn({ err: error }, 'mqtt: connection to the external broker failed'));
  client.on('connect', (connack) => {
    log.info({ sessionPresent: connack.sessionPresent }, 'mqtt: connected to the external broker');
    client.subscribe(sharedTelemetryFilter(options.group), { qos: 1 }, (error) => {
      if (error) log.error({ err: error }, 'mqtt: cannot subscribe to the devices\' telemetry');
    });
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(new Error(`MQTT_URL: cannot connect to the broker (${error.message})`));
    client.once('error', onError);
    client.once('connect', () => {
      client.off('error', onError);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await client.endAsync(true);
    throw error;
  });
  return {
    stats,
    close: async () => {
      await client.endAsync();
    },
  };
}
