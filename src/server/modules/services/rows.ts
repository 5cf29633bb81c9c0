import type { ItemFields } from './schemas/input';
import type { ItemRow, MaterialRow, ResponsibilityRow, ServicesDb, ServicesTables } from './store';
import type { Insertable } from 'kysely';

type ItemColumns = Omit<Insertable<ServicesTables['service_item']>, 'id' | 'code' | 'type' | 'parent_id' | 'tier' | 'handling_kind'>;

/** The editable elements as columns of service_item (jsonb passed as JSON text). */
export function fieldsToColumns(f: ItemFields): ItemColumns {
  return {
    name: f.name.trim(),
    competent_org_id: f.competentOrgId,
    implementing_org_id: f.implementingOrgId,
    implementer: f.implementer.trim(),
    level: f.level,
    legal_basis: f.legalBasis.trim(),
    target_users: f.targetUsers,
    conditions: f.conditions.trim(),
    result_name: f.resultName.trim(),
    steps: JSON.stringify(f.steps) as never,
    statutory_days: f.statutoryDays,
    promised_days: f.promisedDays,
    instant: f.instant,
    fee_fen: f.feeFen,
    fee_basis: f.feeBasis.trim(),
    place: f.place.trim(),
    hours: f.hours.trim(),
    enquiry_phone: f.enquiryPhone,
    complaint_phone: f.complaintPhone,
    visits: f.visits,
    online_depth: f.onlineDepth,
    online: f.online,
    life_events: f.lifeEvents,
    topics: f.topics,
    keywords: f.keywords.map((k) => k.trim()).filter(Boolean),
  };
}

export function rowToFields(row: ItemRow, materials: MaterialRow[], responsibility: ResponsibilityRow | undefined): ItemFields {
  return {
    name: row.name,
    competentOrgId: row.competent_org_id,
    implementingOrgId: row.implementing_org_id,
    implementer: row.implementer,
    level: row.level,
    legalBasis: row.legal_basis,
    targetUsers: row.target_users,
    conditions: row.conditions,
    resultName: row.result_name,
    steps: row.steps,
    statutoryDays: row.statutory_days,
    promisedDays: row.promised_days,
    instant: row.instant,
    feeFen: Number(row.fee_fen),
    feeBasis: row.fee_basis,
    place: row.place,
    hours: row.hours,
    enquiryPhone: row.enquiry_phone,
    complaintPhone: row.complaint_phone,
    visits: row.visits,
    onlineDepth: row.online_depth,
    online: row.online,
    lifeEvents: row.life_events,
    topics: row.topics,
    keywords: row.keywords,
    materials: materials.map((m) => ({
      name: m.name,
      required: m.required,
      copies: m.copies,
      form: m.form,
      note: m.note,
      sampleFileId: m.sample_file_id,
      sharedSource: m.shared_source,
      certTypeCode: m.cert_type_code,
      certName: m.cert_name,
    })),
    responsibility: responsibility ? { duties: responsibility.duties, accountability: responsibility.accountability } : null,
  };
}

/** Replaces the materials and the responsibilities of an item's working copy (inside the caller's transaction). */
export async function writeChildren(tx: ServicesDb, itemId: string, f: ItemFields): Promise<void> {
  await tx.deleteFrom('service_material').where('item_id', '=', itemId).execute();
  if (f.materials.length > 0) {
    await tx
      .insertInto('service_material')
      .values(f.materials.map((m, i) => ({
        item_id: itemId,
        seq: i + 1,
        name: m.name.trim(),
        required: m.required,
        copies: m.copies,
        form: m.form,
        note: m.note.trim(),
        sample_file_id: m.sampleFileId,
        shared_source: m.sharedSource,
        cert_type_code: m.certTypeCode,
        cert_name: m.certName,
      })))
      .execute();
  }
  await tx.deleteFrom('service_responsibility').where('item_id', '=', itemId).execute();
  if (f.responsibility) {
    await tx.insertInto('service_responsibility').values({ item_id: itemId, duties: JSON.stringify(f.responsibility.duties) as never, accountability: f.responsibility.accountability.trim() }).execute();
  }
}

/** The working copy of one item with its materials and responsibilities. */
export async function readItem(db: ServicesDb, id: string, lock = false) {
  let q = db.selectFrom('service_item').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return null;
  const [materials, responsibility] = await Promise.all([
    db.selectFrom('service_material').selectAll().where('item_id', '=', id).orderBy('seq').execute(),
    db.selectFrom('service_responsibility').selectAll().where('item_id', '=', id).executeTakeFirst(),
  ]);
  return { row, materials, responsibility };
}
