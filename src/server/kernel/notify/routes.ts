import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { appendAudit } from '../audit/write';
import { AppError } from '../http/problem';
import { maskRecipient } from './adapters';
import type { DeliveryStatus, NotifyDb, NotifyTables } from './tables';

const problem = { $ref: 'Problem#' } as const;
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Notification = Type.Object({
  id: Type.String(),
  template: Type.String(),
  title: Bilingual,
  body: Bilingual,
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
const Delivery = Type.Object({
  id: Type.String(),
  notificationId: Type.Union([Type.String(), Type.Null()]),
  template: Type.String(),
  channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
  recipient: Type.String({ description: 'masked: 138****5678' }),
  subject: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
});
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

const notFound = () => new AppError(404, 'NOTIFICATION_NOT_FOUND', '消息不存在', 'No such notification');

type Row = NotifyTables['notification'] & { created_at: Date };
const present = (r: Row) => ({
  id: r.id,
  template: r.template,
  title: { zh: r.title_zh, en: r.title_en },
  body: { zh: r.body_zh, en: r.body_en },
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
});

/** 消息中心: each signed-in account sees and marks only its own messages; operators watch the outbox. */
export function notifyRoutes(app: FastifyInstance, db: NotifyDb): void {
  app.get<{ Querystring: { unread?: boolean; limit?: number; before?: string } }>(
    '/api/v1/notifications',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['notify'],
        summary: '我的消息（新的在前）/ my notifications, newest first',
        querystring: Type.Object(
          {
            unread: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
            before: Type.Optional(Type.String({ format: 'uuid', description: 'id of the last item of the previous page' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Notification) }), 400: problem, 401: problem },
      },
    },
    async (request) => {
      const actor = request.actor!;
      let query = db.selectFrom('notification').selectAll().where('account_id', '=', actor.accountId);
      if (request.query.unread) query = query.where('read_at', 'is', null);
      if (request.query.before) query = query.where('id', '<', request.query.before);
      // ids are UUID v7: time-ordered, so ordering by id is newest first and pages are stable
      const rows = await query.orderBy('id', 'desc').limit(request.query.limit ?? 20).execute();
      return { items: rows.map((r) => present(r as Row)) };
    },
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['notify'], summary: '未读消息数 / number of unread notifications', response: { 200: Type.Object({ unread: Type.Integer() }), 401: problem } },
    },
    async (request) => {
      const row = await db
        .selectFrom('notification')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('account_id', '=', request.actor!.accountId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return { unread: row.n };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/notifications/:id/read',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['notify'], summary: '标为已读 / mark one notification read', params: Id, response: { 200: Notification, 400: problem, 401: problem, 404: problem } },
    },
    async (request) => {
      const actor = request.actor!;
      const row = await db.transaction().execute(async (tx) => {
        // another account's message is "not found": its existence is not revealed
        const updated = await tx
          .updateTable('notification')
          .set({ read_at: new Date() })
          .where('id', '=', request.params.id)
          .where('account_id', '=', actor.accountId)
          .where('read_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (updated) {
          await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: request.ip, action: 'notify.read', objectType: 'notification', objectId: updated.id });
          return updated;
        }
        return tx.selectFrom('notification').selectAll().where('id', '=', request.params.id).where('account_id', '=', actor.accountId).executeTakeFirst();
      });
      if (!row) throw notFound();
      return present(row as Row);
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: { authenticated: true } },
      schema: { tags: ['notify'], summary: '全部标为已读 / mark all my notifications read', response: { 200: Type.Object({ updated: Type.Integer() }), 401: problem } },
    },
    async (request) => {
      const actor = request.actor!;
      const updated = await db.transaction().execute(async (tx) => {
        const result = await tx.updateTable('notification').set({ read_at: new Date() }).where('account_id', '=', actor.accountId).where('read_at', 'is', null).executeTakeFirst();
        const n = Number(result.numUpdatedRows);
        if (n > 0) await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: request.ip, action: 'notify.read-all', objectType: 'account', objectId: actor.accountId, details: { count: n } });
        return n;
      });
      return { updated };
    },
  );

  app.get<{ Querystring: { status?: DeliveryStatus; limit?: number } }>(
    '/api/v1/notify/deliveries',
    {
      config: { access: { permission: 'notify:monitor' } },
      schema: {
        tags: ['notify'],
        summary: '短信和邮件发送记录（收件人脱敏）/ outbound SMS and e-mail deliveries, recipients masked',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('sent'), Type.Literal('failed')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Delivery) }), 400: problem, 401: problem, 403: problem },
      },
    },
    async (request) => {
      let query = db.selectFrom('notification_delivery').selectAll();
      if (request.query.status) query = query.where('status', '=', request.query.status);
      const rows = await query.orderBy('id', 'desc').limit(request.query.limit ?? 50).execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          notificationId: r.notification_id,
          template: r.template,
          channel: r.channel,
          recipient: maskRecipient(r.channel, r.recipient),
          subject: r.subject,
          status: r.status,
          attempts: r.attempts,
          lastError: r.last_error,
          createdAt: r.created_at.toISOString(),
          sentAt: r.sent_at ? r.sent_at.toISOString() : null,
        })),
      };
    },
  );
}
