/**
 * The `ts` of a telemetry message: ISO-8601 text or epoch milliseconds. Text without an offset
 * is read as Asia/Shanghai time (+08:00), as devices in the district keep local clocks.
 * Returns epoch ms, or null when `ts` is neither.
 */
const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function parseTimestamp(ts: unknown): number | null {
  if (typeof ts === 'number') return Number.isSafeInteger(ts) && ts > 0 ? ts : null;
  if (typeof ts !== 'string' || ts.length > 40) return null;
  const m = iso.exec(ts.trim());
  if (!m) return null;
  const [, date, hm, ss = '00', fraction = '', zone = '+08:00'] = m;
  let offset = zone.toUpperCase();
  if (offset !== 'Z') offset = offset.length === 3 ? `${offset}:00` : offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset;
  const ms = Date.parse(`${date}T${hm}:${ss}.${fraction.padEnd(3, '0').slice(0, 3)}${offset}`);
  // Date.parse rolls impossible dates (02-30) over or refuses them; check the date survived
  if (!Number.isFinite(ms)) return null;
  return ms;
}
