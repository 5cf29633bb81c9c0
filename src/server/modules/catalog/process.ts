import type { ProcessDefinition, TransitionHook } from '../../kernel/workflow';
import type { CatalogDb } from './tables';
import { rowFields } from './fields';

/**
 * 资源目录发布审核: a department's entry becomes visible to other departments and can feed the
 * open data portal only after the data authority (区大数据发展局, holders of catalog:approve
 * there) approves it. A return names its reason; the department edits and submits again.
 */
export const publishProcess: ProcessDefinition = {
  key: 'catalog.publish',
  version: 1,
  name: { zh: '资源目录发布审核', en: 'Catalogue publication review' },
  returnToEarlier: false,
  states: {
    reviewing: { label: { zh: '数据主管部门审核', en: 'Review by the data authority' }, start: true, limit: { workingDays: 5 }, assignee: { permission: 'catalog:approve' } },
    published: { label: { zh: '已发布', en: 'Published' }, end: true },
    returned: { label: { zh: '已退回', en: 'Returned' }, end: true },
  },
  actions: [
    { key: 'approve', label: { zh: '审核通过并发布', en: 'Approve and publish' }, from: ['reviewing'], to: 'published', notify: [{ to: 'initiator' }] },
    { key: 'reject', label: { zh: '退回修改', en: 'Return for changes' }, from: ['reviewing'], to: 'returned', commentRequired: true, notify: [{ to: 'initiator' }] },
  ],
};

/** Keeps the resource in step with its review, in the transition's transaction. */
export const keepResourceInStep: TransitionHook = async (tx, e) => {
  if (e.action === 'start') return;
  const db = tx as unknown as CatalogDb;
  const row = await db.selectFrom('catalog_resource').selectAll().where('id', '=', e.instance.business_id).forUpdate().executeTakeFirstOrThrow();
  if (e.to === 'published') {
    const now = new Date();
    const snapshot = { ...rowFields(row), code: row.code, publishedAt: now.toISOString(), revision: row.revision };
    await db
      .updateTable('catalog_resource')
      .set({ status: 'published', published: JSON.stringify(snapshot) as never, published_on: row.published_on ?? now.toISOString().slice(0, 10) })
      .where('id', '=', row.id)
      .execute();
  } else if (e.to === 'returned') {
    await db.updateTable('catalog_resource').set({ status: 'returned' }).where('id', '=', row.id).execute();
  }
};
