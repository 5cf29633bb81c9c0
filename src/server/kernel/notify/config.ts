import { ConfigError, type VariableSpec } from '../config';

/**
 * Notification adapters, chosen by environment variables. Read with `loadNotifyConfig(process.env)`;
 * kept beside the notify kernel (not in `kernel/config.ts`) and validated the same way.
 *
 * | variable               | default                 | meaning                                                     |
 * | NOTIFY_SMS_ADAPTER     | log                     | `log` (write a masked log line) or `http` (SMS gateway)     |
 * | NOTIFY_SMS_URL         | —                       | gateway URL for `http`: POST JSON `{ phone, text }` (sensitive if it holds a token) |
 * | NOTIFY_SMS_TIMEOUT_MS  | 10000                   | timeout of one gateway call                                 |
 * | NOTIFY_EMAIL_ADAPTER   | log                     | `log` or `smtp`                                             |
 * | SMTP_URL               | —                       | for `smtp`: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (sensitive) |
 * | NOTIFY_EMAIL_FROM      | no-reply@localhost      | sender address of e-mails                                   |
 */
export interface NotifyConfig {
  sms: { adapter: 'log' } | { adapter: 'http'; url: string; timeoutMs: number };
  email: { adapter: 'log'; from: string } | { adapter: 'smtp'; url: string; from: string; timeoutMs: number };
}

type Env = Record<string, string | undefined>;

export const notifyVariables = ['NOTIFY_SMS_ADAPTER', 'NOTIFY_SMS_URL', 'NOTIFY_SMS_TIMEOUT_MS', 'NOTIFY_EMAIL_ADAPTER', 'SMTP_URL', 'NOTIFY_EMAIL_FROM'] as const;

/** The README rows of these variables (printed by scripts/config-table.ts). */
export const notifyVariableSpecs: VariableSpec[] = [
  { name: 'NOTIFY_SMS_ADAPTER', default: 'log', meaning: 'SMS sending: `log` (write a log line, recipient masked) or `http` (an SMS gateway).', sensitive: false },
  { name: 'NOTIFY_SMS_URL', default: '(none)', meaning: 'SMS gateway URL, required with `http`: receives POST `{ phone, text }`.', sensitive: true },
  { name: 'NOTIFY_SMS_TIMEOUT_MS', default: '10000', meaning: 'Timeout of one gateway call.', sensitive: false },
  { name: 'NOTIFY_EMAIL_ADAPTER', default: 'log', meaning: 'E-mail sending: `log` or `smtp`.', sensitive: false },
  { name: 'SMTP_URL', default: '(none)', meaning: 'SMTP server, required with `smtp`: `smtp://user:pass@host:587` (STARTTLS) or `smtps://…:465`.', sensitive: true },
  { name: 'NOTIFY_EMAIL_FROM', default: 'no-reply@localhost', meaning: 'Sender address of platform e-mail.', sensitive: false },
];

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, values.join(' | '), raw);
}

/** A URL with one of the protocols; the value shown in the error hides a password. */
function url(env: Env, name: string, protocols: string[]): string {
  const raw = env[name];
  const shown = (raw ?? '').replace(/\/\/[^@/]*@/, '//***@');
  if (raw === undefined || raw === '') throw new ConfigError(name, `a ${protocols.join(' or ')} URL (required by the chosen adapter)`, '');
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `a ${protocols.join(' or ')} URL`, shown);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, '')) || !parsed.hostname) throw new ConfigError(name, `a ${protocols.join(' or ')} URL`, shown);
  return raw;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(name, `an integer from ${min} to ${max}`, raw);
  return Number(raw);
}

const plainAddress = /^[^\s@<>"]+@[^\s@<>"]+$/;

export function loadNotifyConfig(env: Env): NotifyConfig {
  const smsAdapter = oneOf(env, 'NOTIFY_SMS_ADAPTER', ['log', 'http'] as const, 'log');
  const emailAdapter = oneOf(env, 'NOTIFY_EMAIL_ADAPTER', ['log', 'smtp'] as const, 'log');
  const timeoutMs = integer(env, 'NOTIFY_SMS_TIMEOUT_MS', 10_000, 100, 120_000);
  const from = env.NOTIFY_EMAIL_FROM || 'no-reply@localhost';
  if (!plainAddress.test(from)) throw new ConfigError('NOTIFY_EMAIL_FROM', 'a plain e-mail address such as no-reply@example.gov.cn', from);
  return {
    sms: smsAdapter === 'http' ? { adapter: 'http', url: url(env, 'NOTIFY_SMS_URL', ['http', 'https']), timeoutMs } : { adapter: 'log' },
    email: emailAdapter === 'smtp' ? { adapter: 'smtp', url: url(env, 'SMTP_URL', ['smtp', 'smtps']), from, timeoutMs: 30_000 } : { adapter: 'log', from },
  };
}
