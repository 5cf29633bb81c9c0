import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../kernel/access';
import { AppError } from '../../kernel/http/problem';
import type { Kernel } from '../../kernel/module';
import { nextBusinessNumber } from '../../kernel/workflow';
import { internalRequestProcess } from './process';
import type { RequestsDb } from './store';

export const requestErrors = {
  staffOnly: () => new AppError(403, 'REQUESTS_STAFF_ONLY', '只有工作人员可以提交内部事项申请', 'Only civil servants file internal requests'),
};

/** Files an internal request and starts its process, in one transaction. */
export async function fileRequest(kernel: Kernel, db: RequestsDb, actor: Actor, input: { title: string; reason: string }) {
  if (actor.kind !== 'staff' || !actor.orgId) throw requestErrors.staffOnly();
  const orgId = actor.orgId;
  // the number is taken in its own short transaction: a failed filing leaves a gap, not a lock held
  const businessNo = await nextBusinessNumber(db, 'NB');
  return db.transaction().execute(async (tx) => {
    const id = uuidv7();
    const instanceId = uuidv7();
    await tx.insertInto('internal_request').values({ id, business_no: businessNo, title: input.title.trim(), reason: input.reason, org_id: orgId, created_by: actor.accountId, instance_id: instanceId }).execute();
    // starting the process appends the audit record: it comes last in the transaction
    await kernel.workflow.start(tx, actor, {
      instanceId,
      definition: internalRequestProcess.key,
      businessModule: 'requests',
      businessId: id,
      businessNo,
      title: input.title.trim(),
      orgId,
    });
    return { id, businessNo, instanceId };
  });
}
