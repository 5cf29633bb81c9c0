import { v7 as uuidv7 } from 'uuid';
import type { AnyTx } from '../audit/write';
import { enqueue } from '../jobs/enqueue';
import { renderTemplate, type Lang, type Template, type TemplateVars } from './templates';
import type { Channel, NotifyDb, OutboundChannel } from './tables';

export const deliverJob = 'notify.deliver';
/** Retries after 2, 4, 8 … s (the job runner's backoff): about 8.5 minutes in all before a send is given up. */
export const defaultMaxAttempts = 9;

export interface DeliverPayload {
  deliveryId: string;
  maxAttempts: number;
}

/** A template object (its variables checked by the compiler) or a registered key (checked when rendered). */
export type TemplateUse<V extends string = string> = { template: Template<V>; vars: TemplateVars<V> } | { template: string; vars: Record<string, string | number> };

export type NotifyRequest<V extends string = string> = NotifyOptions & TemplateUse<V>;

export interface NotifyOptions {
  /** whose in-app inbox receives it (and whom the deliveries concern) */
  accountId: string;
  /** default: in-app, plus `sms` / `email` when a recipient for it is given */
  channels?: Channel[];
  /** mobile phone number for SMS (personal data: stored for sending, masked everywhere else) */
  sms?: string;
  /** e-mail address */
  email?: string;
  /** where the in-app message leads, a path inside the platform: `/workbench/cases/…` */
  link?: string;
  /** language of SMS and e-mail (in-app messages keep both); default zh */
  lang?: Lang;
  /** attempts before a delivery is marked failed (default 9) */
  maxAttempts?: number;
}

export interface NotifyResult {
  notificationId: string | null;
  deliveryIds: string[];
}

export class NotifyError extends Error {
  override name = 'NotifyError';
}

const emailPattern = /^[^\s@<>"]+@[^\s@<>".]+(\.[^\s@<>".]+)+$/;
const phonePattern = /^\+?[0-9][0-9 -]{5,18}[0-9]$/;

/**
 * Writes the in-app message and, per extra channel, a delivery row and its `notify.deliver`
 * job, all in the caller's transaction: a notification exists exactly when the change that
 * caused it commits. Throws (rolling the caller back) on a bad template use or recipient.
 */
export async function notify<V extends string>(tx: AnyTx, request: NotifyOptions & { template: Template<V>; vars: TemplateVars<V> }): Promise<NotifyResult>;
export async function notify(tx: AnyTx, request: NotifyOptions & { template: string; vars: Record<string, string | number> }): Promise<NotifyResult>;
export async function notify(tx: AnyTx, request: NotifyRequest): Promise<NotifyResult> {
  const db = tx as NotifyDb;
  const rendered = typeof request.template === 'string' ? renderTemplate(request.template, request.vars) : renderTemplate(request.template as Template, request.vars as Record<string, string | number>);
  const key = typeof request.template === 'string' ? request.template : request.template.key;
  const channels = new Set<Channel>(request.channels ?? ['inapp', ...(request.sms ? (['sms'] as const) : []), ...(request.email ? (['email'] as const) : [])]);
  if (channels.size === 0) throw new NotifyError('notify: no channel');
  for (const c of channels) if (!['inapp', 'sms', 'email'].includes(c)) throw new NotifyError(`notify: unknown channel ${String(c)}`);
  if (request.link !== undefined && !(request.link.startsWith('/') && !request.link.startsWith('//'))) {
    throw new NotifyError('notify: link must be a path inside the platform, starting with a single /');
  }
  const recipients: Partial<Record<OutboundChannel, string>> = {};
  if (channels.has('sms')) {
    const phone = request.sms?.trim();
    if (!phone || !phonePattern.test(phone)) throw new NotifyError('notify: channel sms needs a valid phone number in `sms`');
    recipients.sms = phone;
  }
  if (channels.has('email')) {
    const email = request.email?.trim();
    if (!email || !emailPattern.test(email)) throw new NotifyError('notify: channel email needs a valid address in `email`');
    recipients.email = email;
  }

  const maxAttempts = request.maxAttempts ?? defaultMaxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 50) throw new NotifyError('notify: maxAttempts must be 1 to 50');

  let notificationId: string | null = null;
  if (channels.has('inapp')) {
    notificationId = uuidv7();
    await db
      .insertInto('notification')
      .values({
        id: notificationId,
        account_id: request.accountId,
        template: key,
        title_zh: rendered.zh.title,
        title_en: rendered.en.title,
        body_zh: rendered.zh.body,
        body_en: rendered.en.body,
        link: request.link ?? null,
      })
      .execute();
  }

  const lang = request.lang ?? 'zh';
  const text = rendered[lang];
  const deliveryIds: string[] = [];
  for (const channel of ['sms', 'email'] as const) {
    const recipient = recipients[channel];
    if (!recipient) continue;
    const id = uuidv7();
    await db
      .insertInto('notification_delivery')
      .values({
        id,
        notification_id: notificationId,
        account_id: request.accountId,
        template: key,
        channel,
        recipient,
        subject: text.title,
        // an SMS is one text: title and body; an e-mail has the title as its subject
        body: channel === 'sms' ? (text.body ? `${text.title}${lang === 'zh' ? '：' : ': '}${text.body}` : text.title) : text.body,
        last_error: null,
        sent_at: null,
      })
      .execute();
    const payload: DeliverPayload = { deliveryId: id, maxAttempts };
    await enqueue(tx, deliverJob, payload, { maxAttempts, uniqueKey: `${deliverJob}:${id}` });
    deliveryIds.push(id);
  }
  return { notificationId, deliveryIds };
}
