import { sql } from 'kysely';
import type { GridDb } from './tables';

/** The one-row change counter that tells every server copy to rebuild its index (0 before the first change). */
export const versionStore = {
  get: async (db: GridDb): Promise<number> => Number((await db.selectFrom('grid_version').select('version').executeTakeFirst())?.version ?? 0),

  /** Grid changes are rare: they take turns (one transaction-scoped lock), so checks made inside see a settled state. */
  lockWrites: async (db: GridDb): Promise<void> => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('grid.write'))`.execute(db);
  },

  /** Call in the transaction of the change: the new version commits with it. */
  bump: async (db: GridDb): Promise<number> =>
    Number(
      (
        await db
          .insertInto('grid_version')
          .values({ id: true, version: 1 })
          .onConflict((oc) => oc.column('id').doUpdateSet({ version: sql`grid_version.version + 1`, changed_at: sql`now()` }))
          .returning('version')
          .executeTakeFirstOrThrow()
      ).version,
    ),
};
