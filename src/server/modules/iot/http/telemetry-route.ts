/**
 * POST /api/v1/telemetry: a device sends one message `{ts?, values}` or a batch (array, at most
 * 1,000), authenticated by `Authorization: Device <deviceId>:<token>`. The answer (202) comes
 * after the readings are committed, with the count accepted and the count refused per reason.
 * The route is public at the platform's access hook (devices are not accounts); the device
 * credential is checked here. The body is taken as bytes (in this route's own scope) so that
 * malformed JSON is counted against the device like any other refusal.
 */
import type { FastifyReply } from 'fastify';
import type { App } from '../../../kernel/module';
import { parseDeviceAuthorization } from '../credentials';
import { iotErrors } from '../errors';
import { IngestNotStored, IngestOverloaded, type Ingestion } from '../ingest/pipeline';
import { TelemetryBody, TelemetryReply } from './schemas';

const problem = { $ref: 'Problem#' } as const;
export const maxMessagesPerRequest = 1000;

const challenge = (reply: FastifyReply) => reply.header('www-authenticate', 'Device realm="telemetry"');

export async function telemetryRoute(app: App, ingestion: Ingestion): Promise<void> {
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post<{ Body: Buffer | undefined }>('/api/v1/telemetry', {
      config: { access: { public: true } },
      // the schema documents the body; the pipeline checks it message by message and counts every refusal
      validatorCompiler: () => () => true,
      schema: {
        tags: ['iot'],
        summary: '设备上报监测数据（HTTP）/ a device posts telemetry',
        description:
          'Authorization: Device <deviceId>:<token>. Body: {"ts": ISO-8601 | epoch ms (optional), "values": {"pm10": 86.2}} or an array of up to 1,000. ' +
          '202 after commit: accepted, and rejected per reason (unknown_quantity, out_of_range, future, too_old, malformed, duplicate …).',
        body: TelemetryBody,
        response: { 202: TelemetryReply, 400: problem, 401: problem, 403: problem, 503: problem },
      },
    }, async (request, reply) => {
      const receivedAt = ingestion.now();
      const credential = parseDeviceAuthorization(request.headers.authorization);
      if (!credential) {
        challenge(reply);
        throw iotErrors.badCredentials();
      }
      const auth = await ingestion.authenticate(credential.deviceId, credential.token).catch((error: unknown) => {
        if (error instanceof IngestNotStored) {
          reply.header('retry-after', '1');
          throw iotErrors.storageUnavailable();
        }
        throw error;
      });
      if (!auth.ok) {
        if (auth.reason === 'disabled') throw iotErrors.deviceDisabled(credential.deviceId);
        challenge(reply);
        throw iotErrors.badCredentials();
      }
      const deviceId = auth.device.id;
      let body: unknown;
      try {
        body = JSON.parse((request.body ?? Buffer.alloc(0)).toString('utf8'));
      } catch {
        ingestion.refuse(deviceId, 'malformed', 'the request body is not JSON', 1, receivedAt);
        throw iotErrors.malformedPayload('the body is not JSON');
      }
      const messages = Array.isArray(body) ? body : [body];
      if (messages.length === 0 || messages.length > maxMessagesPerRequest) {
        ingestion.refuse(deviceId, 'malformed', `a batch of ${messages.length} messages`, 1, receivedAt);
        throw messages.length === 0 ? iotErrors.malformedPayload('an empty array') : iotErrors.batchTooLarge(maxMessagesPerRequest);
      }
      try {
        return reply.code(202).send(await ingestion.submit(deviceId, messages, receivedAt));
      } catch (error) {
        if (error instanceof IngestOverloaded || error instanceof IngestNotStored) {
          reply.header('retry-after', '1');
          throw error instanceof IngestOverloaded ? iotErrors.overloaded() : iotErrors.storageUnavailable();
        }
        throw error;
      }
    });
  });
}
