import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../kernel/audit/write';
import { inTransaction } from '../../kernel/db/database';
import { codeProblem, nextCode } from './code';
import { MANAGE, requireScope, type Change, type ServiceDeps } from './deps';
import { fieldError, serviceErrors } from './errors';
import { presentDraft } from './present';
import { fieldsToColumns, readItem, rowToFields, writeChildren } from './rows';
import { ruleErrors } from './rules';
import { sampleErrors } from './samples';
import type { CreateBody, ItemFields, UpdateBody } from './schemas/input';
import type { Draft } from './schemas/manage';
import type { ItemRow, ServicesDb } from './store';
import type { Tier } from './vocab';

const audit = (change: Change, action: string, row: { id: string; code: string }, details: Record<string, unknown>) => ({
  actorId: change.actor.accountId,
  actorName: change.actor.displayName,
  orgId: change.actor.orgId,
  ip: change.ip,
  action,
  objectType: 'service_item',
  objectId: row.id,
  details: { code: row.code, ...details },
});

function fieldsOf(body: CreateBody | UpdateBody): ItemFields {
  const { type: _t, parentId: _p, handlingKind: _h, code: _c, revision: _r, ...fields } = body as CreateBody & UpdateBody;
  return fields;
}

async function parentRow(tx: ServicesDb, id: string | null | undefined): Promise<ItemRow | null> {
  if (!id) return null;
  const row = await tx.selectFrom('service_item').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw serviceErrors.invalid([fieldError('parentId', 'exists', '上级事项不存在', 'no such parent item')]);
  return row;
}

/** A department administrator adds an item to the catalogue as a draft (not yet public). */
export async function createItem(deps: ServiceDeps, change: Change, body: CreateBody): Promise<Draft> {
  const orgs = await deps.orgs();
  const fields = fieldsOf(body);
  const competent = orgs.get(fields.competentOrgId);
  if (competent) await requireScope(deps, change, MANAGE, competent.path, 'services.item.create', null);
  return inTransaction(deps.db, async (tx) => {
    // one code assignment at a time (new items are rare; the next number must not be handed out twice)
    await sql`SELECT pg_advisory_xact_lock(hashtext('service_item.code'))`.execute(tx);
    const parent = await parentRow(tx, body.parentId);
    const tier: Tier = !parent ? 'main' : body.handlingKind ? 'handling' : 'sub';
    const kind = tier === 'handling' ? body.handlingKind! : null;
    const errors = ruleErrors(fields, { type: body.type, tier, orgs, parent: parent ? { type: parent.type, tier: parent.tier, competentOrgId: parent.competent_org_id } : null });
    if (!parent && body.handlingKind) errors.push(fieldError('handlingKind', 'parent', '办理项须有上级事项', 'a handling item needs a parent'));
    const context = { type: body.type, tier, handlingKind: kind, parentCode: parent?.code ?? null };
    const problem = body.code ? codeProblem(body.code, context) : null;
    if (problem) errors.push(fieldError('code', 'layout', problem.zh, problem.en));
    errors.push(...(await sampleErrors(tx, fields)));
    if (errors.length > 0) throw serviceErrors.invalid(errors);
    const taken = (await tx.selectFrom('service_item').select('code').execute()).map((r) => r.code);
    const code = body.code ?? nextCode(context, taken);
    if (taken.includes(code)) throw serviceErrors.codeTaken(code);
    const id = uuidv7();
    await tx
      .insertInto('service_item')
      .values({ id, code, type: body.type, parent_id: parent?.id ?? null, tier, handling_kind: kind, ...fieldsToColumns(fields), published_revision: null, published_at: null, updated_by: change.actor.accountId })
      .execute();
    await writeChildren(tx, id, fields);
    await appendAudit(tx, audit(change, 'services.item.create', { id, code }, { name: fields.name, tier, department: competent?.name }));
    return presentDraft((await readItem(tx, id))!, parent, (orgId) => orgs.get(orgId)?.name ?? '');
  });
}

/** Saves the working copy; the public keeps seeing the published version until the next publication. */
export async function updateItem(deps: ServiceDeps, change: Change, id: string, body: UpdateBody): Promise<Draft> {
  const orgs = await deps.orgs();
  const fields = fieldsOf(body);
  return inTransaction(deps.db, async (tx) => {
    const before = await readItem(tx, id, true);
    if (!before) throw serviceErrors.itemNotFound(id);
    const { row } = before;
    await requireScope(deps, change, MANAGE, orgs.get(row.competent_org_id)?.path ?? [], 'services.item.update', id);
    const target = orgs.get(fields.competentOrgId);
    if (target && target.id !== row.competent_org_id) await requireScope(deps, change, MANAGE, target.path, 'services.item.update', id);
    if (row.revision !== body.revision) throw serviceErrors.staleRevision(row.revision);
    const parent = await parentRow(tx, row.parent_id);
    const errors = ruleErrors(fields, { type: row.type, tier: row.tier, orgs, parent: parent ? { type: parent.type, tier: parent.tier, competentOrgId: parent.competent_org_id } : null });
    if (fields.competentOrgId !== row.competent_org_id) {
      const child = await tx.selectFrom('service_item').select('code').where('parent_id', '=', id).executeTakeFirst();
      if (child) errors.push(fieldError('competentOrgId', 'children', `有下级事项（${child.code}）的事项不能更换主管部门`, 'an item with children keeps its department'));
    }
    errors.push(...(await sampleErrors(tx, fields)));
    if (errors.length > 0) throw serviceErrors.invalid(errors);
    await tx
      .updateTable('service_item')
      .set({ ...fieldsToColumns(fields), revision: row.revision + 1, updated_at: new Date(), updated_by: change.actor.accountId })
      .where('id', '=', id)
      .execute();
    await writeChildren(tx, id, fields);
    const old = rowToFields(row, before.materials, before.responsibility);
    const changed = (Object.keys(fields) as Array<keyof ItemFields>).filter((k) => JSON.stringify(fields[k]) !== JSON.stringify(old[k]));
    await appendAudit(tx, audit(change, 'services.item.update', row, { revision: row.revision + 1, changed }));
    return presentDraft((await readItem(tx, id))!, parent, (orgId) => orgs.get(orgId)?.name ?? '');
  });
}
