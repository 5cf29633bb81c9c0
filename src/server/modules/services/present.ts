import type { Draft, ManageItem } from './schemas/manage';
import { rowToFields } from './rows';
import type { ItemRow, MaterialRow, ResponsibilityRow } from './store';

type NameOf = (orgId: string) => string;

/** A row of the administrators' list. */
export function presentSummary(row: ItemRow, nameOf: NameOf): ManageItem {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    tier: row.tier,
    handlingKind: row.handling_kind,
    parentId: row.parent_id,
    department: { id: row.competent_org_id, name: nameOf(row.competent_org_id) },
    level: row.level,
    status: row.status,
    version: row.version,
    revision: row.revision,
    dirty: row.published_revision !== row.revision,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The working copy as the editor receives it. */
export function presentDraft(
  item: { row: ItemRow; materials: MaterialRow[]; responsibility: ResponsibilityRow | undefined },
  parent: ItemRow | null,
  nameOf: NameOf,
): Draft {
  return {
    ...rowToFields(item.row, item.materials, item.responsibility),
    ...presentSummary(item.row, nameOf),
    parent: parent ? { id: parent.id, code: parent.code, name: parent.name } : null,
  };
}
