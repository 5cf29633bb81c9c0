/**
 * MQTT topics of the iot module. A device publishes its readings to `devices/{deviceId}/telemetry`
 * (JSON of one message or an array: the same payload as HTTP) and may subscribe only under its own
 * `devices/{deviceId}/` (commands, later). Device ids never contain `/`, `+` or `#`.
 */
export const telemetryFilter = 'devices/+/telemetry';

const telemetryTopic = /^devices\/([A-Z0-9][A-Z0-9-]{2,39})\/telemetry$/;

/** The device id named by a telemetry topic, or null for any other topic. */
export function deviceOfTelemetryTopic(topic: string): string | null {
  return telemetryTopic.exec(topic)?.[1] ?? null;
}

/** What a device may subscribe to: its own subtree only. */
export function ownSubtree(deviceId: string, filter: string): boolean {
  return filter.startsWith(`devices/${deviceId}/`) && !filter.slice(`devices/${deviceId}/`.length).includes('#/');
}

/** The shared subscription by which the server copies split the devices' messages on an external broker (MQTT 5 / Mosquitto ≥ 1.6). */
export const sharedTelemetryFilter = (group: string) => `$share/${group}/${telemetryFilter}`;

/**
 * A client id must not be able to kick another device's session off the broker (a CONNECT with a
 * client id already connected takes over). Allowed: the device id itself, `<deviceId>:<anything>`
 * (`:` never occurs in device ids), or the random id the broker assigns to an empty one.
 */
export function clientIdAllowed(clientId: string, deviceId: string): boolean {
  return clientId === deviceId || clientId.startsWith(`${deviceId}:`) || /^aedes_[0-9A-Za-z-]{16,}$/.test(clientId);
}
