import { sql } from 'kysely';
import type { GridDb } from './tables';

const withMembers = (db: GridDb) =>
  db
    .selectFrom('grid_responsibility as r')
    .select(['r.id', 'r.name', 'r.inspector_id', 'r.demo', 'r.created_at', 'r.updated_at'])
    .select(
      sql<string[]>`coalesce((SELECT array_agg(m.unit_code ORDER BY m.unit_code) FROM grid_responsibility_member m WHERE m.responsibility_id = r.id), '{}')`.as('unit_codes'),
    );

export type ResponsibilityRow = Awaited<ReturnType<ReturnType<typeof withMembers>['executeTakeFirstOrThrow']>>;

/** All SQL of `grid_responsibility` and its members. */
export const responsibilityStore = {
  /** Every responsibility grid, or those with a unit grid in one community. */
  list: (db: GridDb, community?: string) => {
    let q = withMembers(db);
    if (community) {
      q = q.where(({ exists, selectFrom }) =>
        exists(selectFrom('grid_responsibility_member as m').select('m.unit_code').whereRef('m.responsibility_id', '=', 'r.id').where(sql<boolean>`left(m.unit_code, 12) = ${community}`)),
      );
    }
    return q.orderBy('r.name').execute();
  },

  byId: (db: GridDb, id: string) => withMembers(db).where('r.id', '=', id).executeTakeFirst(),

  named: (db: GridDb, name: string, exceptId?: string) => {
    let q = db.selectFrom('grid_responsibility').select('id').where('name', '=', name);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return q.executeTakeFirst();
  },

  insert: (db: GridDb, row: { id: string; name: string; inspector_id: string | null; demo?: boolean }) =>
    db.insertInto('grid_responsibility').values(row).execute(),

  update: (db: GridDb, id: string, changes: { name?: string; inspector_id?: string | null }) =>
    db.updateTable('grid_responsibility').set({ ...changes, updated_at: sql<Date>`now()` }).where('id', '=', id).execute(),

  /** Members of other responsibility grids among `codes`. */
  takenElsewhere: (db: GridDb, codes: string[], exceptId: string | null) => {
    if (codes.length === 0) return Promise.resolve([]);
    let q = db.selectFrom('grid_responsibility_member').select(['unit_code', 'responsibility_id']).where('unit_code', 'in', codes);
    if (exceptId) q = q.where('responsibility_id', '<>', exceptId);
    return q.execute();
  },

  replaceMembers: async (db: GridDb, id: string, codes: string[]): Promise<void> => {
    await db.deleteFrom('grid_responsibility_member').where('responsibility_id', '=', id).execute();
    if (codes.length > 0) {
      await db.insertInto('grid_responsibility_member').values(codes.map((unit_code) => ({ unit_code, responsibility_id: id }))).execute();
    }
  },

  memberships: (db: GridDb) => db.selectFrom('grid_responsibility_member').select(['unit_code', 'responsibility_id']).execute(),
};
