import { maskMiddle, maskPhone } from '../../../shared/validators';
import type { Logger } from '../logger';
import type { NotifyConfig } from './config';
import { sendSmtp, type SmtpOptions } from './smtp';
import type { OutboundChannel } from './tables';

/** One outbound message. `to` is personal data: an adapter never logs it unmasked. */
export interface OutboundMessage {
  deliveryId: string;
  channel: OutboundChannel;
  to: string;
  subject: string;
  body: string;
}

/** Sends or throws; a thrown error makes the delivery job retry. */
export interface Adapter {
  readonly name: string;
  send(message: OutboundMessage): Promise<void>;
}

export type Adapters = Record<OutboundChannel, Adapter>;

/** `13812345678` → `138****5678`; `zhang.san@example.cn` → `z********@example.cn`. */
export function maskRecipient(channel: OutboundChannel, value: string): string {
  if (channel === 'sms') return maskPhone(value);
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskMiddle(value, 1, 0);
  return `${maskMiddle(value.slice(0, at), 1, 0)}${value.slice(at)}`;
}

/** Error text as stored and logged: the recipient, as given or as the server echoed it, is masked. */
export function scrubRecipient(text: string, channel: OutboundChannel, recipient: string): string {
  const masked = maskRecipient(channel, recipient);
  let out = text.split(recipient).join(masked);
  if (channel === 'sms') {
    const digits = recipient.replace(/\D/g, '');
    if (digits.length >= 7) out = out.split(digits).join(maskPhone(digits));
  }
  return out.slice(0, 2000);
}

/** Development default: a log line with the channel and the masked recipient; nothing leaves the server. */
export function logAdapter(log: Logger): Adapter {
  return {
    name: 'log',
    send: async (m) => {
      log.info({ channel: m.channel, to: maskRecipient(m.channel, m.to), deliveryId: m.deliveryId, subject: m.subject, chars: m.body.length }, 'notification (log adapter, not sent)');
    },
  };
}

/** SMS gateway: POST JSON `{ phone, text }` (text: the delivery's body, composed by notify()); any non-2xx answer or a timeout is a failure. */
export function httpSmsAdapter(options: { url: string; timeoutMs: number; fetch?: typeof fetch }): Adapter {
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'http-sms',
    send: async (m) => {
      let res: Response;
      try {
        res = await doFetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phone: m.to, text: m.body }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : String((error as Error).cause ?? (error as Error).message);
        throw new Error(`SMS gateway unreachable: ${reason}`);
      }
      const text = await res.text().catch(() => '');
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}: ${text.slice(0, 300)}`);
    },
  };
}

export function smtpAdapter(options: { url: string; from: string } & SmtpOptions): Adapter {
  return {
    name: 'smtp',
    send: (m) => sendSmtp(options.url, { from: options.from, to: m.to, subject: m.subject, text: m.body }, options),
  };
}

export function createAdapters(config: NotifyConfig, log: Logger): Adapters {
  const logged = logAdapter(log);
  return {
    sms: config.sms.adapter === 'http' ? httpSmsAdapter(config.sms) : logged,
    email: config.email.adapter === 'smtp' ? smtpAdapter(config.email) : logged,
  };
}
