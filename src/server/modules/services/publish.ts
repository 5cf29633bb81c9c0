import { appendAudit } from '../../kernel/audit/write';
import { inTransaction } from '../../kernel/db/database';
import { linkFile } from '../../kernel/files';
import { catalogChanged } from './catalog-cache';
import { PUBLISH, requireScope, type Change, type ServiceDeps } from './deps';
import { serviceErrors } from './errors';
import { readItem, rowToFields } from './rows';
import { ruleErrors } from './rules';
import { sampleErrors } from './samples';
import { buildGuide } from './snapshot';

const entry = (change: Change, action: string, id: string, details: Record<string, unknown>) => ({
  actorId: change.actor.accountId,
  actorName: change.actor.displayName,
  orgId: change.actor.orgId,
  ip: change.ip,
  action,
  objectType: 'service_item',
  objectId: id,
  details,
});

/**
 * Publishes the working copy as the next version: the whole guide is kept as that version's
 * snapshot, and the public sees it at once (every server copy is told at commit).
 */
export async function publishItem(deps: ServiceDeps, change: Change, id: string, note: string): Promise<{ version: number; publishedAt: string }> {
  const orgs = await deps.orgs();
  const result = await inTransaction(deps.db, async (tx) => {
    const item = await readItem(tx, id, true);
    if (!item) throw serviceErrors.itemNotFound(id);
    const { row } = item;
    await requireScope(deps, change, PUBLISH, orgs.get(row.competent_org_id)?.path ?? [], 'services.item.publish', id);
    if (row.status === 'published' && row.published_revision === row.revision) throw serviceErrors.nothingToPublish();
    const parent = row.parent_id ? await tx.selectFrom('service_item').selectAll().where('id', '=', row.parent_id).executeTakeFirstOrThrow() : null;
    if (parent && parent.status !== 'published') throw serviceErrors.parentNotPublished(parent.code);
    const fields = rowToFields(row, item.materials, item.responsibility);
    // the rules may have changed since the draft was saved (vocabulary, organisations)
    const errors = [
      ...ruleErrors(fields, { type: row.type, tier: row.tier, orgs, parent: parent ? { type: parent.type, tier: parent.tier, competentOrgId: parent.competent_org_id } : null }),
      ...(await sampleErrors(tx, fields)),
    ];
    if (errors.length > 0) throw serviceErrors.invalid(errors);
    const version = row.version + 1;
    const publishedAt = new Date();
    const guide = buildGuide(item, orgs, parent?.code ?? null, version, publishedAt);
    await tx
      .insertInto('service_item_version')
      .values({ item_id: id, version, snapshot: JSON.stringify(guide) as never, note: note.trim(), published_by: change.actor.accountId, published_by_name: change.actor.displayName, published_at: publishedAt })
      .execute();
    await tx.updateTable('service_item').set({ status: 'published', version, published_revision: row.revision, published_at: publishedAt }).where('id', '=', id).execute();
    for (const m of fields.materials) if (m.sampleFileId) await linkFile(tx, { fileId: m.sampleFileId, ownerType: 'service_item', ownerId: id });
    await appendAudit(tx, entry(change, 'services.item.publish', id, { code: row.code, version, revision: row.revision, note }));
    return { version, publishedAt: publishedAt.toISOString() };
  });
  catalogChanged(deps.db);
  return result;
}

/** Takes an item off the portal (its versions stay); publishing it again makes a new version. */
export async function withdrawItem(deps: ServiceDeps, change: Change, id: string, reason: string): Promise<{ status: 'withdrawn' }> {
  const orgs = await deps.orgs();
  await inTransaction(deps.db, async (tx) => {
    const row = await tx.selectFrom('service_item').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw serviceErrors.itemNotFound(id);
    await requireScope(deps, change, PUBLISH, orgs.get(row.competent_org_id)?.path ?? [], 'services.item.withdraw', id);
    if (row.status !== 'published') throw serviceErrors.notPublished();
    const children = await tx.selectFrom('service_item').select('code').where('parent_id', '=', id).where('status', '=', 'published').execute();
    if (children.length > 0) throw serviceErrors.hasPublishedChildren(children.map((c) => c.code));
    await tx.updateTable('service_item').set({ status: 'withdrawn' }).where('id', '=', id).execute();
    await appendAudit(tx, entry(change, 'services.item.withdraw', id, { code: row.code, version: row.version, reason }));
  });
  catalogChanged(deps.db);
  return { status: 'withdrawn' };
}
