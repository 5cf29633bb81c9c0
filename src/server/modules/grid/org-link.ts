/**
 * The org module's tree, through its public API only (index.ts): the grid
 * module's areas mirror the streets, towns, communities and villages there.
 */
import { ownTables } from '../../kernel/db/database';
import type { Kernel } from '../../kernel/module';
import { orgService, type Org, type OrgTables } from '../org';
import type { AreaSyncRow } from './area-store';
import type { AreaKind } from './tables';

export const listOrgs = (kernel: Pick<Kernel, 'database'>): Promise<Org[]> => orgService.list(ownTables<OrgTables>(kernel.database));

const codeLength: Partial<Record<Org['kind'], number>> = { district: 6, street: 9, town: 9, community: 12, village: 12 };
const levelOf = { district: 'district', street: 'street', town: 'street', community: 'community', village: 'community' } as const;

/**
 * The areas of the tree: organisations of an area kind whose code is a division code of the
 * right length (6, 9, 12 digits) under an area that qualifies too. Tree order, parents first.
 */
export function areasOfTree(orgs: Org[]): AreaSyncRow[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const taken = new Set<string>();
  const rows: AreaSyncRow[] = [];
  for (const org of orgs) {
    const length = codeLength[org.kind];
    if (!length || org.code.length !== length || !/^[0-9]+$/.test(org.code)) continue;
    const parent = org.parentId ? byId.get(org.parentId) : undefined;
    if (org.kind !== 'district' && (!parent || !taken.has(parent.id))) continue;
    taken.add(org.id);
    const kind = org.kind as AreaKind;
    rows.push({
      code: org.code,
      name: org.name,
      level: levelOf[kind],
      kind,
      parent_code: parent && org.kind !== 'district' ? parent.code : null,
      org_id: org.id,
      sort_order: org.sortOrder,
    });
  }
  return rows;
}
