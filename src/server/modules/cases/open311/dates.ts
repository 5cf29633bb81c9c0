/**
 * Open311 dates: the W3C profile of ISO 8601 with a time zone. We answer in Beijing time
 * (Asia/Shanghai, +08:00, no daylight saving) and read any zone a client sends.
 */
const shanghaiMs = 8 * 3_600_000;

/** `2026-11-26T09:30:00+08:00` */
export function w3c(date: Date): string {
  return `${new Date(date.getTime() + shanghaiMs).toISOString().slice(0, 19)}+08:00`;
}

// date only, or date and time (seconds and fractions optional) with Z or ±hh:mm; a '+' turned into
// a space by form decoding (an unencoded `+08:00` in a query string) is read as '+'
const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+\- ]\d{2}:?\d{2}))?$/;

/**
 * A W3C date-time, or null when it is not one. A bare date means midnight in Beijing;
 * a time without a zone is refused (the specification requires the zone).
 */
export function parseW3c(text: string): Date | null {
  const m = pattern.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = '+08:00'] = m;
  const offset = zone === 'Z' ? 'Z' : `${zone[0] === '-' ? '-' : '+'}${zone.slice(1).replace(':', '').replace(/^(\d{2})(\d{2})$/, '$1:$2')}`;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Date accepts 2026-02-30 by rolling over; a calendar date that does not exist is refused
  const local = new Date(date.getTime() + (zone === 'Z' ? 0 : offsetMs(offset)));
  if (local.getUTCFullYear() !== Number(y) || local.getUTCMonth() + 1 !== Number(mo) || local.getUTCDate() !== Number(d)) return null;
  return date;
}

function offsetMs(offset: string): number {
  const sign = offset[0] === '-' ? -1 : 1;
  const [hh, mm] = offset.slice(1).split(':').map(Number);
  return sign * ((hh ?? 0) * 60 + (mm ?? 0)) * 60_000;
}
