import { can, type Actor } from '../../../kernel/access';
import { auditAlone } from '../../../kernel/audit/write';
import { AppError, httpErrors } from '../../../kernel/http/problem';
import type { Kernel } from '../../../kernel/module';
import { certErrors, certField } from './errors';
import { issueCertificate } from './issue';
import type { IssueBody } from './schemas';
import type { CertDb } from './tables';

export const ISSUE = 'services:certificate.issue';

const addYears = (day: string, years: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1); // valid through the day before the anniversary
  return d.toISOString().slice(0, 10);
};

/**
 * 制证 by a department for a result decided outside the online process (a counter decision, a
 * licence of the paper era): the type must be the department's own, the validity defaults to the
 * type's. Approvals issue through `issueCertificate` inside their own transition instead.
 */
export async function issueByStaff(kernel: Kernel, db: CertDb, actor: Actor, body: IssueBody, ip: string | null) {
  const type = await db.selectFrom('certificate_type').selectAll().where('code', '=', body.typeCode).executeTakeFirst();
  if (!type) throw certErrors.invalidIssue([certField('/body/typeCode', 'type', '没有这种证照类型', 'no such certificate type')]);
  const path = (await kernel.orgs.pathOf(type.issuer_org_id)) ?? [type.issuer_org_id];
  if (!can(actor, ISSUE, { orgPath: path }, kernel.config.zone)) {
    await auditAlone(db, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'services.certificate.issue', objectType: 'certificate_type', objectId: type.code, result: 'denied' });
    throw httpErrors.forbiddenScope(ISSUE);
  }
  const validUntil = body.validUntil !== undefined ? body.validUntil : type.validity_years ? addYears(body.validFrom, type.validity_years) : null;
  const issue = db.transaction().execute(async (tx) => {
    const issued = await issueCertificate(kernel, tx, {
      typeCode: type.code,
      typeName: type.name,
      holderName: body.holderName,
      holderId: body.holderId,
      holderKind: body.holderKind,
      issuerOrgId: type.issuer_org_id,
      data: body.data,
      validFrom: body.validFrom,
      validUntil,
      applicationId: null,
    });
    await auditAlone(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'services.certificate.issue.manual', objectType: 'certificate', objectId: issued.id, details: { number: issued.number } });
    return issued;
  });
  // the service names fields relative to the certificate; here they are the request body's
  return issue.catch((error: unknown) => {
    if (error instanceof AppError) throw new AppError(error.status, error.code, error.zh, error.en, error.errors.map((e) => ({ ...e, field: `/body${e.field}` })));
    throw error;
  });
}
