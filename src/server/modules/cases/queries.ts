import type { Actor } from '../../kernel/access';
import { isInvolved, type WorkflowDb } from '../../kernel/workflow';
import { classStore } from './classes';
import { caseErrors } from './errors';
import type { CasesDb } from './store';

export interface CaseFilter {
  status?: string | undefined;
  classCode?: string | undefined;
  streetCode?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit?: number | undefined;
}

const listColumns = ['c.id', 'c.case_no', 'c.class_code', 'k.name as class_name', 'c.source', 'c.urgent', 'c.status', 'c.address', 'c.lng', 'c.lat', 'c.unit_grid_code', 'c.street_code', 'c.reported_at', 'c.closed_at', 'c.rework_count', 'c.hung', 'c.instance_id'] as const;

type ListRow = { id: string; case_no: string; class_code: string; class_name: string; source: string; urgent: boolean; status: string; address: string | null; lng: number; lat: number; unit_grid_code: string | null; street_code: string | null; reported_at: Date; closed_at: Date | null; rework_count: number; hung: boolean; instance_id: string };

const present = (r: ListRow) => ({
  id: r.id,
  caseNo: r.case_no,
  classCode: r.class_code,
  className: r.class_name,
  source: r.source,
  urgent: r.urgent,
  status: r.status,
  address: r.address,
  lng: r.lng,
  lat: r.lat,
  unitGridCode: r.unit_grid_code,
  streetCode: r.street_code,
  reportedAt: r.reported_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
  reworkCount: r.rework_count,
  hung: r.hung,
  instanceId: r.instance_id,
});

/** The centre's case list, newest first. */
export async function listCases(db: CasesDb, filter: CaseFilter) {
  let q = db.selectFrom('city_case as c').innerJoin('case_class as k', 'k.code', 'c.class_code').select([...listColumns]);
  if (filter.status) q = q.where('c.status', '=', filter.status);
  if (filter.classCode) q = q.where('c.class_code', '=', filter.classCode);
  if (filter.streetCode) q = q.where('c.street_code', '=', filter.streetCode);
  if (filter.from) q = q.where('c.reported_at', '>=', filter.from);
  if (filter.to) q = q.where('c.reported_at', '<', filter.to);
  const rows = await q.orderBy('c.reported_at', 'desc').orderBy('c.id', 'desc').limit(filter.limit ?? 100).execute();
  return rows.map(present);
}

/** 我的上报: what this person reported, newest first. */
export async function myCases(db: CasesDb, actor: Actor) {
  const rows = await db.selectFrom('city_case as c').innerJoin('case_class as k', 'k.code', 'c.class_code').select([...listColumns, 'c.rating']).where('c.reporter_id', '=', actor.accountId).orderBy('c.reported_at', 'desc').limit(200).execute();
  return rows.map((r) => ({ ...present(r), rating: r.rating }));
}

/**
 * 公众地图: recent cases without anything personal — class, status, day, and the location
 * rounded to about 100 m, never the description, reporter or photos.
 */
export async function publicCases(db: CasesDb, days: number) {
  const rows = await db
    .selectFrom('city_case as c')
    .innerJoin('case_class as k', 'k.code', 'c.class_code')
    .select(['c.case_no', 'k.name as class_name', 'c.status', 'c.lng', 'c.lat', 'c.reported_at'])
    .where('c.reported_at', '>', new Date(Date.now() - days * 86_400_000))
    .where('k.public', '=', true)
    .where('c.status', 'not in', ['invalid', 'reported', 'verifying'])
    .orderBy('c.reported_at', 'desc')
    .limit(2000)
    .execute();
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return rows.map((r) => ({ caseNo: r.case_no, className: r.class_name, status: r.status, lng: round(r.lng), lat: round(r.lat), reportedOn: r.reported_at.toISOString().slice(0, 10) }));
}

/** One case for the centre, the reporter, or anyone working on its process. */
export async function caseDetail(db: CasesDb, actor: Actor, id: string, departmentOf: (name: string) => Promise<string | null>) {
  const row = await db.selectFrom('city_case').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw caseErrors.notFound(id);
  const allowed = actor.permissions.has('cases:read') || row.reporter_id === actor.accountId || (await isInvolved(db as unknown as WorkflowDb, actor, row.instance_id));
  if (!allowed) throw caseErrors.notFound(id);
  const cls = (await classStore.byCode(db, row.class_code))!;
  const photos = await db.selectFrom('case_photo').select(['file_id', 'phase']).where('case_id', '=', id).orderBy('added_at').execute();
  // 派遣: the class's responsible unit, else the locality (属地) of the grid
  const suggested = (cls.department ? await departmentOf(cls.department) : null) ?? row.street_org_id;
  return {
    id: row.id,
    caseNo: row.case_no,
    class: { code: cls.code, name: cls.name, majorName: cls.major_name, kind: cls.kind, filingCondition: cls.filing_condition, closureCondition: cls.closure_condition },
    source: row.source,
    urgent: row.urgent,
    status: row.status,
    description: row.description,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    unitGridCode: row.unit_grid_code,
    communityCode: row.community_code,
    streetCode: row.street_code,
    departmentOrgId: row.department_org_id,
    suggestedDepartmentId: suggested,
    reworkCount: row.rework_count,
    hung: row.hung,
    duplicateOf: row.duplicate_of,
    instanceId: row.instance_id,
    reportedAt: row.reported_at.toISOString(),
    filedAt: row.filed_at?.toISOString() ?? null,
    dispatchedAt: row.dispatched_at?.toISOString() ?? null,
    handledAt: row.handled_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    rating: row.rating,
    photos: photos.map((p) => ({ fileId: p.file_id, phase: p.phase })),
  };
}
