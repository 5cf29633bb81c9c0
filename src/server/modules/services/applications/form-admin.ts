import { appendAudit } from '../../../kernel/audit/write';
import { inTransaction } from '../../../kernel/db/database';
import { MANAGE, requireScope, type Change, type ServiceDeps } from '../deps';
import { serviceErrors } from '../errors';
import { applicationErrors } from './errors';
import { formDefinitionErrors, type FormField } from './form';

export interface FormDefinition {
  fields: FormField[];
  resultCert: { typeCode: string; validYears: number | null } | null;
}

/** The application form of an item's working copy (the public sees it once the item is published again). */
export async function readForm(deps: ServiceDeps, change: Change, id: string): Promise<FormDefinition & { revision: number }> {
  const row = await deps.db.selectFrom('service_item').select(['competent_org_id', 'form_fields', 'result_cert_type_code', 'result_cert_valid_years', 'revision']).where('id', '=', id).executeTakeFirst();
  if (!row) throw serviceErrors.itemNotFound(id);
  await requireScope(deps, change, MANAGE, (await deps.orgs()).get(row.competent_org_id)?.path ?? [], 'services.item.read', id);
  return { fields: row.form_fields, resultCert: row.result_cert_type_code ? { typeCode: row.result_cert_type_code, validYears: row.result_cert_valid_years } : null, revision: row.revision };
}

/** Saves the form into the working copy (a new revision, like any edit); publishing makes it the applicants'. */
export async function saveForm(deps: ServiceDeps, change: Change, id: string, revision: number, form: FormDefinition): Promise<{ revision: number }> {
  const errors = formDefinitionErrors(form.fields);
  if (errors.length > 0) throw applicationErrors.invalidAnswers(errors);
  const orgs = await deps.orgs();
  return inTransaction(deps.db, async (tx) => {
    const row = await tx.selectFrom('service_item').select(['competent_org_id', 'revision', 'code']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw serviceErrors.itemNotFound(id);
    await requireScope(deps, change, MANAGE, orgs.get(row.competent_org_id)?.path ?? [], 'services.item.save', id);
    if (row.revision !== revision) throw serviceErrors.staleRevision(row.revision);
    const next = row.revision + 1;
    await tx
      .updateTable('service_item')
      .set({ form_fields: JSON.stringify(form.fields) as never, result_cert_type_code: form.resultCert?.typeCode ?? null, result_cert_valid_years: form.resultCert?.validYears ?? null, revision: next, updated_at: new Date(), updated_by: change.actor.accountId })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, { actorId: change.actor.accountId, actorName: change.actor.displayName, orgId: change.actor.orgId, ip: change.ip, action: 'services.item.save', objectType: 'service_item', objectId: id, details: { code: row.code, revision: next, form: form.fields.length } });
    return { revision: next };
  });
}
