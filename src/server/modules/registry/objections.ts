import { v7 as uuidv7 } from 'uuid';
import { can, type Actor } from '../../kernel/access';
import { decryptField, encryptField } from '../../kernel/crypto';
import type { FilesDb } from '../../kernel/files';
import type { TransitionHook } from '../../kernel/workflow';
import { nextBusinessNumber } from '../../kernel/workflow';
import type { RegistryDeps } from './deps';
import { registryErrors } from './errors';
import { visibleFields } from './field-access';
import { fieldOf, registers, type RegisterKey } from './fields';
import { writeVersion } from './records';
import { checkRecord } from './rules';
import { fromRow, recordStore } from './store';
import type { RegistryDb } from './tables';
import { objectionProcess } from './objection-process';

const ctxProposed = 'registry_objection.proposed';

export interface ObjectionInput {
  field: string;
  proposedValue: string;
  reason: string;
  evidence?: string[] | undefined;
}

/**
 * A using department objects to one field it can see: the proposed value must pass the field's
 * rules and differ from the current one; evidence must be the raiser's own uploads. Starts the
 * process at the owning department, in one transaction.
 */
export async function raiseObjection(deps: RegistryDeps, actor: Actor, register: RegisterKey, recordId: string, input: ObjectionInput) {
  const def = fieldOf(register, input.field);
  if (!def) throw registryErrors.unknownField(input.field);
  if (def.derived) throw registryErrors.notWritable(input.field);
  if (!(await visibleFields(deps.db, actor, register)).includes(input.field)) throw registryErrors.fieldNotGranted(input.field);
  const row = await recordStore.get(deps.db, register, recordId);
  if (!row) throw registryErrors.notFound(recordId);
  const { plain } = fromRow(register, row, deps.kernel.keys);
  const checked = checkRecord(register, plain, { [input.field]: input.proposedValue });
  if (!checked.ok) throw registryErrors.invalid(checked.failure.field, checked.failure.code, checked.failure.zh, checked.failure.en);
  if (checked.plain[input.field] === plain[input.field]) throw registryErrors.objectionSameValue();
  const evidence = [...new Set(input.evidence ?? [])];
  if (evidence.length > 0) {
    const files = await (deps.db as unknown as FilesDb).selectFrom('file_object').select('id').where('id', 'in', evidence).where('uploaded_by', '=', actor.accountId).execute();
    const missing = evidence.find((id) => !files.some((f) => f.id === id));
    if (missing) throw registryErrors.invalid('evidence', 'file', `附件不存在或不是您上传的：${missing}`, `no such upload of yours: ${missing}`);
  }
  const owner = await deps.ownerOf(register);
  const id = uuidv7();
  const instanceId = uuidv7();
  const objectionNo = await nextBusinessNumber(deps.db, 'YY');
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('registry_objection')
      .values({
        id,
        objection_no: objectionNo,
        register,
        record_id: recordId,
        field: input.field,
        proposed_enc: encryptField(deps.kernel.keys.encryptionKey, String(checked.plain[input.field]), ctxProposed),
        reason: input.reason,
        evidence,
        raised_by: actor.accountId,
        raised_org_id: actor.orgId,
        owner_org_id: owner,
        instance_id: instanceId,
      })
      .execute();
    await deps.kernel.workflow.start(tx, actor, {
      instanceId,
      definition: objectionProcess.key,
      businessModule: 'registry',
      businessId: id,
      businessNo: objectionNo,
      title: `${registers[register].zh}异议：${def.zh}`,
      orgId: owner,
    });
  });
  return { id, objectionNo, instanceId };
}

/** The objection for the process panel; a personal proposed value is masked like the field. */
export async function objectionDetail(deps: RegistryDeps, actor: Actor, id: string) {
  const o = await deps.db.selectFrom('registry_objection').selectAll().where('id', '=', id).executeTakeFirst();
  if (!o) throw registryErrors.objectionNotFound(id);
  const register = o.register as RegisterKey;
  const def = fieldOf(register, o.field)!;
  const proposed = decryptField(deps.kernel.keys.encryptionKey, o.proposed_enc, ctxProposed);
  // the raiser and those who decide at the owning department; anyone else learns nothing, not even that it exists
  const mayHandle = can(actor, 'registry:objection.handle', { orgPath: await deps.orgPath(o.owner_org_id) }, deps.kernel.config.zone);
  if (!mayHandle && o.raised_by !== actor.accountId) throw registryErrors.objectionNotFound(id);
  return {
    id: o.id,
    objectionNo: o.objection_no,
    register,
    recordId: o.record_id,
    field: o.field,
    fieldLabel: { zh: def.zh, en: def.en },
    proposedValue: def.personal ? def.personal(proposed) : proposed,
    reason: o.reason,
    evidence: o.evidence,
    status: o.status,
    decisionNote: o.decision_note,
    appliedVersion: o.applied_version,
    instanceId: o.instance_id,
    raisedAt: o.created_at.toISOString(),
  };
}

/**
 * Runs inside the decision's transaction: an accepted objection is applied as a new version of
 * the record (its rules and uniqueness checked again: a throw refuses the decision); a refusal
 * keeps the reasons. The objection's status follows the process.
 */
export function objectionDecided(deps: RegistryDeps): TransitionHook {
  return async (wfTx, e) => {
    if (e.from === null) return;
    const tx = wfTx as unknown as RegistryDb;
    const o = await tx.selectFrom('registry_objection').selectAll().where('id', '=', e.instance.business_id).forUpdate().executeTakeFirstOrThrow();
    if (e.action === 'accept') {
      const value = decryptField(deps.kernel.keys.encryptionKey, o.proposed_enc, ctxProposed);
      const applied = await writeVersion(tx, deps, e.actor, { register: o.register as RegisterKey, id: o.record_id, patch: { [o.field]: value }, kind: 'correction', reason: `异议校核 ${o.objection_no}` });
      await tx.updateTable('registry_objection').set({ status: 'accepted', decided_at: new Date(), decision_note: e.comment, applied_version: applied.version }).where('id', '=', o.id).execute();
      await deps.kernel.events.publish(tx, 'registry.record.changed', { register: o.register, id: o.record_id, version: applied.version });
    } else if (e.action === 'reject') {
      await tx.updateTable('registry_objection').set({ status: 'rejected', decided_at: new Date(), decision_note: e.comment }).where('id', '=', o.id).execute();
    }
  };
}
