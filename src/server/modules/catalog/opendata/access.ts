import type { Actor } from '../../../kernel/access';
import type { CatalogDb } from '../tables';

/**
 * 有条件开放: the data of a conditionally open dataset goes only to a signed-in user who
 * accepted its agreement; metadata stays visible to everyone. Unconditional data is for anyone.
 */
export async function mayReadData(db: CatalogDb, actor: Actor | null, dataset: { id: string; open_type: string }): Promise<boolean> {
  if (dataset.open_type !== 'conditional') return true;
  if (!actor || actor.mfaPending) return false;
  const row = await db.selectFrom('open_agreement').select('accepted_at').where('account_id', '=', actor.accountId).where('dataset_id', '=', dataset.id).executeTakeFirst();
  return row !== undefined;
}
