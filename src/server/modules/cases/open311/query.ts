import { parseW3c } from './dates';
import { open311Errors } from './errors';
import type { RequestFilter } from './find';
import { caseStatusesOf, type Open311Status } from './statuses';

/** GET requests asks either for named requests (service_request_id overrides the rest) or a filter. */
export type RequestQuery = { caseNos: string[] } | RequestFilter;

export type QueryValue = string | string[] | undefined;

const maxDays = 90;
const dayMs = 86_400_000;
/** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const maxRequests = 1000;

/** A parameter declared several times and/or comma delimited, as one list of non-empty values. */
function list(value: QueryValue): string[] {
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

function date(value: QueryValue, name: string): Date | undefined {
  const text = list(value)[0];
  if (text === undefined) return undefined;
  const parsed = parseW3c(text);
  if (!parsed) throw open311Errors.bad(`${name} 不是 W3C 日期时间（如 2026-11-26T00:00:00+08:00）`, `${name} must be a W3C date-time with a time zone, e.g. 2026-11-26T00:00:00+08:00`);
  return parsed;
}

/**
 * The period searched: at most 90 days. Without dates, the last 90 days; with one end only,
 * 90 days from (or up to) it.
 */
function period(start: Date | undefined, end: Date | undefined, now: Date): { from: Date; to: Date } {
  if (start && end) {
    if (end < start) throw open311Errors.bad('end_date 不能早于 start_date', 'end_date is before start_date');
    if (end.getTime() - start.getTime() > maxDays * dayMs) throw open311Errors.bad('start_date 与 end_date 相隔不能超过 90 天', 'start_date and end_date may not span more than 90 days');
    return { from: start, to: end };
  }
  if (start) return { from: start, to: new Date(start.getTime() + maxDays * dayMs) };
  const to = end ?? now;
  return { from: new Date(to.getTime() - maxDays * dayMs), to };
}

export function parseRequestQuery(q: Record<string, QueryValue>, now = new Date()): RequestQuery {
  const caseNos = list(q.service_request_id);
  if (caseNos.length > maxRequests) throw open311Errors.bad(`一次最多查询 ${maxRequests} 个 service_request_id`, `At most ${maxRequests} service_request_id values at once`);
  if (caseNos.length > 0) return { caseNos: [...new Set(caseNos)] };
  const wanted = new Set<Open311Status>();
  for (const s of list(q.status)) {
    if (s !== 'open' && s !== 'closed') throw open311Errors.bad(`status 只能是 open 或 closed：${open311Errors.echo(s)}`, `status must be open or closed, not ${open311Errors.echo(s)}`);
    wanted.add(s);
  }
  if (wanted.size === 0) wanted.add('open').add('closed');
  const { from, to } = period(date(q.start_date, 'start_date'), date(q.end_date, 'end_date'), now);
  return { statuses: caseStatusesOf(wanted), classCodes: list(q.service_code), from, to, limit: maxRequests };
}
