import type { Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import type { InteractionDb } from './store';
import { interactionErrors } from './errors';

/**
 * 公开审核: the centre decides, once, whether a closed ticket whose writer agreed to publication
 * goes on the public list. Nothing is published without both.
 */
export async function decidePublication(db: InteractionDb, actor: Actor, id: string, approve: boolean, ip: string | null) {
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('ticket').select(['id', 'status', 'public_wish', 'publication']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw interactionErrors.notFound(id);
    if (row.status !== 'closed' || !row.public_wish || row.publication !== null) throw interactionErrors.cannotPublish();
    const now = new Date();
    await tx.updateTable('ticket').set({ publication: approve ? 'approved' : 'refused', published_at: approve ? now : null, updated_at: now }).where('id', '=', id).execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: approve ? 'interaction.publish' : 'interaction.publish.refuse', objectType: 'ticket', objectId: id });
    return { publication: approve ? ('approved' as const) : ('refused' as const) };
  });
}
