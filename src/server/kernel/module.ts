import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/database';
import type { Logger } from './logger';
import type { PermissionDef } from './access';
import type { FieldKeys } from './crypto';
import type { EventBus, EventHandler } from './events/bus';
import type { OrgDirectory } from './identity/org-directory';
import type { JobRunner } from './jobs/runner';
import type { ProcessDefinition } from './workflow/definition';
import type { WorkflowEngine } from './workflow/engine';
import type { TransitionHook } from './workflow/context';
import type { FileSettings } from './files/settings';
import type { FileStore } from './files/store';

/** What the kernel hands to every module. */
export interface Kernel {
  config: Config;
  database: Database;
  log: Logger;
  keys: FieldKeys;
  orgs: OrgDirectory;
  /** background work, safe with several server copies */
  jobs: JobRunner;
  /** transactional outbox: publish in a transaction, subscribers run after commit */
  events: EventBus;
  /** the one workflow engine */
  workflow: WorkflowEngine;
  /** where attachments live (local disk or S3-compatible), and their limits */
  files: { store: FileStore; settings: FileSettings };
}

export type App = FastifyInstance;

/** The module contract (DESIGN §2): a module's ONLY public surface besides its service API. */
export interface Module {
  /** e.g. 'org', 'cases'; also the migration namespace. */
  name: string;
  /** Absolute path of the folder of `NNN_name.sql` files. */
  migrations: string;
  permissions: PermissionDef[];
  /** built-in role code → this module's permissions that the role receives */
  grants?: Record<string, string[]>;
  routes(app: App, kernel: Kernel): void | Promise<void>;
  /** workflow definitions this module runs */
  processes?: ProcessDefinition[];
  /** process key → code run inside each transition's transaction (keeps the module's own rows in step) */
  onTransition?: Record<string, TransitionHook>;
  /** event type → handler, registered at start-up under the name `<module>.<type>` */
  subscribe?: Record<string, EventHandler>;
  /** the org module provides the organisation directory to the kernel */
  orgDirectory?(kernel: Pick<Kernel, 'database'>): OrgDirectory;
  seed?(kernel: Kernel, options: { demo: boolean }): Promise<void>;
  /** background work (recurring jobs), registered once when the kernel is assembled */
  background?(kernel: Kernel): void;
  /**
   * Listeners besides HTTP (e.g. the MQTT broker), started by the platform after HTTP listens and
   * stopped before the database closes. Not started by apps built for tests (they start their own).
   */
  serve?(kernel: Kernel): Promise<Served>;
}

export interface Served {
  /** where it listens, for the start-up log */
  describe: Record<string, unknown>;
  stop(): Promise<void>;
}
