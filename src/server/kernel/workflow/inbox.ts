import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../access';
import type { Colour } from './deadlines';
import type { WorkflowDb, WorkflowTables } from './tables';

export interface InboxFilter {
  module?: string;
  colour?: Colour;
  dueBefore?: Date;
  limit?: number;
}

/**
 * 统一待办: every open step waiting for this actor, across all modules — steps
 * assigned to them, and unclaimed steps of a permission they hold in scope.
 * The scope test is SQL (path containment), so the database filters, not Node.
 */
export async function inbox(db: WorkflowDb, actor: Actor, filter: InboxFilter = {}) {
  const empty = { green: 0, yellow: 0, red: 0, paused: 0, none: 0 };
  if (actor.mfaPending) return { items: [], counts: empty };
  const mine = (eb: ExpressionBuilder<InboxFrom, 's' | 'i'>) => {
    const ors: Expression<SqlBool>[] = [eb('s.assignee_id', '=', actor.accountId)];
    for (const g of actor.grants) {
      const base = eb.and([eb('s.assignee_id', 'is', null), eb('s.permission', '=', g.permission)]);
      if (g.scope === 'district') ors.push(base);
      else if (g.scope === 'own') ors.push(eb.and([base, sql<SqlBool>`s.org_id = ${g.orgId}::uuid`]));
      else ors.push(eb.and([base, sql<SqlBool>`s.org_path @> ARRAY[${g.orgId}]::uuid[]`]));
    }
    return eb.or(ors);
  };
  let base = db
    .selectFrom('wf_step as s')
    .innerJoin('wf_instance as i', 'i.id', 's.instance_id')
    .where('s.left_at', 'is', null)
    .where(mine);
  if (filter.module) base = base.where('i.business_module', '=', filter.module);
  if (filter.dueBefore) base = base.where('s.due_at', '<', filter.dueBefore);
  // the colour in SQL, so that counts cover everything waiting, not just the page shown
  const colourSql = sql<Colour>`CASE WHEN i.paused_since IS NOT NULL THEN 'paused'
      WHEN s.due_at IS NULL THEN 'none'
      WHEN now() > s.due_at THEN 'red'
      WHEN s.due_at - now() <= (s.due_at - s.entered_at) / 4 THEN 'yellow'
      ELSE 'green' END`;
  let page = base
    .select(['s.id as stepId', 's.state', 's.due_at', 's.assignee_id', 'i.id as instanceId', 'i.title', 'i.business_module', 'i.business_no', 'i.business_id', 'i.definition_key', 'i.definition_version'])
    .select(colourSql.as('colour'))
    .orderBy(sql`s.due_at NULLS LAST`)
    .limit(filter.limit ?? 200);
  if (filter.colour) page = page.where(colourSql, '=', filter.colour);
  const [rows, countRows] = await Promise.all([
    page.execute(),
    base.select([colourSql.as('colour'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(sql`1`).execute(),
  ]);
  const counts = { ...empty };
  for (const c of countRows) counts[c.colour] = Number(c.n);
  const items = rows.map((r) => ({
    stepId: r.stepId,
    instanceId: r.instanceId,
    title: r.title,
    module: r.business_module,
    businessNo: r.business_no,
    process: r.definition_key,
    processVersion: r.definition_version,
    businessId: r.business_id,
    state: r.state,
    dueAt: r.due_at?.toISOString() ?? null,
    colour: r.colour,
    claimed: r.assignee_id !== null,
  }));
  return { items, counts };
}

type InboxFrom = WorkflowTables & { s: WorkflowTables['wf_step']; i: WorkflowTables['wf_instance'] };
