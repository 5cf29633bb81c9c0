import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { connect, ownTables, type Database } from '../db/database';
import { loadWorkCalendar, officeHoursFor, type CalendarTables } from './store';

let t: TestDatabase;
let second: Database; // another server copy on the same database
const calendarOf = (database: Database) => loadWorkCalendar(ownTables<CalendarTables>(database));
const hoursOf = (database: Database, orgId: string) => officeHoursFor(ownTables<CalendarTables>(database), ['root', orgId]);

beforeAll(async () => {
  t = await freshDatabase();
  second = connect(t.url, 3);
});
afterAll(async () => {
  await second.close();
  await t.drop();
});

/** The copy keeps the calendar once it listens for changes: two reads give the very same object. */
async function untilCached(database: Database) {
  await expect.poll(async () => (await calendarOf(database)) === (await calendarOf(database)), { timeout: 5000, interval: 20 }).toBe(true);
}

describe('the calendar settings held in memory', () => {
  it('every copy hears of a change made anywhere, by any statement, and reads it afresh', async () => {
    await untilCached(second);
    expect((await calendarOf(second)).isWorkday('2026-10-12')).toBe(true);
    await sql`INSERT INTO calendar_override (day, kind, reason) VALUES ('2026-10-12', 'holiday', '洪灾停工')`.execute(t.database.db);
    await expect.poll(async () => (await calendarOf(second)).isWorkday('2026-10-12'), { timeout: 5000, interval: 10 }).toBe(false);
    await untilCached(second);

    const org = '0190f0a0-0000-7000-8000-0000000000aa';
    expect((await hoursOf(second, org)).from).toBe(null);
    await sql`INSERT INTO office_hours (org_id, periods) VALUES (${org}, ${JSON.stringify([{ start: '08:30', end: '12:00' }])}::jsonb)`.execute(t.database.db);
    await expect.poll(async () => (await hoursOf(second, org)).from, { timeout: 5000, interval: 10 }).toBe(org);
    expect((await hoursOf(second, org)).hours).toEqual([{ start: '08:30', end: '12:00' }]);

    await sql`DELETE FROM calendar_override`.execute(t.database.db);
    await expect.poll(async () => (await calendarOf(second)).isWorkday('2026-10-12'), { timeout: 5000, interval: 10 }).toBe(true);
  });

  it('serves a transaction too, and a read inside a transaction does not keep that transaction’s snapshot', async () => {
    await untilCached(t.database);
    const inTx = await t.database.db.transaction().execute((tx) => loadWorkCalendar(tx as never));
    expect(inTx).toBe(await calendarOf(t.database));
  });

  it('a copy that loses its listening connection keeps nothing until it listens again, so no change is missed', async () => {
    await untilCached(second);
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'smart-yongchuan:sy_calendar' AND datname = current_database()`.execute(t.database.db);
    await sql`INSERT INTO calendar_override (day, kind, reason) VALUES ('2026-10-13', 'holiday', '停电')`.execute(t.database.db);
    await expect.poll(async () => (await calendarOf(second)).isWorkday('2026-10-13'), { timeout: 5000, interval: 10 }).toBe(false);
    // it listens again (after a second) and keeps the calendar once more
    await untilCached(second);
    expect((await calendarOf(second)).isWorkday('2026-10-13')).toBe(false);
  });
});
