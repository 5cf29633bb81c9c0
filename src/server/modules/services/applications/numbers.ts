import { sql } from 'kysely';
import { shanghaiDate } from '../../../kernel/calendar';
import type { AppsDb } from './tables';

/**
 * The next 受理编号 `SP` + yyyymmdd (Shanghai) + a 5-digit daily number (migrations/005): the sequence value
 * minus the day's base, so concurrent submissions never wait for one another (the kernel's counter row
 * made each wait for the previous one's commit). Run it outside the submission's transaction: a failed
 * submission leaves a gap, as a counter taken in its own transaction did.
 */
export async function nextApplicationNumber(db: AppsDb, now = new Date()): Promise<string> {
  const day = shanghaiDate(now);
  const next = () => sql<{ n: string }>`SELECT nextval('service_application_no_seq') - base AS n FROM service_application_number_day WHERE day = ${day}::date`.execute(db);
  let { rows } = await next();
  if (rows.length === 0) {
    // the day's first taker in any server copy fixes the base at the last value handed out, without taking
    // one: takers racing at the start of a day leave no gap (the values of another day's takers may)
    await sql`
      INSERT INTO service_application_number_day (day, base)
      SELECT ${day}::date, CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM service_application_no_seq
      ON CONFLICT (day) DO NOTHING`.execute(db);
    ({ rows } = await next());
  }
  return `SP${day.replace(/-/g, '')}${String(rows[0]!.n).padStart(5, '0')}`;
}
