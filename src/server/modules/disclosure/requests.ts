import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../kernel/access';
import { encryptField } from '../../kernel/crypto';
import { nextBusinessNumber } from '../../kernel/workflow';
import type { ArticleDeps } from './articles';
import { disclosureErrors } from './errors';
import { requestProcess } from './process';
import type { Delivery } from './store';

export interface RequestInput {
  /** the agency asked (a department, street or town) */
  org: string;
  description: string;
  purpose: string;
  delivery: Delivery;
  /** phone, e-mail or postal address for the delivery (personal data: encrypted) */
  contact?: string | undefined;
}

export const contactContext = 'disclosure_request.contact';

/**
 * 依申请公开: a signed-in citizen or enterprise asks an agency for information (内容描述, 用途,
 * 获取方式); the request gets its number and its 20-working-day process at the agency.
 */
export async function fileRequest(deps: ArticleDeps, actor: Actor, input: RequestInput) {
  if (actor.kind === 'staff') throw disclosureErrors.staffMayNotApply();
  const description = input.description.trim();
  const purpose = input.purpose.trim();
  if (!description) throw disclosureErrors.blank('/body/description');
  if (!purpose) throw disclosureErrors.blank('/body/purpose');
  if (!(await deps.kernel.orgs.pathOf(input.org))) throw disclosureErrors.unknownOrg(input.org);
  const contact = input.contact?.trim();
  if (input.delivery !== 'online' && input.delivery !== 'pickup' && !contact) throw disclosureErrors.blank('/body/contact');
  const requestNo = await nextBusinessNumber(deps.kernel.database.db, 'GK');
  const id = uuidv7();
  const instanceId = uuidv7();
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('disclosure_request')
      .values({
        id,
        request_no: requestNo,
        org_id: input.org,
        applicant_account_id: actor.accountId,
        applicant_name: actor.displayName,
        applicant_kind: actor.kind === 'enterprise' ? 'enterprise' : 'citizen',
        contact: contact ? encryptField(deps.kernel.keys.encryptionKey, contact, contactContext) : null,
        description,
        purpose,
        delivery: input.delivery,
        answer_type: null,
        answer: null,
        legal_basis: null,
        answered_at: null,
        instance_id: instanceId,
      })
      .execute();
    await deps.kernel.workflow.start(tx, actor, { instanceId, definition: requestProcess.key, businessModule: 'disclosure', businessId: id, businessNo: requestNo, title: `依申请公开：${description.slice(0, 30)}`, orgId: input.org });
  });
  return { id, requestNo, instanceId };
}
