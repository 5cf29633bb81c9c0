import { ownTables } from '../../kernel/db/database';
import type { Kernel } from '../../kernel/module';
import { orgService, type OrgTables } from '../org';
import type { InteractionDb, InteractionTables } from './store';

/**
 * The citizen service hotline centre (12345 热线/政民互动中心) that accepts, dispatches and visits:
 * here it sits in the administrative service centre, as in many districts; a deployment whose
 * centre is elsewhere changes this name.
 */
export const centreOrgName = '区行政服务中心';

export interface InteractionDeps {
  kernel: Kernel;
  db: InteractionDb;
  centreOrgId(): Promise<string>;
  /** organisation id → name, for presentation */
  orgNames(): Promise<Map<string, string>>;
}

export function interactionDeps(kernel: Kernel): InteractionDeps {
  const orgs = ownTables<OrgTables>(kernel.database);
  return {
    kernel,
    db: ownTables<InteractionTables>(kernel.database),
    centreOrgId: async () => {
      const id = await orgService.idByName(orgs, centreOrgName);
      if (!id) throw new Error(`the organisation ${centreOrgName} is missing: the interaction centre belongs to it`);
      return id;
    },
    orgNames: async () => new Map((await orgService.list(orgs)).map((o) => [o.id, o.name])),
  };
}
