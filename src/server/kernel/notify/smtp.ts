import { randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';

/**
 * A minimal SMTP client (RFC 5321) for one message per connection: EHLO, STARTTLS when the
 * server offers it on `smtp://`, AUTH LOGIN when the URL has credentials, MAIL FROM, RCPT TO,
 * DATA. `smtps://` is TLS from the start. The body is UTF-8 plain text, base64-encoded, so no
 * line of it can end the DATA phase. Enough for a relay of the government mail system; not
 * a general mail library (no attachments, no pooling, one recipient).
 */
export interface SmtpMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface SmtpOptions {
  timeoutMs?: number;
  /** extra TLS options, e.g. a private CA of the mail relay */
  tls?: tls.ConnectionOptions;
  /** the name sent with EHLO */
  clientName?: string;
}

export class SmtpError extends Error {
  override name = 'SmtpError';
  constructor(
    message: string,
    readonly code: number | null = null,
  ) {
    super(message);
  }
}

interface Reply {
  code: number;
  lines: string[];
}

const safeAddress = /^[^\s@<>"]+@[^\s@<>"]+$/;

/** `=?UTF-8?B?…?=` for a header with non-ASCII text; CR/LF never reach the header. */
function encodeHeader(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(oneLine) ? oneLine : `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}

export function composeMessage(message: SmtpMessage, now = new Date()): string {
  const domain = message.from.split('@')[1] ?? 'localhost';
  const body = Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').replace(/.{1,76}/g, '$&\r\n');
  return [
    `From: <${message.from}>`,
    `To: <${message.to}>`,
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/** Reads SMTP replies (multi-line `250-…` continued until `250 …`) from a socket. */
class Conversation {
  private buffer = '';
  private replies: Reply[] = [];
  private partial: string[] = [];
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  private socket!: net.Socket;

  constructor(socket: net.Socket, private readonly timeoutMs: number) {
    this.attach(socket);
  }

  attach(socket: net.Socket): void {
    this.socket = socket;
    socket.setTimeout(this.timeoutMs);
    socket.on('data', (chunk: Buffer) => this.onData(chunk.toString('utf8')));
    socket.on('timeout', () => this.fail(new SmtpError(`SMTP server did not answer within ${this.timeoutMs} ms`)));
    socket.on('error', (error) => this.fail(new SmtpError(`SMTP connection failed: ${error.message}`)));
    socket.on('close', () => this.fail(new SmtpError('SMTP server closed the connection')));
  }

  /** Stops listening to the plain socket before it is wrapped in TLS. */
  detach(): net.Socket {
    this.socket.removeAllListeners('data').removeAllListeners('timeout').removeAllListeners('error').removeAllListeners('close');
    return this.socket;
  }

  private onData(text: string): void {
    this.buffer += text;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      const match = /^(\d{3})([ -])(.*)$/.exec(line);
      if (!match) return this.fail(new SmtpError(`unexpected SMTP reply line: ${line.slice(0, 200)}`));
      this.partial.push(match[3]!);
      if (match[2] === ' ') {
        this.replies.push({ code: Number(match[1]), lines: this.partial });
        this.partial = [];
      }
    }
    this.flush();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.flush();
  }

  private flush(): void {
    if (!this.waiting) return;
    const reply = this.replies.shift();
    if (reply) {
      const w = this.waiting;
      this.waiting = null;
      w.resolve(reply);
    } else if (this.failure) {
      const w = this.waiting;
      this.waiting = null;
      w.reject(this.failure);
    }
  }

  read(): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.flush();
    });
  }

  /** Sends a command (or nothing, for the greeting) and expects a reply code. */
  async expect(command: string | null, ok: number[], shownAs = command): Promise<Reply> {
    if (command !== null) this.socket.write(`${command}\r\n`);
    const reply = await this.read();
    if (!ok.includes(reply.code)) {
      throw new SmtpError(`SMTP ${shownAs ?? 'greeting'} refused: ${reply.code} ${reply.lines.join(' ').slice(0, 300)}`, reply.code);
    }
    return reply;
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }
}

function connectSocket(url: URL, options: SmtpOptions): Promise<net.Socket> {
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port || (secure ? 465 : 25));
  return new Promise((resolve, reject) => {
    const socket = secure
      ? tls.connect({ host: url.hostname, port, servername: url.hostname, ...options.tls }, () => resolve(socket))
      : net.connect({ host: url.hostname, port }, () => resolve(socket));
    socket.once('error', (error) => reject(new SmtpError(`SMTP connection failed: ${error.message}`)));
    socket.setTimeout(options.timeoutMs ?? 30_000, () => socket.destroy(new Error('connect timeout')));
  });
}

function upgrade(socket: net.Socket, host: string, options: SmtpOptions): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({ socket, servername: host, ...options.tls }, () => resolve(secure));
    secure.once('error', (error) => reject(new SmtpError(`STARTTLS failed: ${error.message}`)));
  });
}

const offers = (reply: Reply, extension: string) => reply.lines.some((l) => l.toUpperCase().split(' ')[0] === extension);

export async function sendSmtp(smtpUrl: string, message: SmtpMessage, options: SmtpOptions = {}): Promise<void> {
  if (!safeAddress.test(message.from)) throw new SmtpError('invalid sender address');
  if (!safeAddress.test(message.to)) throw new SmtpError('invalid recipient address');
  const url = new URL(smtpUrl);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const name = options.clientName ?? 'smart-yongchuan';
  const conversation = new Conversation(await connectSocket(url, options), timeoutMs);
  try {
    await conversation.expect(null, [220]);
    let ehlo = await conversation.expect(`EHLO ${name}`, [250]);
    if (url.protocol === 'smtp:' && offers(ehlo, 'STARTTLS')) {
      await conversation.expect('STARTTLS', [220]);
      conversation.attach(await upgrade(conversation.detach(), url.hostname, options));
      ehlo = await conversation.expect(`EHLO ${name}`, [250]);
    }
    if (url.username) {
      const user = decodeURIComponent(url.username);
      const password = decodeURIComponent(url.password);
      await conversation.expect('AUTH LOGIN', [334]);
      await conversation.expect(Buffer.from(user).toString('base64'), [334], 'AUTH LOGIN user');
      await conversation.expect(Buffer.from(password).toString('base64'), [235], 'AUTH LOGIN password');
    }
    await conversation.expect(`MAIL FROM:<${message.from}>`, [250], 'MAIL FROM');
    await conversation.expect(`RCPT TO:<${message.to}>`, [250, 251], 'RCPT TO');
    await conversation.expect('DATA', [354]);
    await conversation.expect(`${composeMessage(message)}\r\n.`, [250], 'message');
    await conversation.expect('QUIT', [221]).catch(() => undefined);
  } finally {
    conversation.close();
  }
}
