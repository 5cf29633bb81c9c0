import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AnyTx } from '../audit/write';
import { enqueue } from '../jobs/enqueue';
import type { JobRunner } from '../jobs/runner';
import type { JobDb } from '../jobs/store';

export interface PlatformEvent<T = unknown> {
  id: string;
  type: string;
  payload: T;
}

/** Runs in the transaction that records its delivery: its database effects happen once per event. */
export type EventHandler = (tx: AnyTx, event: PlatformEvent) => Promise<void>;

/**
 * Transactional outbox (DESIGN §3): `publish` writes the event and one delivery
 * job per subscriber in the caller's transaction, so an event exists exactly
 * when its change committed, and a crash between commit and dispatch loses
 * nothing: any server copy's job runner delivers it later, with retries.
 */
export class EventBus {
  private readonly subscribers = new Map<string, Array<{ name: string; handler: EventHandler }>>();

  constructor(private readonly runner: JobRunner) {}

  /** `name` identifies the subscriber (e.g. `cases.openCaseFromAlarm`); keep it stable across versions. */
  subscribe(type: string, name: string, handler: EventHandler): void {
    const list = this.subscribers.get(type) ?? [];
    if (list.some((s) => s.name === name)) throw new Error(`subscriber ${name} is already registered for ${type}`);
    list.push({ name, handler });
    this.subscribers.set(type, list);
    this.runner.handle(jobName(type, name), (tx, payload) => handler(tx, payload as PlatformEvent));
  }

  async publish<T>(tx: AnyTx, type: string, payload: T): Promise<string> {
    const id = uuidv7();
    await (tx as JobDb).insertInto('outbox_event').values({ id, type, payload: sql`${JSON.stringify(payload)}::jsonb` }).execute();
    for (const { name } of this.subscribers.get(type) ?? []) {
      await enqueue(tx, jobName(type, name), { id, type, payload }, { uniqueKey: `event:${id}:${name}` });
    }
    return id;
  }
}

const jobName = (type: string, subscriber: string) => `event:${type}:${subscriber}`;
