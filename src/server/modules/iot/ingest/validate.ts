/**
 * Validation of telemetry messages (`{"ts": …, "values": {"pm10": 86.2, …}}`, `ts` optional) of
 * one known, authenticated device. Good values become readings; every refusal goes to the sink
 * with its reason — nothing refused is stored, and nothing here throws.
 */
import type { DeviceProfile } from './registry-cache';
import { parseTimestamp } from './timestamps';
import type { Reading, RejectionSink } from './types';

/** A reading more than this far ahead of the server's clock is refused as `future`. */
export const futureToleranceMs = 5 * 60 * 1000;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const brief = (v: unknown) => {
  const s = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/** Appends the good readings of `message` to `out`; returns how many were appended. */
export function validateMessage(device: DeviceProfile, message: unknown, receivedAt: number, out: Reading[], reject: RejectionSink): number {
  if (!isPlainObject(message)) {
    reject('malformed', 'a message must be a JSON object {"ts", "values"}');
    return 0;
  }
  const values = message.values;
  if (!isPlainObject(values) || Object.keys(values).length === 0) {
    reject('malformed', '"values" must be an object with at least one quantity');
    return 0;
  }
  const entries = Object.entries(values);
  let ts = receivedAt;
  if (message.ts !== undefined && message.ts !== null) {
    const parsed = parseTimestamp(message.ts);
    if (parsed === null) {
      reject('malformed', `"ts" ${brief(message.ts)} is neither ISO-8601 nor epoch milliseconds`);
      return 0;
    }
    ts = parsed;
  }
  if (ts > receivedAt + futureToleranceMs) {
    reject('future', `ts ${new Date(ts).toISOString()} is more than 5 minutes ahead`, entries.length);
    return 0;
  }
  if (ts < receivedAt - device.type.rawRetentionMs) {
    reject('too_old', `ts ${new Date(ts).toISOString()} is older than the raw retention of ${device.type.code}`, entries.length);
    return 0;
  }
  let appended = 0;
  for (const [key, value] of entries) {
    const range = device.type.quantities.get(key);
    if (!range) {
      reject('unknown_quantity', `quantity ${brief(key)} is not measured by ${device.type.code}`);
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      reject('malformed', `${key}=${brief(value)} is not a number`);
    } else if (value < range.min || value > range.max) {
      reject('out_of_range', `${key}=${value} is outside [${range.min}, ${range.max}]`);
    } else {
      out.push({ deviceId: device.id, quantity: key, ts, value });
      appended += 1;
    }
  }
  return appended;
}
