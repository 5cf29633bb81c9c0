import type { TransitionHook, WorkflowDb } from '../../../kernel/workflow';
import { applicationErrors } from './errors';
import { applicationProcessKey } from './process';
import type { AppsDb } from './tables';

/** Art. 42: the decision's limit may be extended once, by at most 10 working days, with the head's approval. */
export const maxExtensionDays = 10;

/**
 * Runs in the transactions of the engine's 延期 process: a request for an application's step is refused
 * (nothing written) unless it is the first, for the review, and at most 10 working days; a granted one
 * is recorded on the application.
 */
export const applicationExtensionRule: TransitionHook = async (tx: WorkflowDb, e) => {
  const ext = await tx.selectFrom('wf_extension').selectAll().where(e.from === null ? 'id' : 'approval_instance_id', '=', e.from === null ? e.instance.business_id : e.instance.id).executeTakeFirst();
  if (!ext) return;
  const parent = await tx.selectFrom('wf_instance').select(['definition_key', 'state', 'business_id']).where('id', '=', ext.instance_id).executeTakeFirstOrThrow();
  if (parent.definition_key !== applicationProcessKey) return;
  if (e.from !== null) {
    if (e.ended && e.to === 'approved') await (tx as unknown as AppsDb).updateTable('service_application').set({ extended: true }).where('id', '=', parent.business_id).execute();
    return;
  }
  if (parent.state !== 'reviewing') throw applicationErrors.extensionRefused('只有审查决定环节可以延期', 'Only the review and decision may be extended');
  if (ext.working_days > maxExtensionDays) throw applicationErrors.extensionRefused(`延期不得超过 ${maxExtensionDays} 个工作日（行政许可法第四十二条）`, `An extension is at most ${maxExtensionDays} working days`);
  const earlier = await tx.selectFrom('wf_extension').select('id').where('instance_id', '=', ext.instance_id).where('id', '<>', ext.id).where('status', 'in', ['pending', 'approved']).executeTakeFirst();
  if (earlier) throw applicationErrors.extensionRefused('办理期限只能延长一次', 'The limit may be extended only once');
};
