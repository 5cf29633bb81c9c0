/**
 * The embedded MQTT broker (aedes), used when no MQTT_URL is configured. Devices log in with user
 * name = device id and password = token; a device may publish only to its own telemetry topic.
 *
 * Durability: aedes sends a QoS 1 PUBACK only after `authorizePublish` has called back, so the
 * callback waits for the ingestion's promise, which resolves after the readings are committed.
 * If they could not be stored the callback gets an error: the broker closes the connection
 * without PUBACK and the device sends the message again after reconnecting (a resend of
 * something that was stored becomes a counted duplicate). Refused content (bad JSON, out of
 * range, …) is acknowledged: it was received and judged, and sending it again would not help.
 */
import net from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { Logger } from '../../../kernel/logger';
import type { Ingestion } from '../ingest/pipeline';
import { unknownDeviceKey } from '../ingest/types';
import { clientIdAllowed, deviceOfTelemetryTopic, ownSubtree } from './topics';

export interface EmbeddedBroker {
  port: number;
  stats: BrokerStats;
  close(): Promise<void>;
}

export interface BrokerStats {
  connected: number;
  messages: number;
  refusedConnects: number;
  refusedPublishes: number;
  notStored: number;
}

// MQTT 3.1.1 CONNACK return codes
const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;

function authError(message: string, returnCode: number): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

export async function startEmbeddedBroker(ingestion: Ingestion, log: Pick<Logger, 'info' | 'warn' | 'error'>, options: { port: number; host: string; fallbackToFreePort: boolean }): Promise<EmbeddedBroker> {
  const deviceOf = new WeakMap<Client, string>();
  const stats: BrokerStats = { connected: 0, messages: 0, refusedConnects: 0, refusedPublishes: 0, notStored: 0 };

  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      const deviceId = username ?? '';
      const token = password ? password.toString('utf8') : '';
      ingestion.authenticate(deviceId, token).then(
        (outcome) => {
          if (!outcome.ok) {
            stats.refusedConnects++;
            done(authError(outcome.reason, outcome.reason === 'disabled' ? NOT_AUTHORIZED : BAD_USERNAME_OR_PASSWORD), false);
          } else if (!clientIdAllowed(client.id, deviceId)) {
            stats.refusedConnects++;
            done(authError('client id must be the device id or start with "<deviceId>:"', NOT_AUTHORIZED), false);
          } else {
            deviceOf.set(client, deviceId);
            done(null, true);
          }
        },
        // the registry cannot be read: "server unavailable", the device retries
        () => done(authError('registry unavailable', 3), false),
      );
    },
    authorizePublish: (client, packet, done) => {
      const deviceId = client ? deviceOf.get(client) : undefined;
      if (!client) return done(); // the broker's own messages ($SYS)
      const topicDevice = deviceOfTelemetryTopic(packet.topic);
      if (!deviceId || topicDevice !== deviceId) {
        stats.refusedPublishes++;
        ingestion.refuse(deviceId ?? unknownDeviceKey, 'forbidden_topic', `publish to ${JSON.stringify(packet.topic.slice(0, 80))}`);
        return done(new Error('a device may publish only to devices/<its id>/telemetry'));
      }
      stats.messages++;
      ingestion.submitPayload(deviceId, packet.payload).then(
        () => done(),
        (error: unknown) => {
          stats.notStored++;
          // QoS 0 has no acknowledgement to withhold: the message is lost, as QoS 0 allows
          if (packet.qos === 0) return done();
          done(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
    authorizeSubscribe: (client, subscription, done) => {
      const deviceId = deviceOf.get(client);
      if (deviceId && ownSubtree(deviceId, subscription.topic)) return done(null, subscription);
      // a refused filter gets the SUBACK failure code (0x80); the connection stays up
      done(null, null);
    },
  });
  broker.on('client', () => stats.connected++);
  broker.on('clientDisconnect', () => stats.connected--);

  const server = net.createServer({ noDelay: true }, (socket) => {
    // many small packets: no Nagle delay on acknowledgements
    socket.setNoDelay(true);
    broker.handle(socket);
  });
  const port = await listen(server, options, log);
  return {
    port,
    stats,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        broker.close();
      });
    },
  };
}

async function listen(server: net.Server, options: { port: number; host: string; fallbackToFreePort: boolean }, log: Pick<Logger, 'warn'>): Promise<number> {
  const attempt = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      server.once('error', onError);
      server.listen(port, options.host, () => {
        server.off('error', onError);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  try {
    return await attempt(options.port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !options.fallbackToFreePort) {
      throw new Error(`MQTT_PORT ${options.port} cannot be used (${(error as Error).message}): set MQTT_PORT to a free port (0 picks one) or MQTT_URL to use that broker`);
    }
    const port = await attempt(0);
    log.warn({ wanted: options.port, port }, 'MQTT_PORT is in use (another broker?): the embedded broker listens on a free port instead');
    return port;
  }
}
