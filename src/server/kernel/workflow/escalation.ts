import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AnyTx } from '../audit/write';
import { notify } from '../notify';
import type { EngineContext } from './context';
import type { EscalationPayload } from './steps';
import type { WorkflowDb } from './tables';
import { escalationTemplates, formatShanghai } from './templates';

/**
 * One rung of the ladder: remind or warn the assignee; escalate also tells the applicant and
 * records 督办 in the history. Nothing happens if the step has moved on, the clock is stopped,
 * or the due time has changed since the job was planned (an extension planned new jobs).
 */
export async function escalate(ctx: EngineContext, tx: AnyTx, { stepId, level, dueAt }: EscalationPayload): Promise<void> {
  const db = tx as WorkflowDb;
  const step = await db.selectFrom('wf_step').selectAll().where('id', '=', stepId).executeTakeFirst();
  if (!step || step.left_at || !step.due_at) return;
  if (dueAt !== undefined && step.due_at.toISOString() !== dueAt) return;
  const instance = await db.selectFrom('wf_instance').selectAll().where('id', '=', step.instance_id).executeTakeFirstOrThrow();
  if (instance.status !== 'running' || instance.paused_since) return;
  const vars = { title: instance.title, businessNo: instance.business_no, dueAt: formatShanghai(step.due_at) };
  const link = `/work/process/${instance.id}`;
  if (step.assignee_id) await notify(tx, { accountId: step.assignee_id, template: escalationTemplates[level], vars, link });
  if (level !== 'escalate') return;
  await notify(tx, { accountId: instance.initiator_id, template: escalationTemplates.escalate, vars, link });
  await db
    .insertInto('wf_history')
    .values({ id: uuidv7(), instance_id: instance.id, step_id: stepId, actor_id: null, actor_name: '系统', action: 'escalate', from_state: instance.state, to_state: instance.state, comment: '超过办理时限，已督办', fields: sql`'{}'::jsonb` })
    .execute();
  await ctx.events.publish(tx, 'workflow.escalated', { instanceId: instance.id, stepId, businessModule: instance.business_module, businessId: instance.business_id, state: instance.state });
}
