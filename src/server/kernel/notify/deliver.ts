import { appendAudit } from '../audit/write';
import type { Database } from '../db/database';
import { ownTables } from '../db/database';
import type { JobHandler } from '../jobs/runner';
import type { Logger } from '../logger';
import { createAdapters, maskRecipient, scrubRecipient, type Adapters } from './adapters';
import type { NotifyConfig } from './config';
import { defaultMaxAttempts, type DeliverPayload } from './notify';
import type { NotifyDb, NotifyTables } from './tables';

/**
 * The `notify.deliver` job: sends one delivery through its channel's adapter.
 * Success → `sent` (in the job's transaction). A failure is recorded on the row
 * (attempts, masked error) and rethrown so that the job runner retries with its
 * backoff; on the last attempt the row becomes `failed` and the job ends normally
 * (throwing would roll that mark back). Delivery is at least once: a crash between
 * the send and the commit sends again.
 */
export function deliveryHandler(database: Database, options: { config: NotifyConfig; log: Logger; adapters?: Adapters }): JobHandler {
  const adapters = options.adapters ?? createAdapters(options.config, options.log);
  const db = ownTables<NotifyTables>(database);
  return async (tx, payload, job) => {
    const { deliveryId, maxAttempts = defaultMaxAttempts } = payload as DeliverPayload;
    const t = tx as NotifyDb;
    // no row lock: the job's lease already makes this the only runner of this delivery, and the
    // failure bookkeeping below writes the row from outside this transaction
    const row = await t.selectFrom('notification_delivery').selectAll().where('id', '=', deliveryId).executeTakeFirst();
    if (!row || row.status !== 'pending') return;
    const adapter = adapters[row.channel];
    try {
      await adapter.send({ deliveryId: row.id, channel: row.channel, to: row.recipient, subject: row.subject, body: row.body });
    } catch (error) {
      const message = scrubRecipient(`${adapter.name}: ${error instanceof Error ? error.message : String(error)}`, row.channel, row.recipient);
      const last = job.attempts >= maxAttempts;
      if (last) {
        await t.updateTable('notification_delivery').set({ status: 'failed', attempts: job.attempts, last_error: message }).where('id', '=', row.id).execute();
        await appendAudit(tx, { action: 'notify.delivery.failed', objectType: 'notification_delivery', objectId: row.id, result: 'failure', details: { channel: row.channel, to: maskRecipient(row.channel, row.recipient), attempts: job.attempts, error: message } });
        options.log.warn({ deliveryId: row.id, channel: row.channel, attempts: job.attempts }, 'notification delivery failed for good');
        return;
      }
      // visible while it retries; outside the job's transaction, which the rethrow rolls back
      await db.updateTable('notification_delivery').set({ attempts: job.attempts, last_error: message }).where('id', '=', row.id).where('status', '=', 'pending').execute();
      throw new Error(message);
    }
    await t.updateTable('notification_delivery').set({ status: 'sent', attempts: job.attempts, last_error: null, sent_at: new Date() }).where('id', '=', row.id).execute();
  };
}
