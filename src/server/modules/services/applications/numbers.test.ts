import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextApplicationNumber } from './numbers';
import type { AppsDb } from './tables';
import { applyFood, startKit, type Kit } from './test-kit';

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit.close());

const db = () => kit.t.database.db as unknown as AppsDb;

describe('application numbers (SP + yyyymmdd + 5 digits, from a sequence)', () => {
  it('concurrent takers get distinct numbers, each day from 00001', async () => {
    const day = new Date('2027-03-01T02:00:00Z'); // 2027-03-01 in Shanghai
    const numbers = await Promise.all(Array.from({ length: 20 }, () => nextApplicationNumber(db(), day)));
    expect(new Set(numbers).size).toBe(20);
    expect([...numbers].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `SP20270301${String(i + 1).padStart(5, '0')}`));
    // the next day starts again, and the first day goes on where it stopped
    expect(await nextApplicationNumber(db(), new Date('2027-03-02T02:00:00Z'))).toBe('SP2027030200001');
    expect(await nextApplicationNumber(db(), day)).toMatch(/^SP20270301\d{5}$/);
    expect(Number((await nextApplicationNumber(db(), day)).slice(-5))).toBeGreaterThan(20);
  });

  it('a submission is numbered from it', async () => {
    const res = await applyFood(kit, 'numbers-0001');
    expect(res.statusCode).toBe(201);
    expect(res.json().businessNo).toMatch(/^SP\d{8}\d{5}$/);
  });
});
