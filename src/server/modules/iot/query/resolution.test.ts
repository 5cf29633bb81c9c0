import { describe, expect, it } from 'vitest';
import { chooseResolution } from './resolution';

const hour = 3_600_000;
const day = 24 * hour;
const now = Date.parse('2026-11-26T10:00:00Z');
const keep = { rawDays: 90, minuteDays: 400 };

describe('series resolution', () => {
  it('raw below 6 hours, minute below 7 days, hour beyond', () => {
    expect(chooseResolution(now - 6 * hour + 1, now, now, keep)).toBe('raw');
    expect(chooseResolution(now - 6 * hour, now, now, keep)).toBe('minute');
    expect(chooseResolution(now - 7 * day + 1, now, now, keep)).toBe('minute');
    expect(chooseResolution(now - 7 * day, now, now, keep)).toBe('hour');
    expect(chooseResolution(now - 30 * day, now, now, keep)).toBe('hour');
  });

  it('a coarser resolution when the finer data of the period has expired', () => {
    expect(chooseResolution(now - 100 * day, now - 100 * day + hour, now, keep)).toBe('minute');
    expect(chooseResolution(now - 500 * day, now - 500 * day + hour, now, keep)).toBe('hour');
  });
});
