import { sql } from 'kysely';
import type { AnyTx } from '../audit/write';
import { shanghaiDate } from '../calendar';

/**
 * The next business number for a prefix on today's Shanghai date, e.g.
 * `SP2026112600012`: prefix + YYYYMMDD + a 5-digit daily sequence. Concurrent
 * callers serialise on the counter row, so take it in its own short transaction
 * (pass the database, not a long business transaction): a failure then leaves a gap.
 */
export async function nextBusinessNumber(tx: AnyTx, prefix: string, now = new Date()): Promise<string> {
  const day = shanghaiDate(now);
  const { rows } = await sql<{ last: number }>`
    INSERT INTO business_sequence (prefix, day, last) VALUES (${prefix}, ${day}::date, 1)
    ON CONFLICT (prefix, day) DO UPDATE SET last = business_sequence.last + 1
    RETURNING last`.execute(tx);
  return `${prefix}${day.replace(/-/g, '')}${String(rows[0]!.last).padStart(5, '0')}`;
}
