import type { Kysely } from 'kysely';
import type { ApplicationView, RatingsDb } from './tables';
import { concludedApplicationsOf } from './target';

const dimensions = ['overall', 'efficiency', 'guidance', 'convenience', 'usability'] as const;

/** "My ratings": the applicant's concluded applications, each with its rating or none yet. */
export async function myRatings(db: RatingsDb, accountId: string) {
  const apps = await concludedApplicationsOf(db as unknown as Kysely<ApplicationView>, accountId);
  const ratings = apps.length === 0 ? [] : await db.selectFrom('service_rating').selectAll().where('application_id', 'in', apps.map((a) => a.id)).execute();
  return apps.map((a) => {
    const r = ratings.find((x) => x.application_id === a.id);
    return {
      applicationId: a.id,
      applicationNo: a.business_no ?? '',
      itemCode: a.item_code,
      itemName: a.item_name,
      status: a.status,
      concludedAt: (a.decided_at ?? a.updated_at).toISOString(),
      rating: r
        ? { id: r.id, ...Object.fromEntries(dimensions.map((d) => [d, r[d]])), comment: r.comment, anonymous: r.anonymous, bad: r.bad, rectificationState: r.rectification_state, ratedAt: r.rated_at.toISOString() }
        : null,
    };
  });
}

/** A rating as the department sees it while rectifying: the rater's name only when real-name. */
export async function ratingForStaff(db: RatingsDb, applications: Kysely<ApplicationView>, id: string) {
  const r = await db.selectFrom('service_rating').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const app = r.anonymous ? null : await applications.selectFrom('service_application').select('applicant_name').where('id', '=', r.application_id).executeTakeFirst();
  const visits = await db.selectFrom('service_rating_visit').selectAll().where('rating_id', '=', id).orderBy('visited_at').execute();
  return {
    id: r.id,
    applicationId: r.application_id,
    applicationNo: r.application_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    departmentOrgId: r.department_org_id,
    rater: r.anonymous ? null : (app?.applicant_name ?? null),
    anonymous: r.anonymous,
    ...Object.fromEntries(dimensions.map((d) => [d, r[d]])),
    comment: r.comment,
    bad: r.bad,
    excluded: r.excluded,
    rectificationInstanceId: r.rectification_instance_id,
    rectificationState: r.rectification_state,
    ratedAt: r.rated_at.toISOString(),
    visits: visits.map((v) => ({ method: v.method, result: v.result, note: v.note, visitedAt: v.visited_at.toISOString() })),
  };
}
