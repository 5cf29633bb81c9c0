import type { Generated, Kysely } from 'kysely';

export interface JobTables {
  job: {
    id: string;
    name: string;
    payload: unknown;
    run_at: Generated<Date>;
    status: Generated<'pending' | 'running' | 'done' | 'dead'>;
    attempts: Generated<number>;
    max_attempts: Generated<number>;
    last_error: string | null;
    locked_by: string | null;
    locked_until: Date | null;
    unique_key: string | null;
    created_at: Generated<Date>;
    finished_at: Date | null;
  };
  outbox_event: { id: string; type: string; payload: unknown; created_at: Generated<Date> };
}

export type JobDb = Kysely<JobTables>;
export const jobChannel = 'sy_jobs';
