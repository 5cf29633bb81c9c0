import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/database';
import type { Logger } from './logger';
import type { PermissionDef } from './access';

/** What the kernel hands to every module. */
export interface Kernel {
  config: Config;
  database: Database;
  log: Logger;
}

export type App = FastifyInstance;

/** The module contract (DESIGN §2): a module's ONLY public surface besides its service API. */
export interface Module {
  /** e.g. 'org', 'cases'; also the migration namespace. */
  name: string;
  /** Absolute path of the folder of `NNN_name.sql` files. */
  migrations: string;
  permissions: PermissionDef[];
  routes(app: App, kernel: Kernel): void | Promise<void>;
  seed?(kernel: Kernel, options: { demo: boolean }): Promise<void>;
}
