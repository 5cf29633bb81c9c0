import { sql, type Kysely, type Generated, type Selectable } from 'kysely';
import type { OrgKind } from '../../../shared/org';
import type { Org } from './schemas';

export interface OrgTables {
  org_unit: {
    id: string;
    code: string;
    name: string;
    kind: OrgKind;
    parent_id: string | null;
    path: string[];
    sort_order: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}

export type OrgDb = Kysely<OrgTables>;
type OrgRow = Selectable<OrgTables['org_unit']>;

export function present(row: OrgRow): Org {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    depth: row.path.length - 1,
    sortOrder: row.sort_order,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** All SQL of the org module. */
export const orgStore = {
  all: (db: OrgDb) => db.selectFrom('org_unit').selectAll().execute(),

  byId: (db: OrgDb, id: string) => db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Locks the row for the rest of the transaction (moves and renames serialise on it). */
  byIdForUpdate: (db: OrgDb, id: string) =>
    db.selectFrom('org_unit').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  byCode: (db: OrgDb, code: string) => db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirst(),

  siblingNamed: (db: OrgDb, parentId: string, name: string, exceptId?: string) => {
    let q = db.selectFrom('org_unit').select('id').where('parent_id', '=', parentId).where('name', '=', name);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return q.executeTakeFirst();
  },

  root: (db: OrgDb) => db.selectFrom('org_unit').selectAll().where('parent_id', 'is', null).executeTakeFirst(),

  count: async (db: OrgDb) => {
    const row = await db.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  insert: (db: OrgDb, row: { id: string; code: string; name: string; kind: OrgKind; parent_id: string | null; path: string[]; sort_order: number }) =>
    db.insertInto('org_unit').values(row).returningAll().executeTakeFirstOrThrow(),

  update: (db: OrgDb, id: string, changes: { name?: string; sort_order?: number }) =>
    db
      .updateTable('org_unit')
      .set({ ...changes, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  lockTreeForMove: async (db: OrgDb) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('org_unit.move'))`.execute(db);
  },

  /** Re-roots a subtree: every path that contains `id` gets `newParentPath` in front of its part from `id` on. */
  moveSubtree: async (db: OrgDb, id: string, oldDepthIndex: number, newParentId: string, newParentPath: string[]) => {
    await sql`
      UPDATE org_unit
         SET path = ${newParentPath}::uuid[] || path[${oldDepthIndex}:],
             parent_id = CASE WHEN id = ${id} THEN ${newParentId}::uuid ELSE parent_id END,
             updated_at = now()
       WHERE path @> ARRAY[${id}]::uuid[]`.execute(db);
  },
};
