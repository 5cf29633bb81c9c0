import type { Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import { interactionErrors } from './errors';
import type { InteractionDb } from './store';

/**
 * The kinds of ticket and their default handling limits in working days (办理时限, counted from
 * dispatch to reply). The 12345 rules (国办发〔2020〕53号 and local practice, cn-domain §7) put
 * enquiries at the same day to 3–5 working days and complaints and suggestions at 13–15; letters
 * to the district head and to departments follow the 15 working days of 信访 replies. Complaints
 * are promised faster than the usual 13–15 (10): a district may set its own limits.
 */
export const defaultKinds = [
  { code: 'mayor', name_zh: '区长信箱', name_en: 'Letter to the district head', limit_days: 15, sort: 1 },
  { code: 'department', name_zh: '部门信箱', name_en: 'Letter to a department', limit_days: 15, sort: 2 },
  { code: 'consultation', name_zh: '咨询', name_en: 'Consultation', limit_days: 3, sort: 3 },
  { code: 'complaint', name_zh: '投诉', name_en: 'Complaint', limit_days: 10, sort: 4 },
  { code: 'suggestion', name_zh: '建议', name_en: 'Suggestion', limit_days: 15, sort: 5 },
];

export const kindStore = {
  /** Writes the default kinds that are missing (configuration changed since stays as it is). */
  async seed(db: InteractionDb): Promise<number> {
    const result = await db.insertInto('ticket_kind').values(defaultKinds.map((k) => ({ ...k, updated_by: null }))).onConflict((oc) => oc.column('code').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  },
  all: (db: InteractionDb) => db.selectFrom('ticket_kind').selectAll().orderBy('sort').orderBy('code').execute(),
  byCode: (db: InteractionDb, code: string) => db.selectFrom('ticket_kind').selectAll().where('code', '=', code).executeTakeFirst(),
};

export const presentKind = (k: { code: string; name_zh: string; name_en: string; limit_days: number; active: boolean }) => ({
  code: k.code,
  name: { zh: k.name_zh, en: k.name_en },
  limitDays: k.limit_days,
  active: k.active,
});

/** The administrator changes a kind's limit (new tickets only: a ticket keeps the limit it was written under) or closes it. */
export async function updateKind(db: InteractionDb, actor: Actor, code: string, change: { limitDays?: number | undefined; active?: boolean | undefined }, ip: string | null) {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('ticket_kind').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
    if (!before) throw interactionErrors.unknownKind(code, '/params/code');
    const row = await tx
      .updateTable('ticket_kind')
      .set({ ...(change.limitDays !== undefined ? { limit_days: change.limitDays } : {}), ...(change.active !== undefined ? { active: change.active } : {}), updated_at: new Date(), updated_by: actor.accountId })
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'interaction.kind.update', objectType: 'ticket_kind', objectId: code, details: { before: { limitDays: before.limit_days, active: before.active }, after: change } });
    return presentKind(row);
  });
}
