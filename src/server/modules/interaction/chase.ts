import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import { identityContext, staffHolding } from '../../kernel/identity';
import { notify } from '../../kernel/notify';
import type { WorkflowDb } from '../../kernel/workflow';
import { couldWork } from '../../kernel/workflow/assignment';
import type { InteractionDeps } from './deps';
import { interactionErrors } from './errors';
import { chasedTemplate } from './notices';

/** States in which a department holds the ticket: only those are chased. */
const departmentStates = ['to_sign', 'handling'];

/**
 * 催办: the centre sends a notice to whoever holds the ticket now — the person who took the step,
 * else everyone who could work on it — and the chase is recorded on the ticket, in one transaction.
 */
export async function chaseTicket(deps: InteractionDeps, actor: Actor, id: string, comment: string, ip: string | null) {
  const { db, kernel } = deps;
  const text = comment.trim();
  if (!text) throw interactionErrors.blankContent('/body/comment');
  const ticket = await db.selectFrom('ticket').select(['id', 'ticket_no', 'title', 'instance_id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!ticket) throw interactionErrors.notFound(id);
  const wf = db as unknown as WorkflowDb;
  const step = await wf.selectFrom('wf_step').selectAll().where('instance_id', '=', ticket.instance_id).where('left_at', 'is', null).executeTakeFirst();
  if (!step || !departmentStates.includes(step.state)) throw interactionErrors.cannotChase();
  const targets = step.assignee_id ? [step.assignee_id] : (await staffHolding(identityContext(kernel), step.permission ?? '')).filter((c) => couldWork(c, step)).map((c) => c.accountId);
  return db.transaction().execute(async (tx) => {
    for (const accountId of targets) {
      await notify(tx, { accountId, template: chasedTemplate, vars: { no: ticket.ticket_no, title: ticket.title, comment: text }, link: `/work/interaction/${ticket.id}` });
    }
    await tx
      .insertInto('ticket_chase')
      .values({ id: uuidv7(), ticket_id: id, step_state: step.state, org_id: step.org_path[step.org_path.length - 1] ?? null, comment: text, notified: targets.length, by_account: actor.accountId, by_name: actor.displayName })
      .execute();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'interaction.chase', objectType: 'ticket', objectId: id, details: { state: step.state, notified: targets.length } });
    return { notified: targets.length };
  });
}
