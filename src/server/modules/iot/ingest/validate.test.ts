import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { RejectionReason } from '../store';
import type { DeviceProfile } from './registry-cache';
import { parseTimestamp } from './timestamps';
import type { Reading } from './types';
import { validateMessage } from './validate';

const device: DeviceProfile = {
  id: 'YC-DUST-0001',
  status: 'active',
  credentialHash: Buffer.alloc(32),
  type: { code: 'DUST', quantities: new Map([['pm10', { min: 0, max: 2000 }], ['noise', { min: 20, max: 140 }]]), rawRetentionMs: 90 * 86_400_000, expectedIntervalMs: 60_000 },
};
const now = Date.parse('2026-11-26T10:00:00Z');

function run(message: unknown) {
  const out: Reading[] = [];
  const refused: Array<[RejectionReason, number]> = [];
  validateMessage(device, message, now, out, (reason, _detail, n = 1) => refused.push([reason, n]));
  return { out, refused };
}

describe('timestamps', () => {
  it('reads ISO-8601 with and without an offset (local time = +08:00) and epoch milliseconds', () => {
    expect(parseTimestamp('2026-11-26T08:00:00Z')).toBe(Date.parse('2026-11-26T08:00:00Z'));
    expect(parseTimestamp('2026-11-26T16:00:00')).toBe(Date.parse('2026-11-26T08:00:00Z'));
    expect(parseTimestamp('2026-11-26 16:00:00.123456+0800')).toBe(Date.parse('2026-11-26T08:00:00.123Z'));
    expect(parseTimestamp(1_764_144_000_000)).toBe(1_764_144_000_000);
    for (const bad of ['yesterday', '2026-13-01T00:00:00Z', '26/11/2026', 1.5, -1, true, {}, '']) expect(parseTimestamp(bad)).toBeNull();
  });
});

describe('validation of one message', () => {
  it('accepts known quantities in range, with ts or the time of receipt', () => {
    expect(run({ values: { pm10: 86.2, noise: 71.5 } }).out).toEqual([
      { deviceId: 'YC-DUST-0001', quantity: 'pm10', ts: now, value: 86.2 },
      { deviceId: 'YC-DUST-0001', quantity: 'noise', ts: now, value: 71.5 },
    ]);
    expect(run({ ts: now - 60_000, values: { pm10: 0 } }).out[0]!.ts).toBe(now - 60_000);
    // exactly at the limits of the range, and 5 minutes ahead, are still good
    expect(run({ ts: now + 5 * 60_000, values: { pm10: 2000, noise: 20 } }).out).toHaveLength(2);
  });

  it('refuses each kind with its reason and stores nothing of it', () => {
    expect(run('pm10=3').refused).toEqual([['malformed', 1]]);
    expect(run({ values: {} }).refused).toEqual([['malformed', 1]]);
    expect(run({ ts: 'soon', values: { pm10: 1 } }).refused).toEqual([['malformed', 1]]);
    expect(run({ values: { pm10: '86' } }).refused).toEqual([['malformed', 1]]);
    expect(run({ values: { so2: 3 } }).refused).toEqual([['unknown_quantity', 1]]);
    expect(run({ values: { pm10: 2000.1, noise: 19 } }).refused).toEqual([['out_of_range', 1], ['out_of_range', 1]]);
    expect(run({ ts: now + 5 * 60_000 + 1, values: { pm10: 1, noise: 50 } }).refused).toEqual([['future', 2]]);
    expect(run({ ts: now - 91 * 86_400_000, values: { pm10: 1 } }).refused).toEqual([['too_old', 1]]);
    const mixed = run({ values: { pm10: 5, so2: 1, noise: 500 } });
    expect(mixed.out.map((r) => r.quantity)).toEqual(['pm10']);
    expect(mixed.refused).toEqual([['unknown_quantity', 1], ['out_of_range', 1]]);
  });
});
