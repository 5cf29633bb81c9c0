import { sql } from 'kysely';
import { appendAudit } from '../../kernel/audit/write';
import { inTransaction } from '../../kernel/db/database';
import type { FieldError } from '../../kernel/http/problem';
import type { DataItem, PublishedResource } from '../catalog';
import { accessCache } from './access';
import { PROVIDE, auditOf, requireScope, type Change, type SharingDeps } from './deps';
import { sharingErrors } from './errors';
import { changed } from './systems';

export const MAX_ROWS = 5000;

export interface ShareableView {
  id: string;
  code: string;
  name: string;
  providerOrgId: string;
  providerName: string;
  shareType: 'unconditional' | 'conditional';
  shareCondition: string;
  shareBasis: string;
  shareMethods: string[];
  classification: string;
  items: Array<{ name: string; type: string }>;
  /** where its rows come from: a base register, a table the provider keeps, or not connected yet */
  source: 'registry' | 'table' | null;
  keyItem: string | null;
}

/** Resources other departments can use: published and not 不予共享. */
export async function listShareable(deps: SharingDeps): Promise<ShareableView[]> {
  const [index, access, names] = await Promise.all([deps.catalog.published(), accessCache(deps.db).get(), deps.orgNames()]);
  const views: ShareableView[] = [];
  for (const r of index.byId.values()) {
    if (r.shareType === 'none') continue;
    const source = access.sources.get(r.id) ?? null;
    views.push({
      id: r.id,
      code: r.code,
      name: r.name,
      providerOrgId: r.providerOrgId,
      providerName: names.get(r.providerOrgId) ?? r.providerOrgId,
      shareType: r.shareType,
      shareCondition: r.shareCondition,
      shareBasis: r.shareBasis,
      shareMethods: r.shareMethods,
      classification: r.classification,
      items: r.items.map((i) => ({ name: i.name, type: i.type })),
      source: source?.kind ?? null,
      keyItem: source?.kind === 'registry' ? source.keyItem : null,
    });
  }
  return views.sort((a, b) => a.code.localeCompare(b.code));
}

export async function shareableResource(deps: SharingDeps, idOrCode: string): Promise<PublishedResource> {
  const resource = await deps.resource(idOrCode);
  if (!resource) throw sharingErrors.resourceNotFound(idOrCode);
  if (resource.shareType === 'none') throw sharingErrors.notShared();
  return resource;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value of an item as the catalogue types it, or a reason it is not one. */
function checkValue(item: DataItem, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (item.type) {
    case 'integer':
      return Number.isSafeInteger(value) ? null : '应为整数 / an integer';
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? null : '应为数值 / a number';
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : '应为日期 YYYY-MM-DD / a date';
    case 'boolean':
      return typeof value === 'boolean' ? null : '应为布尔值 / true or false';
    default:
      if (typeof value !== 'string') return '应为文本 / text';
      return item.length && [...value].length > item.length ? `超过 ${item.length} 个字符 / longer than ${item.length}` : null;
  }
}

/**
 * 库表交换: the provider replaces the rows behind one of its resources (all or nothing). Each row
 * names items of the resource only, with values of the item's type.
 */
export async function replaceRows(deps: SharingDeps, change: Change, resourceId: string, rows: Array<Record<string, unknown>>): Promise<{ rows: number }> {
  const resource = await shareableResource(deps, resourceId);
  await requireScope(deps, change, PROVIDE, resource.providerOrgId, 'sharing.rows.replace', resource.id);
  const source = await deps.db.selectFrom('share_source').select('kind').where('resource_id', '=', resource.id).executeTakeFirst();
  if (source?.kind === 'registry') throw sharingErrors.sourceRefused();
  const items = new Map(resource.items.map((i) => [i.name, i]));
  const errors: FieldError[] = [];
  rows.forEach((row, n) => {
    for (const [name, value] of Object.entries(row)) {
      const item = items.get(name);
      const reason = item ? checkValue(item, value) : '资源没有此信息项 / not an item of the resource';
      if (reason && errors.length < 100) errors.push({ field: `/body/rows/${n}/${name}`, code: item ? 'type' : 'unknown-item', message: { zh: `第 ${n + 1} 行「${name}」${reason.split(' / ')[0]}`, en: `row ${n + 1} "${name}": ${reason.split(' / ')[1] ?? reason}` } });
    }
  });
  if (errors.length > 0) throw sharingErrors.badRows(errors);
  await inTransaction(deps.db, async (tx) => {
    await tx
      .insertInto('share_source')
      .values({ resource_id: resource.id, kind: 'table', register: null, bindings: sql`'{}'::jsonb` as never, key_item: null, updated_by: change.actor.accountId })
      .onConflict((oc) => oc.column('resource_id').doUpdateSet({ updated_at: new Date(), updated_by: change.actor.accountId }))
      .execute();
    await tx.deleteFrom('share_row').where('resource_id', '=', resource.id).execute();
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((record, k) => ({ resource_id: resource.id, row_no: i + k + 1, record: JSON.stringify(record) as never }));
      if (chunk.length > 0) await tx.insertInto('share_row').values(chunk).execute();
    }
    await appendAudit(tx, auditOf(change, 'sharing.rows.replace', 'catalog_resource', resource.id, { code: resource.code, rows: rows.length }));
  });
  changed(deps);
  return { rows: rows.length };
}
