/** Typed wrappers of the city-sensing (感知) API: devices, data, rules and alarms. */
import { api } from '../api/client';
import type { paths } from '../api/schema';
import { unwrap } from '../api/unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type DeviceType = JsonOf<paths['/api/v1/iot/device-types']['get']['responses'][200]>['items'][number];
export type Quantity = DeviceType['quantities'][number];
export type DeviceQuery = NonNullable<paths['/api/v1/iot/devices']['get']['parameters']['query']>;
export type Device = JsonOf<paths['/api/v1/iot/devices']['get']['responses'][200]>['items'][number];
export type DeviceState = Device['state'];
export type Latest = JsonOf<paths['/api/v1/iot/devices/{id}/latest']['get']['responses'][200]>;
export type Series = JsonOf<paths['/api/v1/iot/devices/{id}/series']['get']['responses'][200]>;
export type Rejections = JsonOf<paths['/api/v1/iot/rejections']['get']['responses'][200]>;
export type Rule = JsonOf<paths['/api/v1/iot/rules']['get']['responses'][200]>['items'][number];
export type NewRule = paths['/api/v1/iot/rules']['post']['requestBody']['content']['application/json'];
export type RuleChange = paths['/api/v1/iot/rules/{id}']['patch']['requestBody']['content']['application/json'];
export type AlarmQuery = NonNullable<paths['/api/v1/iot/alarms']['get']['parameters']['query']>;
export type Alarm = JsonOf<paths['/api/v1/iot/alarms']['get']['responses'][200]>['items'][number];

export const fetchDeviceTypes = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/iot/device-types', { signal }))).items;

export const fetchDevices = async (query: DeviceQuery, signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/iot/devices', { params: { query }, signal }))).items;

export const fetchDevice = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/iot/devices/{id}', { params: { path: { id } }, signal }));

export const fetchLatest = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/iot/devices/{id}/latest', { params: { path: { id } }, signal }));

/** The server picks the resolution (raw < 6 h, minute < 7 days, hour beyond) from the span. */
export const fetchSeries = (id: string, quantity: string, from: string, to: string, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/iot/devices/{id}/series', { params: { path: { id }, query: { quantity, from, to } }, signal }));

export const fetchRejections = (deviceId: string | undefined, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/iot/rejections', { params: { query: deviceId ? { deviceId } : {} }, signal }));

export const fetchRules = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/iot/rules', { signal }))).items;

export const createRule = (body: NewRule) => unwrap(api.POST('/api/v1/iot/rules', { body }));

export const changeRule = (id: string, body: RuleChange) => unwrap(api.PATCH('/api/v1/iot/rules/{id}', { params: { path: { id } }, body }));

export const fetchAlarms = async (query: AlarmQuery, signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/iot/alarms', { params: { query }, signal }))).items;

export const acknowledgeAlarm = (id: string, note: string) =>
  unwrap(api.POST('/api/v1/iot/alarms/{id}/acknowledge', { params: { path: { id } }, body: note ? { note } : {} }));

export const clearAlarm = (id: string, note: string) => unwrap(api.POST('/api/v1/iot/alarms/{id}/clear', { params: { path: { id } }, body: note ? { note } : {} }));
