import pg from 'pg';

export interface ChangeHandlers {
  /** a notification arrived on the channel */
  onChange(payload: string | undefined): void;
  /** listening started, or was lost: changes may have been missed, so forget what was learnt before */
  onReset(): void;
}

/**
 * LISTENs on one channel over its own connection (outside the pool, so that it
 * never takes a connection that requests need), and says whether it is
 * listening right now. A lost connection (database restart) is retried after
 * `retryMs`; it never takes the process down.
 */
export class ChangeListener {
  private client: pg.Client | null = null;
  private listeningNow = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: ChangeHandlers,
    private readonly retryMs = 1000,
  ) {}

  /** True only while notifications on the channel are sure to arrive. */
  get listening(): boolean {
    return this.listeningNow;
  }

  start(): void {
    if (this.closed || this.client) return;
    const client = new pg.Client({ connectionString: this.url, application_name: `smart-yongchuan:${this.channel}` });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.listeningNow = false;
      this.handlers.onReset();
      void client.end().catch(() => undefined);
      if (!this.closed) this.retry = setTimeout(() => this.start(), this.retryMs).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.onChange(message.payload);
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`))
      .then(() => {
        if (this.client !== client) return;
        this.listeningNow = true;
        this.handlers.onReset();
      })
      .catch(lost);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeningNow = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }
}
