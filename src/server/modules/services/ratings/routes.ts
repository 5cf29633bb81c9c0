import { Type } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import { can } from '../../../kernel/access';
import { appendAudit } from '../../../kernel/audit/write';
import { httpErrors } from '../../../kernel/http/problem';
import type { App, Kernel } from '../../../kernel/module';
import { orgService, type OrgTables } from '../../org';
import { ownTables } from '../../../kernel/db/database';
import { ratingErrors } from './errors';
import { defaultRectifyDays, RECTIFY, REVIEW, SETTINGS } from './process';
import { myRatings, ratingForStaff } from './queries';
import { MyRating, RatingBody, Settings, StaffRating, Summary } from './schemas';
import { ratingSummaries } from './stats';
import { submitRating } from './submit';
import type { ApplicationView, RatingsDb } from './tables';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const tags = ['services'];
const base = '/api/v1/services/ratings';

/** 好差评: the applicant rates, the public reads the figures, the department reads what it rectifies. */
export function ratingRoutes(app: App, kernel: Kernel, db: RatingsDb): void {
  const orgs = ownTables<OrgTables>(kernel.database);

  app.post<{ Body: RatingBody }>(base, {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '评价办件（一事一评，办结后）/ rate a concluded application, once', body: RatingBody, response: { 201: Type.Object({ id: Type.String(), bad: Type.Boolean(), rectificationNo: Type.Union([Type.String(), Type.Null()]) }), ...errors } },
  }, async (request, reply) => reply.code(201).send(await submitRating(kernel, db, request.actor!, request.body, request.ip ?? null)));

  app.get(`${base}/mine`, {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '我的评价（已办结的办件）/ my concluded applications and their ratings', response: { 200: Type.Object({ items: Type.Array(MyRating) }), 401: problem } },
  }, async (request) => ({ items: await myRatings(db, request.actor!.accountId) }));

  app.get<{ Querystring: { by: 'department' | 'item'; key?: string } }>(`${base}/summary`, {
    config: { access: { public: true } },
    schema: {
      tags,
      summary: '好差评公开统计（按部门、按事项）/ public rating figures per department or item',
      querystring: Type.Object({ by: Type.Union([Type.Literal('department'), Type.Literal('item')]), key: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Summary) }), 400: problem },
    },
  }, async (request) => {
    const items = await ratingSummaries(db, request.query.by, request.query.key);
    if (request.query.by === 'department') {
      const names = new Map((await orgService.list(orgs)).map((o) => [o.id, o.name]));
      for (const item of items) item.name = names.get(item.key) ?? item.key;
    }
    return { items };
  });

  app.get<{ Params: { id: string } }>(`${base}/:id`, {
    config: { access: { anyPermission: [RECTIFY, REVIEW] } },
    schema: { tags, summary: '差评详情（整改部门、复核）/ a rating, for its rectification', params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: { 200: StaffRating, ...errors } },
  }, async (request) => {
    const rating = await ratingForStaff(db, db as unknown as Kysely<ApplicationView>, request.params.id);
    if (!rating) throw ratingErrors.notFound();
    const path = (await kernel.orgs.pathOf(rating.departmentOrgId)) ?? [rating.departmentOrgId];
    const actor = request.actor!;
    if (!can(actor, RECTIFY, { orgPath: path }, kernel.config.zone) && !can(actor, REVIEW, { orgPath: path }, kernel.config.zone)) throw httpErrors.forbiddenScope(RECTIFY);
    return rating;
  });

  app.get(`${base}/settings`, {
    config: { access: { permission: SETTINGS } },
    schema: { tags, summary: '差评整改时限设置 / rectification limit', response: { 200: Settings, ...errors } },
  }, async () => ({ rectifyDays: (await db.selectFrom('service_rating_setting').select('rectify_days').executeTakeFirst())?.rectify_days ?? defaultRectifyDays }));

  app.put<{ Body: { rectifyDays: number } }>(`${base}/settings`, {
    config: { access: { permission: SETTINGS } },
    schema: { tags, summary: '设置差评整改时限（工作日）/ set the rectification limit in working days', body: Settings, response: { 200: Settings, ...errors } },
  }, async (request) => {
    const actor = request.actor!;
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('service_rating_setting')
        .values({ id: true, rectify_days: request.body.rectifyDays, updated_by: actor.accountId })
        .onConflict((oc) => oc.column('id').doUpdateSet({ rectify_days: request.body.rectifyDays, updated_at: new Date(), updated_by: actor.accountId }))
        .execute();
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: request.ip ?? null, action: 'services.rating.settings', objectType: 'service_rating_setting', details: { rectifyDays: request.body.rectifyDays } });
    });
    return { rectifyDays: request.body.rectifyDays };
  });
}
