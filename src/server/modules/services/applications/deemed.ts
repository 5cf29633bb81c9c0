import type { Actor } from '../../../kernel/access';
import type { AnyTx } from '../../../kernel/audit/write';
import type { Kernel } from '../../../kernel/module';
import type { WorkflowDb } from '../../../kernel/workflow';
import { moveTo } from '../../../kernel/workflow/transition';
import type { DeemPayload } from './hook';
import type { AppsDb } from './tables';

/** The system acting by operation of law: no account (its history row and audit record carry none). */
const byLaw: Actor = {
  // the history and audit columns take NULL for the system; an Actor has no optional id, hence the cast
  accountId: null as unknown as string,
  kind: 'staff',
  displayName: '系统（依法视为受理）',
  orgId: null,
  permissions: new Set(),
  grants: [],
  sessionId: null,
  apiKeyId: null,
  mfaPending: false,
};

/**
 * 视为受理 (Art. 32): no decision on acceptance within 5 working days of receipt, so the application is
 * accepted from the day it was received. The job of one receipt round does nothing if that round is
 * over (accepted, rejected, sent back for corrections) or the process is suspended. Runs in the job's
 * transaction (kernel jobs: its effects happen once, whichever server copy takes it).
 */
export function deemedAcceptance(kernel: Kernel) {
  return async (trx: AnyTx, raw: unknown): Promise<void> => {
    const { applicationId, round } = raw as DeemPayload;
    const tx = trx as WorkflowDb;
    const app = await (trx as AppsDb).selectFrom('service_application').select(['instance_id', 'receipt_round', 'status']).where('id', '=', applicationId).executeTakeFirst();
    if (!app?.instance_id || app.receipt_round !== round || app.status !== 'submitted') return;
    const instance = await tx.selectFrom('wf_instance').selectAll().where('id', '=', app.instance_id).forUpdate().executeTakeFirst();
    if (!instance || instance.status !== 'running' || instance.state !== 'submitted' || instance.suspended_at) return;
    const step = await tx.selectFrom('wf_step').selectAll().where('instance_id', '=', instance.id).where('left_at', 'is', null).executeTakeFirst();
    const def = kernel.workflow.definition(instance.definition_key, instance.definition_version);
    await moveTo(kernel.workflow, tx, {
      def,
      instance,
      step: step ?? null,
      action: { key: 'deemed_accept', label: { zh: '逾期视为受理', en: 'Deemed accepted' } },
      to: 'reviewing',
      actor: byLaw,
      comment: '收到申请之日起 5 个工作日内未作出受理决定，依法（行政许可法第三十二条）自收到申请之日起即为受理',
    });
  };
}
