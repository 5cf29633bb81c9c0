import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Reading } from './types';

/**
 * COPY text of readings. Device ids and quantity keys are checked patterns (letters, digits,
 * `-`, `_`), values finite numbers, so no field needs escaping.
 */
export function copyText(rows: readonly Reading[]): string {
  const parts: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i]!;
    parts[i] = `${r.deviceId}\t${r.quantity}\t${new Date(r.ts).toISOString()}\t${r.value}\n`;
  }
  return parts.join('');
}

/** Streams the rows into `reading` (routed to their partitions) on the caller's connection and transaction. */
export async function copyReadings(client: pg.PoolClient, rows: readonly Reading[]): Promise<void> {
  const stream = client.query(copyFrom('COPY reading (device_id, quantity, ts, value) FROM STDIN'));
  await pipeline(Readable.from([copyText(rows)]), stream);
}
