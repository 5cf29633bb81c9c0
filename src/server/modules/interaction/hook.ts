import type { FieldKeys } from '../../kernel/crypto';
import type { TransitionHook } from '../../kernel/workflow';
import { interactionErrors } from './errors';
import { rejectedTemplate, repliedTemplate, tellWriter } from './notices';
import type { InteractionDb } from './store';

/**
 * Keeps the ticket row in step with its process, inside the transition's transaction: status,
 * department, the reply (checked here: the engine only knows it is present), the visit's
 * outcome, redo and return counts, closure; and tells the writer of a reply or a refusal.
 */
export const keepTicketInStep =
  (keys: FieldKeys): TransitionHook =>
  async (tx, e) => {
    if (e.action === 'start') return;
    const db = tx as unknown as InteractionDb;
    const id = e.instance.business_id;
    const now = new Date();
    const change: Record<string, unknown> = { status: e.to, updated_at: now };
    if (e.action === 'dispatch') change.department_org_id = e.fields.department;
    if (e.action === 'reply') {
      const reply = typeof e.fields.reply === 'string' ? e.fields.reply.trim() : '';
      if (reply.length < 5 || reply.length > 4000) throw interactionErrors.badReply();
      Object.assign(change, { reply, replied_at: now, replied_by: e.actor.accountId, satisfaction: null });
    }
    if (e.action === 'satisfied') change.satisfaction = 'satisfied';
    if (e.action === 'unsatisfied') change.satisfaction = 'unsatisfied';
    if (e.ended) change.closed_at = now;
    let update = db.updateTable('ticket').set(change).where('id', '=', id);
    if (e.action === 'unsatisfied') update = update.set((eb) => ({ redo_count: eb('redo_count', '+', 1) }));
    if (e.action === 'send_back') update = update.set((eb) => ({ return_count: eb('return_count', '+', 1), department_org_id: null }));
    const ticket = await update.returning(['id', 'ticket_no', 'title', 'writer_account_id', 'writer_phone']).executeTakeFirstOrThrow();
    if (e.action === 'reply' && e.attachments.length > 0) {
      await db.insertInto('ticket_file').values(e.attachments.map((file_id) => ({ ticket_id: id, file_id, phase: 'reply' as const }))).onConflict((oc) => oc.columns(['ticket_id', 'file_id']).doNothing()).execute();
    }
    if (e.action === 'reply') await tellWriter(tx, keys, ticket, repliedTemplate, { no: ticket.ticket_no, title: ticket.title });
    if (e.action === 'reject') await tellWriter(tx, keys, ticket, rejectedTemplate, { no: ticket.ticket_no, title: ticket.title, reason: e.comment ?? '' });
  };
