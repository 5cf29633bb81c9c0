import { v7 as uuidv7 } from 'uuid';
import { inTransaction } from '../../kernel/db/database';
import type { Kernel } from '../../kernel/module';
import { areaStore } from './area-store';
import { demoLayout, type DemoParent } from './demo-layout';
import { bboxOf } from './geometry';
import { areasOfTree, listOrgs } from './org-link';
import { responsibilityStore } from './responsibility-store';
import type { GridDb } from './tables';
import { unitStore } from './unit-store';
import { versionStore } from './version-store';

export interface SeedResult {
  /** areas inserted or renamed from the organisation tree */
  synced: number;
  /** demo unit grids created (0 when demo geometry was already there or not asked for) */
  demoUnitGrids: number;
}

/**
 * Every start: the areas follow the organisation tree (reference data, production too).
 * With `demo`, once: generated geometry for the district, its streets, towns, communities
 * and villages, unit grids in the urban streets, and one responsibility grid per community.
 * Nothing happens twice: demo geometry is only drawn while no area has any geometry.
 */
export async function seedGrid(kernel: Pick<Kernel, 'database'>, db: GridDb, options: { demo: boolean }): Promise<SeedResult> {
  const rows = areasOfTree(await listOrgs(kernel));
  return inTransaction(db, async (tx) => {
    await versionStore.lockWrites(tx);
    const synced = await areaStore.sync(tx, rows);
    let demoUnitGrids = 0;
    if (options.demo && !(await areaStore.hasGeometry(tx)) && (await unitStore.count(tx)) === 0) {
      demoUnitGrids = await seedDemo(tx);
    }
    if (synced > 0 || demoUnitGrids > 0) await versionStore.bump(tx);
    return { synced, demoUnitGrids };
  });
}

async function seedDemo(tx: GridDb): Promise<number> {
  const areas = await areaStore.all(tx);
  const district = areas.find((a) => a.level === 'district');
  if (!district) return 0;
  const parents = (kind: 'street' | 'town'): DemoParent[] =>
    areas
      .filter((a) => a.kind === kind && a.parent_code === district.code)
      .map((a) => ({
        code: a.code,
        children: areas.filter((c) => c.parent_code === a.code).map((c) => ({ code: c.code, name: c.name })),
      }));
  const layout = demoLayout(district.code, parents('street'), parents('town'));
  await areaStore.setGeometry(tx, [...layout.areas].map(([code, geometry]) => ({ code, geometry, bbox: bboxOf(geometry) })), true);
  await unitStore.upsert(
    tx,
    layout.unitGrids.map((g) => ({ code: g.code, name: g.name, communityCode: g.communityCode, geometry: g.geometry, bbox: bboxOf(g.geometry), orgId: null })),
    true,
  );
  // one responsibility grid per community; the demo inspector account does not exist yet when
  // modules seed (the kernel creates demo accounts afterwards), so the inspector is left open
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const byCommunity = new Map<string, string[]>();
  for (const g of layout.unitGrids) {
    const codes = byCommunity.get(g.communityCode) ?? [];
    codes.push(g.code);
    byCommunity.set(g.communityCode, codes);
  }
  for (const [community, codes] of byCommunity) {
    const name = `${names.get(community) ?? community}责任网格`;
    if (await responsibilityStore.named(tx, name)) continue;
    const id = uuidv7();
    await responsibilityStore.insert(tx, { id, name, inspector_id: null, demo: true });
    await responsibilityStore.replaceMembers(tx, id, codes);
  }
  return layout.unitGrids.length;
}
