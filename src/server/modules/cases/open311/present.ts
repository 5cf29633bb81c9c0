import type { RequestRow, ServiceInfo } from './find';
import { centreName, serviceNotice } from './notice';
import { redact } from './redact';
import { open311Status } from './statuses';
import type { Doc } from './xml';

/** Yongchuan's postal code (永川区 402160). */
export const zipcode = '402160';

/**
 * Whose words a description is. Reports sent through Open311 itself and those written by the
 * centre's inspectors and sensors are published; what citizens told the app, the hotline or a
 * leader in confidence is not (the same rule as the public map), so those descriptions stay null.
 */
const publishedSources = new Set(['open311', 'inspector', 'sensor']);

export interface RequestContext {
  /** the classes, by code */
  services: Map<string, ServiceInfo>;
  /** service notices already written in this answer, by class and grade */
  notices: Map<string, string>;
  /** due time (W3C) of the open step, per process instance */
  due: Map<string, string>;
  /** last history comment, per process instance (closed cases only) */
  comments: Map<string, string>;
  /** department name, per organisation id */
  departments: Map<string, string>;
}

function statusNotes(row: RequestRow, ctx: RequestContext): string | null {
  if (open311Status(row.status) !== 'closed') return null;
  if (row.duplicate_no) return `重复上报，已合并至 ${row.duplicate_no} / Duplicate of ${row.duplicate_no}`;
  const comment = ctx.comments.get(row.instance_id);
  return comment ? redact(comment) : null;
}

function notice(row: RequestRow, service: ServiceInfo, ctx: RequestContext): string {
  const key = `${row.class_code}|${row.urgent}`;
  let text = ctx.notices.get(key);
  if (text === undefined) ctx.notices.set(key, (text = serviceNotice(service, row.urgent)));
  return text;
}

/** One case as an Open311 service request. */
export function presentRequest(row: RequestRow, ctx: RequestContext): Doc {
  const closed = open311Status(row.status) === 'closed';
  const due = closed ? undefined : ctx.due.get(row.instance_id);
  const service = ctx.services.get(row.class_code)!;
  return {
    service_request_id: row.case_no,
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(row, ctx),
    service_name: service.name,
    service_code: row.class_code,
    description: publishedSources.has(row.source) && row.description ? redact(row.description) : null,
    agency_responsible: (row.department_org_id && ctx.departments.get(row.department_org_id)) || centreName,
    service_notice: notice(row, service, ctx),
    requested_datetime: row.requested,
    updated_datetime: row.updated,
    expected_datetime: due ?? null,
    address: row.address ? redact(row.address) : null,
    address_id: null,
    zipcode,
    lat: row.lat,
    long: row.lng,
    media_url: row.media_url,
  };
}
