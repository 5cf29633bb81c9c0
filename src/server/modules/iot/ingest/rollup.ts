/**
 * Roll-ups of a batch, computed here so that the database receives one upsert row per device,
 * quantity and bucket. The input is sorted by device, quantity and time, so equal buckets are
 * neighbours and one pass suffices; the output comes out in key order (the order in which every
 * flush takes its row locks, so that concurrent flushes cannot deadlock).
 */
import type { Reading } from './types';

export const minuteMs = 60_000;
export const hourMs = 3_600_000;

export interface RollupRows {
  deviceIds: string[];
  quantities: string[];
  buckets: string[];
  mins: number[];
  maxs: number[];
  sums: number[];
  counts: number[];
}

/** `bucketMs` divides an hour, so buckets are the same in UTC and in Asia/Shanghai (UTC+8). */
export function rollUp(sorted: readonly Reading[], bucketMs: number): RollupRows {
  const out: RollupRows = { deviceIds: [], quantities: [], buckets: [], mins: [], maxs: [], sums: [], counts: [] };
  let lastDevice = '';
  let lastQuantity = '';
  let lastBucket = NaN;
  let k = -1;
  for (const r of sorted) {
    const bucket = Math.floor(r.ts / bucketMs) * bucketMs;
    if (bucket === lastBucket && r.deviceId === lastDevice && r.quantity === lastQuantity) {
      if (r.value < out.mins[k]!) out.mins[k] = r.value;
      if (r.value > out.maxs[k]!) out.maxs[k] = r.value;
      out.sums[k]! += r.value;
      out.counts[k]! += 1;
      continue;
    }
    k += 1;
    lastDevice = r.deviceId;
    lastQuantity = r.quantity;
    lastBucket = bucket;
    out.deviceIds.push(r.deviceId);
    out.quantities.push(r.quantity);
    out.buckets.push(new Date(bucket).toISOString());
    out.mins.push(r.value);
    out.maxs.push(r.value);
    out.sums.push(r.value);
    out.counts.push(1);
  }
  return out;
}

/** Sorts by device, quantity, time and drops repeats of the same key (the first stays); returns how many of each index were repeats. */
export function sortUnique(readings: Reading[]): { rows: Reading[]; repeats: Reading[] } {
  const sorted = [...readings].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.quantity < b.quantity ? -1 : a.quantity > b.quantity ? 1 : a.ts - b.ts));
  const rows: Reading[] = [];
  const repeats: Reading[] = [];
  for (const r of sorted) {
    const prev = rows[rows.length - 1];
    if (prev && prev.ts === r.ts && prev.quantity === r.quantity && prev.deviceId === r.deviceId) repeats.push(r);
    else rows.push(r);
  }
  return { rows, repeats };
}
