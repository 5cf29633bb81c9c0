import type { OrgDirectory } from '../../kernel/identity/org-directory';
import { orgStore, type OrgDb } from './store';

/** What the kernel needs to know of the tree: an organisation's ancestors (for scopes) and the root. */
export function orgDirectory(db: OrgDb): OrgDirectory {
  return {
    pathOf: async (orgId) => (await orgStore.byId(db, orgId))?.path ?? null,
    rootId: async () => {
      const root = await orgStore.root(db);
      if (!root) throw new Error('the organisation tree has no root');
      return root.id;
    },
  };
}
