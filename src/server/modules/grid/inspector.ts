import type { Kysely } from 'kysely';
import type { GridTables } from './tables';

/**
 * The inspector (监督员) answering for a unit grid through its responsibility grid (责任网格), or
 * null when the grid has none. Other modules pass their transaction: the answer is read in it.
 */
export async function inspectorOfUnitGrid(tx: unknown, unitGridCode: string): Promise<string | null> {
  const row = await (tx as Kysely<GridTables>)
    .selectFrom('grid_responsibility_member as m')
    .innerJoin('grid_responsibility as r', 'r.id', 'm.responsibility_id')
    .select('r.inspector_id')
    .where('m.unit_code', '=', unitGridCode)
    .executeTakeFirst();
  return row?.inspector_id ?? null;
}
