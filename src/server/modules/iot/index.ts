import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownTables } from '../../kernel/db/database';
import type { Kernel, Module } from '../../kernel/module';
import { checkSilence, silenceJobEveryMs, silenceJobName } from './alarms/silence';
import { caseService } from '../cases';
import { alarmRoutes } from './http/alarm-routes';
import { dataRoutes } from './http/data-routes';
import { alarmNotifier } from './rules/alarm-notice';
import { caseOpener } from './rules/case-opener';
import { AlarmEvaluator } from './rules/evaluator';
import { checkMissingData, missingJobEveryMs, missingJobName } from './rules/missing-data';
import { registryRoutes } from './http/registry-routes';
import { telemetryRoute } from './http/telemetry-route';
import type { RegistryDeps } from './registry/devices';
import { locatorFor } from './registry/location';
import { serveMqtt } from './mqtt/serve';
import { iotRuntime } from './runtime';
import { seedIot } from './seed/seed';
import { maintainStorage, storageJobEveryMs, storageJobName } from './storage/maintenance';
import type { IotTables } from './store';

export type { IotTables, Quantity, RejectionReason } from './store';
export type { IngestResult } from './ingest/types';
export type { AuthOutcome } from './ingest/pipeline';
export { IngestNotStored, IngestOverloaded } from './ingest/pipeline';
export type { SilentEvent } from './alarms/silence';

/**
 * The iot module's public API for other modules (the MQTT broker of the next slice, rules):
 * authenticate a device (CONNECT user name = device id, password = token) and submit its
 * payloads; the promise resolves after commit (acknowledge QoS 1 then).
 */
export function iotService(kernel: Kernel) {
  const { ingestion } = iotRuntime(kernel);
  return {
    authenticate: (deviceId: string, token: string) => ingestion.authenticate(deviceId, token),
    submitPayload: (deviceId: string, payload: string | Uint8Array, receivedAt?: number) => ingestion.submitPayload(deviceId, payload, receivedAt),
    submit: (deviceId: string, messages: readonly unknown[], receivedAt?: number) => ingestion.submit(deviceId, messages, receivedAt),
  };
}

function registryDeps(kernel: Kernel): RegistryDeps {
  const runtime = iotRuntime(kernel);
  return { db: ownTables<IotTables>(kernel.database), kernel, locate: locatorFor(kernel), changed: () => runtime.registry.invalidate() };
}

export const iotModule: Module = {
  name: 'iot',
  migrations: path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  permissions: [
    { name: 'iot:devices.manage', zh: '管理感知设备（类型、设备、令牌、导入）', en: 'Manage sensing devices (types, devices, tokens, import)' },
    { name: 'iot:read', zh: '查看感知设备与监测数据', en: 'Read sensing devices and their data' },
    { name: 'iot:rules.manage', zh: '维护告警规则', en: 'Maintain alarm rules' },
    { name: 'iot:alarms.handle', zh: '确认与消除告警', en: 'Acknowledge and clear alarms' },
  ],
  grants: {
    system_admin: ['iot:devices.manage', 'iot:rules.manage'],
    leader: ['iot:read'],
    dispatcher: ['iot:read', 'iot:alarms.handle'],
    city_operator: ['iot:read', 'iot:alarms.handle'],
    shift_leader: ['iot:read', 'iot:rules.manage', 'iot:alarms.handle'],
  },
  routes: async (app, kernel) => {
    const db = ownTables<IotTables>(kernel.database);
    const runtime = iotRuntime(kernel);
    await telemetryRoute(app, runtime.ingestion);
    await registryRoutes(app, registryDeps(kernel));
    dataRoutes(app, db);
    alarmRoutes(app, { db, caseClass: (code) => caseService(kernel).activeClass(code), changed: () => runtime.rules.invalidate(), events: kernel.events, alarmsChanged: () => runtime.alarms?.forgetOpen() });
    // what is still buffered is written before the server lets go of the database
    app.addHook('onClose', async () => runtime.ingestion.flush());
  },
  background: (kernel) => {
    const db = ownTables<IotTables>(kernel.database);
    const runtime = iotRuntime(kernel);
    kernel.jobs.every(storageJobName, storageJobEveryMs, async () => {
      const report = await maintainStorage(db, runtime.partitions);
      if (report.dropped.length > 0 || report.deletedRows > 0) kernel.log.info(report, 'iot: expired readings removed');
    });
    const alarms = new AlarmEvaluator(db, runtime.rules, runtime.registry, kernel.events, kernel.log);
    runtime.alarms = alarms;
    runtime.ingestion.onStored((rows) => alarms.accept(rows));
    kernel.events.subscribe('iot.alarm.raised', 'iot.open-case', caseOpener(kernel));
    kernel.events.subscribe('iot.alarm.raised', 'iot.announce-alarm', alarmNotifier(kernel));
    kernel.jobs.every(missingJobName, missingJobEveryMs, async (tx) => {
      const { raised } = await checkMissingData(tx, runtime.rules, kernel.events);
      if (raised > 0) {
        alarms.forgetOpen();
        kernel.log.info({ raised }, 'iot: missing-data alarms');
      }
    });
    kernel.jobs.every(silenceJobName, silenceJobEveryMs, async (tx) => {
      const { opened, closed } = await checkSilence(tx, kernel.events);
      if (opened.length > 0 || closed.length > 0) kernel.log.info({ opened, closed }, 'iot: silent-device alarms');
    });
  },
  serve: serveMqtt,
  seed: async (kernel, { demo }) => {
    const result = await seedIot(kernel, ownTables<IotTables>(kernel.database), iotRuntime(kernel), locatorFor(kernel), demo);
    if (result.types + result.devices > 0) kernel.log.info(result, 'iot: seeded DEMO device types and devices (tokens not shown; see the iot README)');
  },
};
