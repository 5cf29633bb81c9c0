import { can, type Actor } from '../../kernel/access';
import { httpErrors } from '../../kernel/http/problem';
import { MANAGE, PUBLISH, managedDepartments, type ServiceDeps } from './deps';
import { serviceErrors } from './errors';
import { presentDraft, presentSummary } from './present';
import { readItem } from './rows';
import type { Draft, ManageItem, VersionInfo } from './schemas/manage';
import type { Guide } from './schemas/guide';
import { readGuide } from './snapshot';
import type { ItemStatus } from './store';

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The items of the departments this actor maintains or publishes, by code. */
export async function listManaged(deps: ServiceDeps, actor: Actor, q?: string, status?: ItemStatus): Promise<ManageItem[]> {
  const { manage, publish } = await managedDepartments(deps, actor);
  const names = new Map([...manage, ...publish].map((o) => [o.id, o.name]));
  if (names.size === 0) return [];
  let query = deps.db.selectFrom('service_item').selectAll().where('competent_org_id', 'in', [...names.keys()]);
  if (q?.trim()) query = query.where((eb) => eb.or([eb('name', 'like', likePattern(q.trim())), eb('code', 'like', likePattern(q.trim()))]));
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('code').limit(2000).execute();
  return rows.map((r) => presentSummary(r, (id) => names.get(id) ?? ''));
}

/** The working copy, for those who maintain or publish the department's items (others: 404, as if absent). */
async function readable(deps: ServiceDeps, actor: Actor, id: string) {
  const item = await readItem(deps.db, id);
  const orgs = await deps.orgs();
  const path = item ? orgs.get(item.row.competent_org_id)?.path : undefined;
  const zone = deps.kernel.config.zone;
  if (!item || !path || !(can(actor, MANAGE, { orgPath: path }, zone) || can(actor, PUBLISH, { orgPath: path }, zone))) {
    if (item) throw httpErrors.forbiddenScope(MANAGE);
    throw serviceErrors.itemNotFound(id);
  }
  return { item, orgs };
}

export async function getDraft(deps: ServiceDeps, actor: Actor, id: string): Promise<Draft> {
  const { item, orgs } = await readable(deps, actor, id);
  const parent = item.row.parent_id ? ((await deps.db.selectFrom('service_item').selectAll().where('id', '=', item.row.parent_id).executeTakeFirst()) ?? null) : null;
  return presentDraft(item, parent, (orgId) => orgs.get(orgId)?.name ?? '');
}

export async function listVersions(deps: ServiceDeps, actor: Actor, id: string): Promise<VersionInfo[]> {
  await readable(deps, actor, id);
  const rows = await deps.db.selectFrom('service_item_version').select(['version', 'note', 'published_at', 'published_by_name']).where('item_id', '=', id).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: r.version, note: r.note, publishedAt: r.published_at.toISOString(), publishedBy: r.published_by_name }));
}

export async function versionDetail(deps: ServiceDeps, actor: Actor, id: string, version: number): Promise<VersionInfo & { guide: Guide }> {
  await readable(deps, actor, id);
  const r = await deps.db.selectFrom('service_item_version').selectAll().where('item_id', '=', id).where('version', '=', version).executeTakeFirst();
  if (!r) throw serviceErrors.versionNotFound(version);
  return { version: r.version, note: r.note, publishedAt: r.published_at.toISOString(), publishedBy: r.published_by_name, guide: readGuide(r.snapshot) };
}
