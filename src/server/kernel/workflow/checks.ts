import type { Actor } from '../access';
import type { FilesDb } from '../files/service';
import type { InstanceRow } from './context';
import type { ActionDef } from './definition';
import { workflowErrors } from './errors';
import type { WorkflowDb } from './tables';

export interface ActInput {
  comment?: string;
  fields?: Record<string, unknown>;
  /** ids of files the actor uploaded, attached to this step */
  attachments?: string[];
  ip?: string | null;
}

type Checked = Pick<ActionDef, 'requires' | 'commentRequired' | 'attachments' | 'guard'>;

/** Required fields, the comment, the attachments and the module's guard — before anything changes. */
export async function checkInput(tx: WorkflowDb, actor: Actor, instance: InstanceRow, action: Checked, input: ActInput): Promise<string[]> {
  const fields = input.fields ?? {};
  const missing = (action.requires ?? []).filter((f) => fields[f] === undefined || fields[f] === '' || fields[f] === null);
  if (missing.length > 0) throw workflowErrors.missingFields(missing);
  if (action.commentRequired && !input.comment?.trim()) throw workflowErrors.commentRequired();
  const attachments = [...new Set(input.attachments ?? [])];
  const spec = action.attachments;
  if (spec?.required && attachments.length === 0) throw workflowErrors.attachmentsRequired();
  if (attachments.length > (spec ? (spec.max ?? 20) : 20)) throw workflowErrors.tooManyAttachments(spec?.max ?? 20);
  if (attachments.length > 0) {
    // one attaches one's own uploads: a file id seen elsewhere cannot be pulled into a process
    const own = await (tx as unknown as FilesDb).selectFrom('file_object').select('id').where('id', 'in', attachments).where('uploaded_by', '=', actor.accountId).execute();
    const unknown = attachments.filter((id) => !own.some((f) => f.id === id));
    if (unknown.length > 0) throw workflowErrors.unknownAttachments(unknown);
  }
  if (action.guard) {
    const refusal = await action.guard({
      instance: { id: instance.id, businessModule: instance.business_module, businessId: instance.business_id, orgId: instance.org_id, state: instance.state },
      actor: { accountId: actor.accountId, displayName: actor.displayName },
      fields,
      comment: input.comment,
      attachments,
    });
    if (refusal) throw workflowErrors.guardRefused(refusal);
  }
  return attachments;
}
