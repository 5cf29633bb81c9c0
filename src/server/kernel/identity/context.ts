import type { Pool } from 'pg';
import type { Config } from '../config';
import type { FieldKeys } from '../crypto';
import type { Logger } from '../logger';
import type { OrgDirectory } from './org-directory';
import type { IdentityDb } from './tables';

/** What identity services need; built once at start-up. */
export interface IdentityContext {
  db: IdentityDb;
  /** the raw pool, for the one hot query that uses a named (prepared) statement */
  pool: Pool;
  config: Config;
  keys: FieldKeys;
  orgs: OrgDirectory;
  log: Logger;
}

/** Who asks, as far as the audit log is concerned. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}
