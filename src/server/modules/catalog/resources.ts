import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../kernel/audit/write';
import { inTransaction } from '../../kernel/db/database';
import { MAINTAIN, requireScope, type CatalogDeps, type Change } from './deps';
import { catalogErrors } from './errors';
import { publishProcess } from './process';
import { resourceErrors } from './rules';
import { rowFields, toColumns, type ResourceRow } from './fields';
import type { CatalogDb, ResourceFields } from './tables';

export type { ResourceRow } from './fields';

const audit = (change: Change, action: string, id: string, details: Record<string, unknown>) => ({
  actorId: change.actor.accountId,
  actorName: change.actor.displayName,
  orgId: change.actor.orgId,
  ip: change.ip,
  action,
  objectType: 'catalog_resource',
  objectId: id,
  details,
});

async function check(deps: CatalogDeps, f: ResourceFields): Promise<void> {
  const errors = resourceErrors(f, deps.kernel.config.zone);
  if (errors.length > 0) throw catalogErrors.invalid(errors);
}

/** 资源代码: class code / provider code - five-digit sequence within that prefix. */
async function nextCode(tx: CatalogDb, classCode: string, providerCode: string): Promise<string> {
  const prefix = `${classCode}/${providerCode}`;
  const row = await tx
    .insertInto('catalog_code_seq')
    .values({ prefix, last: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet((eb) => ({ last: eb('catalog_code_seq.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}-${String(row.last).padStart(5, '0')}`;
}

/** A department catalogues one of its resources (a draft until the data authority approves it). */
export async function createResource(deps: CatalogDeps, change: Change, f: ResourceFields): Promise<ResourceRow> {
  const provider = await deps.org(f.providerOrgId);
  if (!provider) throw catalogErrors.unknownProvider();
  await requireScope(deps, change, MAINTAIN, provider.id, 'catalog.resource.create', null);
  await check(deps, f);
  return inTransaction(deps.db, async (tx) => {
    const id = uuidv7();
    const code = await nextCode(tx, f.classCode, provider.code);
    const row = await tx
      .insertInto('catalog_resource')
      .values({ id, code, ...toColumns(f), published: null, published_on: null, instance_id: null, updated_by: change.actor.accountId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, audit(change, 'catalog.resource.create', id, { code, name: row.name }));
    return row;
  });
}

/** Changes the working copy; the published snapshot stays what others see until the next approval. */
export async function updateResource(deps: CatalogDeps, change: Change, id: string, revision: number, f: ResourceFields): Promise<ResourceRow> {
  const current = await deps.db.selectFrom('catalog_resource').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw catalogErrors.notFound(id);
  await requireScope(deps, change, MAINTAIN, current.provider_org_id, 'catalog.resource.update', id);
  if (f.providerOrgId !== current.provider_org_id) {
    if (!(await deps.org(f.providerOrgId))) throw catalogErrors.unknownProvider();
    await requireScope(deps, change, MAINTAIN, f.providerOrgId, 'catalog.resource.update', id);
  }
  await check(deps, f);
  return inTransaction(deps.db, async (tx) => {
    const row = await tx.selectFrom('catalog_resource').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.status === 'reviewing') throw catalogErrors.notEditable('under review');
    if (row.revision !== revision) throw catalogErrors.staleRevision();
    const updated = await tx
      .updateTable('catalog_resource')
      .set({ ...toColumns(f), status: row.published ? 'draft' : row.status === 'returned' ? 'returned' : 'draft', revision: row.revision + 1, updated_at: new Date(), updated_by: change.actor.accountId })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, audit(change, 'catalog.resource.update', id, { code: row.code, revision: updated.revision }));
    return updated;
  });
}

/** Sends the working copy to the data authority (区大数据发展局) for approval: a process in its inbox. */
export async function submitResource(deps: CatalogDeps, change: Change, id: string): Promise<{ instanceId: string }> {
  const current = await deps.db.selectFrom('catalog_resource').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw catalogErrors.notFound(id);
  await requireScope(deps, change, MAINTAIN, current.provider_org_id, 'catalog.resource.submit', id);
  await check(deps, rowFields(current));
  const authority = await deps.dataAuthorityId();
  return inTransaction(deps.db, async (tx) => {
    const row = await tx.selectFrom('catalog_resource').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.status === 'reviewing' || row.status === 'published') throw catalogErrors.nothingToSubmit();
    const instanceId = uuidv7();
    await tx.updateTable('catalog_resource').set({ status: 'reviewing', instance_id: instanceId }).where('id', '=', id).execute();
    // starting the process appends its own audit record
    await deps.kernel.workflow.start(tx, change.actor, {
      instanceId,
      definition: publishProcess.key,
      businessModule: 'catalog',
      businessId: id,
      businessNo: row.code,
      title: `资源目录发布审核：${row.name}`,
      orgId: authority,
    });
    return { instanceId };
  });
}
