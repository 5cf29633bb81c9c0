import { v7 as uuidv7 } from 'uuid';
import { inTransaction } from '../../kernel/db/database';
import { yongchuanTree, type SeedOrg } from './seed-data';
import { orgStore, type OrgDb } from './store';

/**
 * Loads the district's administrative tree once, on an empty table. It is
 * reference data, not demo data: production gets it too.
 */
export async function seedOrgTree(db: OrgDb): Promise<number> {
  return inTransaction(db, async (tx) => {
    if ((await orgStore.count(tx)) > 0) return 0;
    let inserted = 0;
    const walk = async (node: SeedOrg, parentPath: string[], sortOrder: number): Promise<void> => {
      const id = uuidv7();
      const path = [...parentPath, id];
      await orgStore.insert(tx, {
        id,
        code: node.code,
        name: node.name,
        kind: node.kind,
        parent_id: parentPath.at(-1) ?? null,
        path,
        sort_order: sortOrder,
      });
      inserted += 1;
      let i = 0;
      for (const child of node.children ?? []) await walk(child, path, (i += 10));
    };
    await walk(yongchuanTree, [], 0);
    return inserted;
  });
}
