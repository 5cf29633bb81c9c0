import type { Actor } from '../access';
import { notify, type Template } from '../notify';
import type { InstanceRow } from './context';
import type { ActionNotice, Label } from './definition';
import type { WorkflowDb } from './tables';
import { actionTemplates } from './templates';

export interface NoticeContext {
  instance: InstanceRow;
  action: Label;
  state: Label;
  actor: Actor;
  comment: string | null;
  /** named people who now hold the next step */
  nextAssignees: string[];
}

const varsOf = (c: NoticeContext) => ({
  title: c.instance.title,
  businessNo: c.instance.business_no,
  action: c.action.zh,
  state: c.state.zh,
  actor: c.actor.displayName,
  comment: c.comment ?? '',
});

/** The in-app notices an action's definition asks for; the actor is never told of their own action. */
export async function sendNotices(tx: WorkflowDb, notices: readonly ActionNotice[], c: NoticeContext): Promise<void> {
  const link = `/work/process/${c.instance.id}`;
  for (const notice of notices) {
    let to: string[];
    if (notice.to === 'initiator') to = [c.instance.initiator_id];
    else if (notice.to === 'nextAssignee') to = c.nextAssignees;
    else {
      const rows = await tx.selectFrom('wf_history').select('actor_id').distinct().where('instance_id', '=', c.instance.id).where('actor_id', 'is not', null).execute();
      to = rows.map((r) => r.actor_id!);
    }
    const template = (notice.template ?? actionTemplates.transitioned) as Template;
    // a module's template uses some of the variables; notify refuses unknown ones
    const all: Record<string, string> = varsOf(c);
    const vars = Object.fromEntries(template.variables.map((v) => [v, all[v] ?? '']));
    for (const accountId of new Set(to)) {
      if (accountId !== c.actor.accountId) await notify(tx, { accountId, template: template.key, vars, link });
    }
  }
}

/** A step given to a named person (转办, 改派, 退回) tells them at once: it is theirs, not a role's. */
export async function noticeAssigned(tx: WorkflowDb, accountId: string, c: Omit<NoticeContext, 'nextAssignees' | 'action'>): Promise<void> {
  if (accountId === c.actor.accountId) return;
  await notify(tx, { accountId, template: actionTemplates.assigned, vars: { title: c.instance.title, businessNo: c.instance.business_no, state: c.state.zh, actor: c.actor.displayName, comment: c.comment ?? '' }, link: `/work/process/${c.instance.id}` });
}
