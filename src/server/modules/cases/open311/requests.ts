import type { Kysely } from 'kysely';
import type { WorkflowDb } from '../../../kernel/workflow';
import type { OrgTables } from '../../org';
import type { CasesDb } from '../store';
import { findRows, numbersQuery, requestsQuery, serviceInfo, type RequestRow, type ServiceInfo } from './find';
import { departmentNames, lastComments, openStepDue } from './lookups';
import { presentRequest } from './present';
import type { RequestQuery } from './query';
import { open311Status } from './statuses';
import type { Doc } from './xml';

/** The databases a request is read from: the case, its process (kernel), the departments (org module). */
export interface RequestSources {
  cases: CasesDb;
  workflow: WorkflowDb;
  orgs: Kysely<OrgTables>;
}

/** Cases as Open311 requests: the process and department details fetched once for the whole list. */
async function present(src: RequestSources, services: Map<string, ServiceInfo>, rows: RequestRow[]): Promise<Doc[]> {
  const open = rows.filter((r) => open311Status(r.status) === 'open').map((r) => r.instance_id);
  const closed = rows.filter((r) => open311Status(r.status) === 'closed' && !r.duplicate_no).map((r) => r.instance_id);
  const dispatched = rows.flatMap((r) => (r.department_org_id ? [r.department_org_id] : []));
  const [due, comments, departments] = await Promise.all([openStepDue(src.workflow, open), lastComments(src.workflow, closed), departmentNames(src.orgs, dispatched)]);
  const notices = new Map<string, string>();
  return rows.map((row) => presentRequest(row, { services, due, comments, departments, notices }));
}

/** GET requests: the named requests, or those matching the filter. */
export async function listRequests(src: RequestSources, query: RequestQuery): Promise<Doc[]> {
  const [services, rows] = await Promise.all([serviceInfo(src.cases), findRows(src.cases, 'caseNos' in query ? numbersQuery(query.caseNos) : requestsQuery(query))]);
  return present(src, services, rows);
}
