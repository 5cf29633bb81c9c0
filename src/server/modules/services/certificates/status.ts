import { sql } from 'kysely';
import { shanghaiDate } from '../../../kernel/calendar';

export type CertificateStatus = 'valid' | 'revoked' | 'expired';

/**
 * Revoked is recorded; expired is not: it follows from the last day of validity, in Beijing time,
 * so no job has to flip rows at midnight. A certificate is valid through its last day.
 */
export function statusOf(row: { status: 'valid' | 'revoked'; valid_until: string | null }, now = new Date()): CertificateStatus {
  if (row.status === 'revoked') return 'revoked';
  if (row.valid_until !== null && row.valid_until < shanghaiDate(now)) return 'expired';
  return 'valid';
}

/** DATE columns as YYYY-MM-DD text: the driver would turn them into local-midnight Dates. */
export const dayText = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
export const maybeDayText = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
