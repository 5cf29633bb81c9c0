import { sql } from 'kysely';
import type { Actor } from '../../kernel/access';
import { appendAudit } from '../../kernel/audit/write';
import { shanghaiDate } from '../../kernel/calendar';
import { inTransaction } from '../../kernel/db/database';
import { DECIDE, REQUEST, auditOf, inScope, requireScope, type Change, type SharingDeps } from './deps';
import { sharingErrors } from './errors';
import { changed } from './systems';

export interface GrantView {
  id: string;
  resource: { id: string; code: string; name: string };
  providerOrgId: string;
  providerName: string;
  consumerOrgId: string;
  consumerName: string;
  system: { id: string; name: string };
  fields: string[];
  validFrom: string;
  validUntil: string;
  /** active, not yet valid, expired (past its end date) or revoked */
  status: 'active' | 'pending' | 'expired' | 'revoked';
  requestId: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

/** Grants the actor may see: of their department's systems (consumer) or of their department's resources (provider). */
export async function listGrants(deps: SharingDeps, actor: Actor, role: 'consumer' | 'provider' | undefined): Promise<GrantView[]> {
  const rows = await deps.db
    .selectFrom('share_grant')
    .innerJoin('share_system', 'share_system.id', 'share_grant.system_id')
    .selectAll('share_grant')
    .select(['share_system.name as system_name', sql<string>`share_grant.valid_from::text`.as('valid_from'), sql<string>`share_grant.valid_until::text`.as('valid_until')])
    .orderBy('share_grant.created_at', 'desc')
    .limit(1000)
    .execute();
  const [names, index] = await Promise.all([deps.orgNames(), deps.catalog.published()]);
  const today = shanghaiDate(new Date());
  const views: GrantView[] = [];
  for (const g of rows) {
    const asConsumer = role !== 'provider' && (await inScope(deps, actor, REQUEST, g.consumer_org_id));
    const asProvider = role !== 'consumer' && (await inScope(deps, actor, DECIDE, g.provider_org_id));
    if (!asConsumer && !asProvider) continue;
    views.push({
      id: g.id,
      resource: { id: g.resource_id, code: g.resource_code, name: index.byId.get(g.resource_id)?.name ?? g.resource_code },
      providerOrgId: g.provider_org_id,
      providerName: names.get(g.provider_org_id) ?? g.provider_org_id,
      consumerOrgId: g.consumer_org_id,
      consumerName: names.get(g.consumer_org_id) ?? g.consumer_org_id,
      system: { id: g.system_id, name: g.system_name },
      fields: g.fields,
      validFrom: g.valid_from,
      validUntil: g.valid_until,
      status: g.revoked_at ? 'revoked' : today > g.valid_until ? 'expired' : today < g.valid_from ? 'pending' : 'active',
      requestId: g.request_id,
      revokedAt: g.revoked_at?.toISOString() ?? null,
      revokedReason: g.revoked_reason,
    });
  }
  return views;
}

/** The provider withdraws a grant before its end date (e.g. misuse); effective at once on every server copy. */
export async function revokeGrant(deps: SharingDeps, change: Change, id: string, reason: string): Promise<void> {
  const grant = await deps.db.selectFrom('share_grant').selectAll().where('id', '=', id).executeTakeFirst();
  if (!grant) throw sharingErrors.grantNotFound(id);
  await requireScope(deps, change, DECIDE, grant.provider_org_id, 'sharing.grant.revoke', id);
  if (!reason.trim()) throw sharingErrors.reasonRequired();
  await inTransaction(deps.db, async (tx) => {
    const done = await tx.updateTable('share_grant').set({ revoked_at: new Date(), revoked_reason: reason.trim() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw sharingErrors.grantNotFound(id);
    await appendAudit(tx, auditOf(change, 'sharing.grant.revoke', 'share_grant', id, { reason: reason.trim() }));
  });
  changed(deps);
}
