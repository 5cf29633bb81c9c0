import type { OrgDirectory } from '../../kernel/identity/org-directory';
import { orgStore, type OrgDb } from './store';

/** What the kernel needs to know of the tree: an organisation's ancestors (for scopes) and the root. */
export function orgDirectory(db: OrgDb): OrgDirectory {
  return {
    // `within` is a Kysely transaction of the caller (any table set): org_unit is read through it
    pathOf: async (orgId, within) => (await orgStore.byId((within as OrgDb | undefined) ?? db, orgId))?.path ?? null,
    rootId: async () => {
      const root = await orgStore.root(db);
      if (!root) throw new Error('the organisation tree has no root');
      return root.id;
    },
  };
}
