import type { Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import { caseErrors } from './errors';
import type { CasesDb } from './store';

/** 评价: the reporter rates the result once, after the case is closed. */
export async function rateCase(db: CasesDb, actor: Actor, id: string, stars: number, ip: string | null): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('city_case').select(['reporter_id', 'status', 'rating']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || row.reporter_id !== actor.accountId) throw caseErrors.notFound(id);
    if (row.status !== 'closed' || row.rating !== null) throw caseErrors.cannotRate();
    await tx.updateTable('city_case').set({ rating: stars, updated_at: new Date() }).where('id', '=', id).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'cases.rate', objectType: 'city_case', objectId: id, details: { stars } });
  });
}
