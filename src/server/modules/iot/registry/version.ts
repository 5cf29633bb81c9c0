import { sql } from 'kysely';
import type { IotDb } from '../store';

/** In the transaction of every registry change: each copy's ingestion reloads its snapshot when this moves. */
export async function bumpRegistryVersion(tx: IotDb): Promise<void> {
  await sql`INSERT INTO device_registry_version (id, version) VALUES (true, 1)
            ON CONFLICT (id) DO UPDATE SET version = device_registry_version.version + 1, changed_at = now()`.execute(tx);
}

/** 0 before the first change. */
export async function registryVersion(db: IotDb): Promise<number> {
  return Number((await db.selectFrom('device_registry_version').select('version').executeTakeFirst())?.version ?? 0);
}
