import { sql, type RawBuilder } from 'kysely';
import type { CasesDb, ClassLimits } from '../store';

/** A case as Open311 shows it: the columns a request is built from. */
export interface RequestRow {
  case_no: string;
  class_code: string;
  status: string;
  urgent: boolean;
  source: string;
  description: string;
  address: string | null;
  lng: number;
  lat: number;
  /** W3C, +08:00 (written by the database: no Date parsed and formatted again per row) */
  requested: string;
  /** the closing time of a closed case, else the last change */
  updated: string;
  department_org_id: string | null;
  instance_id: string;
  media_url: string | null;
  duplicate_no: string | null;
}

/** What a request shows of its class (read once per answer, not per row). */
export interface ServiceInfo {
  name: string;
  department: string | null;
  limits: ClassLimits;
  public: boolean;
}

export interface RequestFilter {
  /** case statuses wanted (already mapped from open/closed) */
  statuses: string[];
  /** the service codes asked for, if any */
  classCodes?: string[] | undefined;
  /** inclusive range of the report time */
  from: Date;
  to: Date;
  limit: number;
}

/** Every class, also those no longer offered (their old cases still show), by code. */
export async function serviceInfo(db: CasesDb): Promise<Map<string, ServiceInfo>> {
  const rows = await db.selectFrom('case_class').select(['code', 'name', 'department', 'limits', 'public']).execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, department: r.department, limits: r.limits, public: r.public }]));
}

const columns = sql`c.case_no, c.class_code, c.status, c.urgent, c.source, c.description, c.address, c.lng, c.lat,
  c.reported_at, c.updated_at, c.closed_at, c.department_org_id, c.instance_id, c.media_url, c.duplicate_of`;

/** Only cases of classes open to the public are shown. */
const isPublic = sql`c.class_code IN (SELECT k.code FROM case_class k WHERE k.public)`;

/** A time as Open311 writes it: W3C in Beijing time (Asia/Shanghai has been +08:00 all year since 1991). */
export const w3cSql = (column: RawBuilder<unknown>) => sql<string>`to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')`;

/** The rows as presented, with the case number of the case each was merged into (an index probe per merged row only). */
function withDuplicates(inner: RawBuilder<unknown>): RawBuilder<RequestRow> {
  return sql<RequestRow>`
    SELECT r.case_no, r.class_code, r.status, r.urgent, r.source, r.description, r.address, r.lng, r.lat,
           r.department_org_id, r.instance_id, r.media_url,
           ${w3cSql(sql`r.reported_at`)} AS requested, ${w3cSql(sql`COALESCE(r.closed_at, r.updated_at)`)} AS updated,
           (SELECT d.case_no FROM city_case d WHERE d.id = r.duplicate_of) AS duplicate_no
      FROM (${inner}) r
     ORDER BY r.reported_at DESC, r.case_no DESC`;
}

/**
 * The query of GET requests: newest first, public classes only. One branch per case
 * status, each an ordered backward range of city_case_status_reported (status = value, so the
 * planner knows each branch is ordered by report time and judges each status by its own share),
 * merged in order (Merge Append) and cut at the limit: about `limit` rows are read, however the
 * open and closed cases are distributed. With service codes asked for, one branch per class
 * (city_case_class_reported), statuses filtered.
 */
export function requestsQuery(f: RequestFilter): RawBuilder<RequestRow> {
  const asked = f.classCodes && f.classCodes.length > 0 ? [...new Set(f.classCodes)] : null;
  const period = sql`c.reported_at >= ${f.from}::timestamptz AND c.reported_at <= ${f.to}::timestamptz AND ${isPublic}`;
  const branch = (where: RawBuilder<unknown>) => sql`(SELECT ${columns} FROM city_case c WHERE ${where} AND ${period} ORDER BY c.reported_at DESC LIMIT ${f.limit})`;
  const branches = asked
    ? asked.map((code) => branch(sql`c.class_code = ${code} AND c.status = ANY(${f.statuses}::text[])`))
    : f.statuses.map((status) => branch(sql`c.status = ${status}`));
  if (branches.length === 0) return withDuplicates(sql`SELECT ${columns} FROM city_case c WHERE false`);
  return withDuplicates(sql`SELECT x.* FROM (${sql.join(branches, sql` UNION ALL `)}) x ORDER BY x.reported_at DESC, x.case_no DESC LIMIT ${f.limit}`);
}

/** The requests named by their service_request_id (the case number). */
export function numbersQuery(caseNos: string[]): RawBuilder<RequestRow> {
  return withDuplicates(sql`SELECT ${columns} FROM city_case c WHERE c.case_no = ANY(${caseNos}::text[]) AND ${isPublic}`);
}

export async function findRows(db: CasesDb, query: RawBuilder<RequestRow>): Promise<RequestRow[]> {
  return (await query.execute(db)).rows;
}

/** A token is never issued (requests are created at once); a case id or number still resolves. */
export async function caseNoOfToken(db: CasesDb, token: string): Promise<string | null> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token);
  const row = await db
    .selectFrom('city_case as c')
    .innerJoin('case_class as k', 'k.code', 'c.class_code')
    .select('c.case_no')
    .where(uuid ? 'c.id' : 'c.case_no', '=', uuid ? token.toLowerCase() : token)
    .where('k.public', '=', true)
    .executeTakeFirst();
  return row?.case_no ?? null;
}
