import type { Kysely } from 'kysely';
import type { ApplicationView } from './tables';

/**
 * 办结: decided (准予/不予), delivered, or not accepted (不予受理 ends the matter too, and is exactly
 * what an applicant may want to rate); the rating follows the conclusion (cn-domain §2).
 */
export const CONCLUDED = ['approved', 'denied', 'delivered', 'not_accepted'];

/** The application as far as a rating needs it; null when there is none. */
export async function applicationToRate(db: Kysely<ApplicationView>, applicationId: string) {
  const row = await db
    .selectFrom('service_application')
    .select(['id', 'business_no', 'item_code', 'item_name', 'deciding_org_id', 'applicant_account_id', 'applicant_name', 'status'])
    .where('id', '=', applicationId)
    .executeTakeFirst();
  return row ?? null;
}

/** The signed-in applicant's concluded applications, newest first (what "my ratings" offers to rate). */
export async function concludedApplicationsOf(db: Kysely<ApplicationView>, accountId: string) {
  return db
    .selectFrom('service_application')
    .select(['id', 'business_no', 'item_code', 'item_name', 'status', 'decided_at', 'updated_at'])
    .where('applicant_account_id', '=', accountId)
    .where('status', 'in', CONCLUDED)
    .orderBy('updated_at', 'desc')
    .limit(100)
    .execute();
}
