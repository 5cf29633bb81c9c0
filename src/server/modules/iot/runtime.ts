/**
 * The per-process parts of the iot module, one set per database (shared by the routes, the jobs
 * and other modules such as the MQTT broker of the next slice): the registry snapshot, the
 * partition keeper and the ingestion pipeline.
 */
import type { Database } from '../../kernel/db/database';
import { ownTables } from '../../kernel/db/database';
import type { Logger } from '../../kernel/logger';
import { Ingestion, type IngestionOptions } from './ingest/pipeline';
import { RegistryCache } from './ingest/registry-cache';
import { PartitionKeeper } from './storage/partitions';
import type { IotTables } from './store';
import type { AlarmEvaluator } from './rules/evaluator';
import { RuleSet } from './rules/rule-set';

export interface IotRuntime {
  registry: RegistryCache;
  partitions: PartitionKeeper;
  ingestion: Ingestion;
  /** the enabled alarm rules */
  rules: RuleSet;
  /** evaluates committed readings against the rules; attached with the module's background work (it publishes events) */
  alarms: AlarmEvaluator | null;
}

const runtimes = new WeakMap<Database, IotRuntime>();

export function iotRuntime(kernel: { database: Database; log: Logger }, options: IngestionOptions = {}): IotRuntime {
  let runtime = runtimes.get(kernel.database);
  if (!runtime) {
    const db = ownTables<IotTables>(kernel.database);
    const registry = new RegistryCache(db, { log: kernel.log });
    const partitions = new PartitionKeeper(db, kernel.log);
    runtime = { registry, partitions, ingestion: new Ingestion(kernel.database.pool, registry, partitions, kernel.log, options), rules: new RuleSet(db), alarms: null };
    runtimes.set(kernel.database, runtime);
  }
  return runtime;
}
