import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { createAdapters } from './adapters';
import { loadNotifyConfig } from './config';
import { sendSmtp, SmtpError } from './smtp';

/** A tiny SMTP server: enough of RFC 5321 to accept one message, or refuse a recipient. */
interface Session {
  commands: string[];
  data: string;
}
const sessions: Session[] = [];
const server = net.createServer((socket) => {
  const session: Session = { commands: [], data: '' };
  sessions.push(session);
  let buffer = '';
  let inData = false;
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply('220 fake.smtp ESMTP');
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let i: number;
    while ((i = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      if (inData) {
        if (line === '.') {
          inData = false;
          reply('250 2.0.0 queued');
        } else session.data += `${line}\n`;
        continue;
      }
      session.commands.push(line);
      const verb = line.split(/[ :]/)[0]!.toUpperCase();
      if (verb === 'EHLO') socket.write('250-fake.smtp\r\n250-AUTH LOGIN\r\n250 8BITMIME\r\n');
      else if (verb === 'AUTH') reply('334 VXNlcm5hbWU6');
      else if (session.commands.at(-2)?.startsWith('AUTH')) reply('334 UGFzc3dvcmQ6');
      else if (session.commands.at(-3)?.startsWith('AUTH')) reply(Buffer.from(line, 'base64').toString() === 'secret' ? '235 ok' : '535 bad credentials');
      else if (verb === 'MAIL') reply('250 ok');
      else if (verb === 'RCPT') reply(line.includes('nobody@') ? `550 5.1.1 <${line.slice(9, -1)}> user unknown` : '250 ok');
      else if (verb === 'DATA') {
        inData = true;
        reply('354 go ahead');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
      } else reply('502 not implemented');
    }
  });
});
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `smtp://mailer:secret@127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the minimal SMTP client', () => {
  it('authenticates, sends a UTF-8 message with a Chinese subject, and quits', async () => {
    await sendSmtp(url, { from: 'no-reply@yc.gov.cn', to: 'zhang.san@example.cn', subject: '申请已受理', text: '您的申请已受理。\n.\n谢谢' });
    const s = sessions.at(-1)!;
    expect(s.commands.slice(0, 2)).toEqual(['EHLO smart-yongchuan', 'AUTH LOGIN']);
    expect(s.commands).toContain('MAIL FROM:<no-reply@yc.gov.cn>');
    expect(s.commands).toContain('RCPT TO:<zhang.san@example.cn>');
    expect(s.commands.at(-1)).toBe('QUIT');
    const [head, body] = s.data.split('\n\n') as [string, string];
    expect(head).toContain(`Subject: =?UTF-8?B?${Buffer.from('申请已受理').toString('base64')}?=`);
    expect(Buffer.from(body.replace(/\n/g, ''), 'base64').toString('utf8')).toBe('您的申请已受理。\r\n.\r\n谢谢');
  });

  it('a refused recipient or bad credentials are errors with the SMTP code', async () => {
    const refused = await sendSmtp(url, { from: 'a@b.cn', to: 'nobody@example.cn', subject: 's', text: 't' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SmtpError);
    expect((refused as SmtpError).code).toBe(550);
    await expect(sendSmtp(url.replace('secret', 'wrong'), { from: 'a@b.cn', to: 'c@d.cn', subject: 's', text: 't' })).rejects.toThrow(/AUTH LOGIN password refused: 535/);
    await expect(sendSmtp(url, { from: 'a@b.cn', to: 'c@d.cn>\r\nRCPT TO:<x@y.cn', subject: 's', text: 't' })).rejects.toThrow(/invalid recipient/);
  });

  it('is the e-mail adapter when NOTIFY_EMAIL_ADAPTER=smtp', async () => {
    const adapters = createAdapters(loadNotifyConfig({ NOTIFY_EMAIL_ADAPTER: 'smtp', SMTP_URL: url, NOTIFY_EMAIL_FROM: 'no-reply@yc.gov.cn' }), createLogger('silent'));
    await adapters.email.send({ deliveryId: 'd', channel: 'email', to: 'li@example.cn', subject: 'Hi', body: 'text' });
    expect(sessions.at(-1)!.commands).toContain('RCPT TO:<li@example.cn>');
  });

  it('a server that never answers times out', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    await expect(sendSmtp(`smtp://127.0.0.1:${port}`, { from: 'a@b.cn', to: 'c@d.cn', subject: 's', text: 't' }, { timeoutMs: 200 })).rejects.toThrow(/did not answer|timeout|closed/);
    silent.close();
  });
});
