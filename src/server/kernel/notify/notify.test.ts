import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/helpers/app';
import { chainAudit } from '../../../../test/helpers/audit';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { signIn, signInAdmin } from '../../../../test/helpers/session';
import { JobRunner } from '../jobs/runner';
import { createLogger } from '../logger';
import { loadNotifyConfig } from './config';
import { deliveryHandler } from './deliver';
import { notify, type NotifyRequest } from './notify';
import { defineTemplate, type Template } from './templates';

const password = 'Yongchuan@2026';
const phone = '13812345678';
const email = 'zhang.san@example.cn';
const accepted = defineTemplate('test.accepted', {
  zh: { title: '申请{{no}}已受理', body: '{{name}}，您的申请已受理。' },
  en: { title: 'Application {{no}} accepted', body: '{{name}}, your application was accepted.' },
});

let t: TestDatabase;
let app: FastifyInstance;
let leaderId: string;
let clerkId: string;
const logLines: string[] = [];
const log = createLogger('info', { write: (line: string) => void logLines.push(line) });

// a fake SMS gateway: answers with `gatewayStatus`, remembers what it received
let gatewayStatus = 200;
const received: Array<{ phone: string; text: string }> = [];
const gateway = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    received.push(JSON.parse(body) as { phone: string; text: string });
    // a gateway that echoes the number in its error must not put it into our logs or rows
    res.writeHead(gatewayStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ error: gatewayStatus >= 400 ? `quota exceeded for ${phone}` : null }));
  });
});

const db = () => t.database.db;
const count = async (table: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db())).rows[0]!.n;
const accountId = async (username: string) => (await sql<{ id: string }>`SELECT id FROM account WHERE username = ${username}`.execute(db())).rows[0]!.id;
const send = (request: NotifyRequest) => db().transaction().execute((tx) => (typeof request.template === 'string' ? notify(tx, request as NotifyRequest & { template: string }) : notify(tx, request as NotifyRequest & { template: Template })));

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database);
  leaderId = await accountId('leader');
  clerkId = await accountId('clerk');
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => gateway.close(resolve));
  await app.close();
  await t.drop();
});
beforeEach(async () => {
  received.length = 0;
  gatewayStatus = 200;
});

function smsRunner() {
  const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  const config = loadNotifyConfig({ NOTIFY_SMS_ADAPTER: 'http', NOTIFY_SMS_URL: url, NOTIFY_SMS_TIMEOUT_MS: '2000' });
  return new JobRunner(t.database, log).handle('notify.deliver', deliveryHandler(t.database, { config, log }));
}

describe('notify()', () => {
  it('writes nothing when the change that caused it rolls back', async () => {
    const before = [await count('notification'), await count('notification_delivery'), await count('job')];
    await expect(
      db().transaction().execute(async (tx) => {
        await notify(tx, { accountId: leaderId, template: accepted, vars: { no: 'SP1', name: '孙区长' }, sms: phone, email });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect([await count('notification'), await count('notification_delivery'), await count('job')]).toEqual(before);
  });

  it('refuses a bad template use, a missing recipient or an outside link, before writing anything', async () => {
    // @ts-expect-error -- unknown variable, caught by the compiler too
    await expect(db().transaction().execute((tx) => notify(tx, { accountId: leaderId, template: accepted, vars: { no: 'x', name: 'y', extra: 1 } }))).rejects.toThrow(/unknown variable extra/);
    await expect(send({ accountId: leaderId, template: accepted, vars: { no: 'x', name: 'y' }, channels: ['sms'] })).rejects.toThrow(/sms needs a valid phone/);
    await expect(send({ accountId: leaderId, template: accepted, vars: { no: 'x', name: 'y' }, link: 'https://evil.example' })).rejects.toThrow(/link/);
  });
});

describe('in-app messages over HTTP', () => {
  it('lists my own messages newest first, counts unread, marks one and all read; another account’s message is 404', async () => {
    const first = await send({ accountId: leaderId, template: accepted, vars: { no: 'SP2026112600001', name: '孙区长' }, link: '/workbench/requests/1' });
    const second = await send({ accountId: leaderId, template: 'test.accepted', vars: { no: 'SP2026112600002', name: '孙区长' } });
    const clerks = await send({ accountId: clerkId, template: accepted, vars: { no: 'SP2026112600003', name: '李窗口' } });

    const leader = await signIn(app, 'leader', password);
    const list = (await leader.request('GET', '/api/v1/notifications')).json();
    expect(list.items.map((n: { id: string }) => n.id)).toEqual([second.notificationId, first.notificationId]);
    expect(list.items[1]).toMatchObject({
      title: { zh: '申请SP2026112600001已受理', en: 'Application SP2026112600001 accepted' },
      body: { zh: '孙区长，您的申请已受理。' },
      link: '/workbench/requests/1',
      readAt: null,
    });
    expect((await leader.request('GET', '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 2 });

    const read = await leader.request('POST', `/api/v1/notifications/${first.notificationId}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await leader.request('POST', `/api/v1/notifications/${first.notificationId}/read`)).json().readAt).toBe(read.json().readAt);
    expect((await leader.request('GET', '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await leader.request('GET', '/api/v1/notifications?unread=true')).json().items.map((n: { id: string }) => n.id)).toEqual([second.notificationId]);
    expect((await leader.request('GET', `/api/v1/notifications?limit=1&before=${second.notificationId}`)).json().items.map((n: { id: string }) => n.id)).toEqual([first.notificationId]);

    const foreign = await leader.request('POST', `/api/v1/notifications/${clerks.notificationId}/read`);
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
    expect((await leader.request('POST', '/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);

    expect((await leader.request('POST', '/api/v1/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await leader.request('GET', '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    const clerk = await signIn(app, 'clerk', password);
    expect((await clerk.request('GET', '/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);

    await chainAudit(t);
    const audited = await sql<{ action: string }>`SELECT action FROM audit_log WHERE action LIKE 'notify.%' ORDER BY seq`.execute(db());
    expect(audited.rows.map((r) => r.action)).toEqual(['notify.read', 'notify.read-all']);
  });
});

describe('SMS and e-mail deliveries', () => {
  it('sends an SMS through the HTTP gateway and marks it sent', async () => {
    const { deliveryIds } = await send({ accountId: leaderId, template: accepted, vars: { no: 'SP9', name: '孙区长' }, sms: phone, channels: ['sms'] });
    expect(await smsRunner().runOnce()).toBe(1);
    expect(received).toEqual([{ phone, text: '申请SP9已受理：孙区长，您的申请已受理。' }]);
    const row = (await sql<{ status: string; attempts: number; sent_at: Date | null }>`SELECT status, attempts, sent_at FROM notification_delivery WHERE id = ${deliveryIds[0]}`.execute(db())).rows[0]!;
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(row.sent_at).toBeInstanceOf(Date);
  });

  it('a failing gateway makes the job retry with backoff; after the last attempt the delivery is failed and visible to operators', async () => {
    gatewayStatus = 500;
    const { deliveryIds } = await send({ accountId: leaderId, template: accepted, vars: { no: 'SP10', name: '孙区长' }, sms: phone, maxAttempts: 3 });
    const id = deliveryIds[0]!;
    const delivery = async () => (await sql<{ status: string; attempts: number; last_error: string | null }>`SELECT status, attempts, last_error FROM notification_delivery WHERE id = ${id}`.execute(db())).rows[0]!;
    const job = async () => (await sql<{ status: string; run_at: Date }>`SELECT status, run_at FROM job WHERE unique_key = ${`notify.deliver:${id}`}`.execute(db())).rows[0]!;
    const runner = smsRunner();

    expect(await runner.runOnce()).toBe(1);
    expect(await delivery()).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('SMS gateway answered 500') });
    expect((await job()).status).toBe('pending');
    expect((await job()).run_at.getTime()).toBeGreaterThan(Date.now() + 1000); // backoff
    expect(await runner.runOnce()).toBe(0);

    for (const attempt of [2, 3]) {
      await sql`UPDATE job SET run_at = now() WHERE unique_key = ${`notify.deliver:${id}`}`.execute(db());
      expect(await runner.runOnce()).toBe(1);
      expect((await delivery()).attempts).toBe(attempt);
    }
    const failed = await delivery();
    expect(failed.status).toBe('failed');
    expect(failed.last_error).toContain('138****5678');
    expect(failed.last_error).not.toContain(phone);
    expect(received).toHaveLength(3);

    const { session } = await signInAdmin(app, 'sysadmin', password);
    const list = (await session.request('GET', '/api/v1/notify/deliveries?status=failed')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id, channel: 'sms', recipient: '138****5678', status: 'failed', attempts: 3 });
    const leader = await signIn(app, 'leader', password);
    expect((await leader.request('GET', '/api/v1/notify/deliveries')).statusCode).toBe(403);
  });

  it('the log adapter writes the channel and a masked recipient, and no log line ever holds a recipient unmasked', async () => {
    await send({ accountId: clerkId, template: accepted, vars: { no: 'SP11', name: '李窗口' }, email, channels: ['email'] });
    const runner = new JobRunner(t.database, log).handle('notify.deliver', deliveryHandler(t.database, { config: loadNotifyConfig({}), log }));
    expect(await runner.runOnce()).toBe(1);
    const line = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.channel === 'email');
    expect(line).toMatchObject({ channel: 'email', to: 'z********@example.cn', msg: expect.stringContaining('log adapter') });
    expect(logLines.length).toBeGreaterThan(1); // the failed SMS attempts above were logged too
    const all = logLines.join('\n');
    expect(all).not.toContain(phone);
    expect(all).not.toContain(email);
  });
});
