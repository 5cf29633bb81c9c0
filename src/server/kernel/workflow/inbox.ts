import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../access';
import { colourOf, type Colour } from './deadlines';
import type { WorkflowDb } from './tables';

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
  if (actor.mfaPending) return { items: [], counts: { green: 0, yellow: 0, red: 0, paused: 0, none: 0 } };
  let q = db
    .selectFrom('wf_step as s')
    .innerJoin('wf_instance as i', 'i.id', 's.instance_id')
    .select(['s.id as stepId', 's.state', 's.entered_at', 's.due_at', 's.assignee_id', 'i.id as instanceId', 'i.title', 'i.business_module', 'i.business_no', 'i.definition_key', 'i.paused_since'])
    .where('s.left_at', 'is', null)
    .where((eb) => {
      const ors: Expression<SqlBool>[] = [eb('s.assignee_id', '=', actor.accountId)];
      for (const g of actor.grants) {
        const base = eb.and([eb('s.assignee_id', 'is', null), eb('s.permission', '=', g.permission)]);
        if (g.scope === 'district') ors.push(base);
        else if (g.scope === 'own') ors.push(eb.and([base, sql<SqlBool>`s.org_path[array_length(s.org_path, 1)] = ${g.orgId}::uuid`]));
        else ors.push(eb.and([base, sql<SqlBool>`s.org_path @> ARRAY[${g.orgId}]::uuid[]`]));
      }
      return eb.or(ors);
    })
    .orderBy(sql`s.due_at NULLS LAST`)
    .limit(filter.limit ?? 200);
  if (filter.module) q = q.where('i.business_module', '=', filter.module);
  if (filter.dueBefore) q = q.where('s.due_at', '<', filter.dueBefore);
  const rows = await q.execute();
  const now = new Date();
  const items = rows.map((r) => ({
    stepId: r.stepId,
    instanceId: r.instanceId,
    title: r.title,
    module: r.business_module,
    businessNo: r.business_no,
    process: r.definition_key,
    state: r.state,
    dueAt: r.due_at?.toISOString() ?? null,
    colour: colourOf(r.entered_at, r.due_at, r.paused_since !== null, now),
    claimed: r.assignee_id !== null,
  }));
  const counts = { green: 0, yellow: 0, red: 0, paused: 0, none: 0 };
  for (const item of items) counts[item.colour] += 1;
  return { items: filter.colour ? items.filter((i) => i.colour === filter.colour) : items, counts };
}
