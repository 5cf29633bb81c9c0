import { can, type Actor } from '../../../kernel/access';
import { appendAudit, auditAlone } from '../../../kernel/audit/write';
import { decryptField, type FieldKeys } from '../../../kernel/crypto';
import { httpErrors } from '../../../kernel/http/problem';
import type { Kernel } from '../../../kernel/module';
import { certErrors } from './errors';
import { holderContext } from './issue';
import { dayText, maybeDayText, statusOf } from './status';
import type { CertDb } from './tables';

export const REVOKE = 'services:certificate.revoke';
export const READ = 'services:certificate.read';

/**
 * 注销: the issuing department (holders of services:certificate.revoke whose scope covers the issuer)
 * revokes with a reason, in one transaction with its audit record and event. A refusal for scope is
 * audited too.
 */
export async function revokeCertificate(kernel: Kernel, db: CertDb, actor: Actor, id: string, reason: string, ip: string | null): Promise<void> {
  const row = await db.selectFrom('certificate').select(['id', 'number', 'issuer_org_id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row) throw certErrors.notFound();
  const path = (await kernel.orgs.pathOf(row.issuer_org_id)) ?? [row.issuer_org_id];
  const who = { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, objectType: 'certificate', objectId: id };
  if (!can(actor, REVOKE, { orgPath: path }, kernel.config.zone)) {
    await auditAlone(db, { ...who, action: 'services.certificate.revoke', result: 'denied', details: { number: row.number } });
    throw httpErrors.forbiddenScope(REVOKE);
  }
  await db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('certificate')
      .set({ status: 'revoked', revoked_at: new Date(), revoked_by: actor.accountId, revoke_reason: reason })
      .where('id', '=', id)
      .where('status', '=', 'valid')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw certErrors.alreadyRevoked();
    await appendAudit(tx, { ...who, action: 'services.certificate.revoke', details: { number: row.number, reason } });
    await kernel.events.publish(tx, 'services.certificate.revoked', { id, number: row.number, reason });
  });
}

const listColumns = ['id', 'number', 'type_code', 'type_name', 'issuer_name', 'status', 'issued_at', 'holder_kind', 'application_id'] as const;

/** "My certificates": those issued to the signed-in person's ID number or organisation's credit code. */
export async function certificatesOf(db: CertDb, holderIndexes: string[]) {
  if (holderIndexes.length === 0) return [];
  const rows = await db
    .selectFrom('certificate')
    .select([...listColumns, dayText('valid_from').as('valid_from'), maybeDayText('valid_until').as('valid_until')])
    .where('holder_id_index', 'in', holderIndexes)
    .orderBy('issued_at', 'desc')
    .execute();
  return rows.map(presentListed);
}

/** The issuing department's list (staff), newest first. */
export async function certificatesIssuedBy(db: CertDb, orgIds: string[], limit = 200) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('certificate')
    .select([...listColumns, dayText('valid_from').as('valid_from'), maybeDayText('valid_until').as('valid_until')])
    .where('issuer_org_id', 'in', orgIds)
    .orderBy('issued_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentListed);
}

function presentListed(r: { id: string; number: string; type_code: string; type_name: string; issuer_name: string; status: 'valid' | 'revoked'; issued_at: Date; holder_kind: 'person' | 'legal'; application_id: string | null; valid_from: string; valid_until: string | null }) {
  return { id: r.id, number: r.number, typeCode: r.type_code, typeName: r.type_name, issuerName: r.issuer_name, status: statusOf(r), issuedAt: r.issued_at.toISOString(), validFrom: r.valid_from, validUntil: r.valid_until, applicationId: r.application_id };
}

/** One certificate for its holder (with the verification code, which the holder may share). */
export async function holderView(db: CertDb, keys: FieldKeys, id: string, holderIndexes: string[]) {
  const row = await db
    .selectFrom('certificate')
    .select([...listColumns, 'verify_code', 'holder_name', 'holder_id_index', 'data', dayText('valid_from').as('valid_from'), maybeDayText('valid_until').as('valid_until')])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !holderIndexes.includes(row.holder_id_index)) throw certErrors.notFound();
  return { ...presentListed(row), verifyCode: row.verify_code, holderName: decryptField(keys.encryptionKey, row.holder_name, holderContext), data: row.data };
}
