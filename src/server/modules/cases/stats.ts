import { sql } from 'kysely';
import type { CasesDb } from './store';

const openStates = ['reported', 'verifying', 'to_file', 'to_dispatch', 'handling', 'returned', 'hang_pending', 'hung', 'checking', 'to_close'];

/** Midnight in Shanghai of the day containing `at`. */
function shanghaiMidnight(at: Date): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * 城市运行态势 for the command screen: today's flow, what is open by state, what is overdue now,
 * the most frequent classes of the last 7 days, per street the last 30 days, and the latest open
 * cases for the map (no description, no reporter).
 */
export async function caseStats(db: CasesDb, now = new Date()) {
  const today = shanghaiMidnight(now);
  const week = new Date(now.getTime() - 7 * 86_400_000);
  const month = new Date(now.getTime() - 30 * 86_400_000);
  const [flow, byState, overdue, topClasses, byStreet, recent] = await Promise.all([
    db
      .selectFrom('city_case')
      .select((eb) => [
        eb.fn.countAll<string>().as('reported'),
        sql<string>`count(*) FILTER (WHERE filed_at >= ${today})`.as('filed'),
        sql<string>`count(*) FILTER (WHERE status = 'closed' AND closed_at >= ${today})`.as('closed'),
        sql<string>`count(*) FILTER (WHERE source = 'inspector')`.as('byInspectors'),
      ])
      .where('reported_at', '>=', today)
      .executeTakeFirstOrThrow(),
    db.selectFrom('city_case').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('status', 'in', openStates).groupBy('status').execute(),
    db.selectFrom('case_stage').select((eb) => eb.fn.countAll<string>().as('n')).where('left_at', 'is', null).where('due_at', '<', now).executeTakeFirstOrThrow(),
    db
      .selectFrom('city_case as c')
      .innerJoin('case_class as k', 'k.code', 'c.class_code')
      .select(['k.code', 'k.name', (eb) => eb.fn.countAll<string>().as('n')])
      .where('c.reported_at', '>=', week)
      .groupBy(['k.code', 'k.name'])
      .orderBy('n', 'desc')
      .limit(8)
      .execute(),
    db
      .selectFrom('city_case')
      .select([
        'street_code',
        (eb) => eb.fn.countAll<string>().as('reported'),
        sql<string>`count(*) FILTER (WHERE status = 'closed')`.as('closed'),
        sql<string>`count(*) FILTER (WHERE status = 'closed' AND NOT late)`.as('closedOnTime'),
      ])
      .where('reported_at', '>=', month)
      .where('street_code', 'is not', null)
      .groupBy('street_code')
      .orderBy('street_code')
      .execute(),
    db
      .selectFrom('city_case as c')
      .innerJoin('case_class as k', 'k.code', 'c.class_code')
      .select(['c.id', 'c.case_no', 'k.name as class_name', 'c.status', 'c.urgent', 'c.lng', 'c.lat', 'c.reported_at'])
      .where('c.status', 'in', openStates)
      .orderBy('c.reported_at', 'desc')
      .limit(500)
      .execute(),
  ]);
  return {
    at: now.toISOString(),
    today: { reported: Number(flow.reported), filed: Number(flow.filed), closed: Number(flow.closed), byInspectors: Number(flow.byInspectors) },
    open: Object.fromEntries(byState.map((r) => [r.status, Number(r.n)])) as Record<string, number>,
    overdueSteps: Number(overdue.n),
    topClasses: topClasses.map((r) => ({ code: r.code, name: r.name, count: Number(r.n) })),
    byStreet: byStreet.map((r) => ({ streetCode: r.street_code!, reported: Number(r.reported), closed: Number(r.closed), closedOnTime: Number(r.closedOnTime) })),
    recent: recent.map((r) => ({ id: r.id, caseNo: r.case_no, className: r.class_name, status: r.status, urgent: r.urgent, lng: r.lng, lat: r.lat, reportedAt: r.reported_at.toISOString() })),
  };
}
