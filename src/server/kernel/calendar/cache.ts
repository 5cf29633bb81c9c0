import { ChangeListener } from '../db/change-listener';
import type { DatabaseScope } from '../db/scope';

/** Triggers on calendar_override and office_hours NOTIFY here when a statement changes them (migration 011). */
export const calendarChannel = 'sy_calendar';

/**
 * Calendar settings kept in memory, because every workflow step reads them
 * (overrides and office hours: a handful of rows that administrators rarely
 * change). Right for several server copies: a change anywhere NOTIFYs every
 * copy, which forgets what it holds; a copy that is not listening (not yet, or
 * the connection was lost) keeps nothing and reads the database each time.
 * A value read while a change was announced is not kept (generation check), and
 * concurrent misses share one read. Values are frozen: callers share them.
 */
export class CalendarSettingsCache {
  private generation = 0;
  private readonly values = new Map<string, unknown>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly listener: ChangeListener;

  constructor(private readonly scope: DatabaseScope) {
    this.listener = new ChangeListener(scope.url, calendarChannel, { onChange: () => this.forget(), onReset: () => this.forget() });
    this.listener.start();
    scope.onClose(() => this.listener.close());
  }

  /** Drops everything held (a change was announced, or this process made one and committed it). */
  forget(): void {
    this.generation += 1;
    this.values.clear();
    this.inFlight.clear();
  }

  /**
   * The cached value of `key`, else `read` it. While listening, the read goes
   * through the database itself (never the caller's transaction, whose snapshot
   * may be older than the last announced change); otherwise through `fallback`,
   * the caller's own connection, exactly as without a cache.
   */
  async get<T>(key: string, read: (db: DatabaseScope['db']) => Promise<T>, fallback: DatabaseScope['db']): Promise<T> {
    if (!this.listener.listening || this.scope.closed) return read(fallback);
    if (this.values.has(key)) return this.values.get(key) as T;
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const generation = this.generation;
    const loading = read(this.scope.db).then(
      (value) => {
        if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
        if (generation === this.generation && this.listener.listening) this.values.set(key, value);
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, loading);
    return loading;
  }
}
