import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { loadNotifyConfig } from './config';

describe('notification configuration', () => {
  it('defaults to the log adapters', () => {
    expect(loadNotifyConfig({})).toEqual({ sms: { adapter: 'log' }, email: { adapter: 'log', from: 'no-reply@localhost' } });
  });

  it('reads the http SMS gateway and SMTP', () => {
    const c = loadNotifyConfig({ NOTIFY_SMS_ADAPTER: 'http', NOTIFY_SMS_URL: 'https://sms.example.cn/send', NOTIFY_EMAIL_ADAPTER: 'smtp', SMTP_URL: 'smtp://u:p@mail.example.cn:587', NOTIFY_EMAIL_FROM: 'noreply@yc.gov.cn' });
    expect(c.sms).toEqual({ adapter: 'http', url: 'https://sms.example.cn/send', timeoutMs: 10_000 });
    expect(c.email).toMatchObject({ adapter: 'smtp', url: 'smtp://u:p@mail.example.cn:587', from: 'noreply@yc.gov.cn' });
  });

  it('names the variable at fault, and never shows a password', () => {
    const fail = (env: Record<string, string>) => {
      try {
        loadNotifyConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return error as ConfigError;
      }
      throw new Error('accepted');
    };
    expect(fail({ NOTIFY_SMS_ADAPTER: 'aliyun' }).variable).toBe('NOTIFY_SMS_ADAPTER');
    expect(fail({ NOTIFY_SMS_ADAPTER: 'http' }).variable).toBe('NOTIFY_SMS_URL');
    expect(fail({ NOTIFY_SMS_ADAPTER: 'http', NOTIFY_SMS_URL: 'ftp://x' }).variable).toBe('NOTIFY_SMS_URL');
    expect(fail({ NOTIFY_EMAIL_ADAPTER: 'sendmail' }).variable).toBe('NOTIFY_EMAIL_ADAPTER');
    const smtp = fail({ NOTIFY_EMAIL_ADAPTER: 'smtp', SMTP_URL: 'http://user:secret@mail' });
    expect(smtp.variable).toBe('SMTP_URL');
    expect(smtp.message).not.toContain('secret');
    expect(fail({ NOTIFY_SMS_TIMEOUT_MS: '0' }).variable).toBe('NOTIFY_SMS_TIMEOUT_MS');
    expect(fail({ NOTIFY_EMAIL_FROM: 'a b' }).variable).toBe('NOTIFY_EMAIL_FROM');
  });
});
