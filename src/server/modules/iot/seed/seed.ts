/**
 * Start-up: the partitions of today and tomorrow exist before the first reading (always).
 * Demo only: the demo device types and ~50 demo devices around Yongchuan's centre, owned by the
 * seeded departments. Their tokens are random and never printed; a developer who wants to send
 * data as a demo device gets a fresh token with `npx tsx src/server/modules/iot/dev-token.ts <id>`
 * (refused in production). Idempotent: a second start adds nothing.
 */
import type { Kernel } from '../../../kernel/module';
import { newToken, tokenHash } from '../credentials';
import type { Locate } from '../registry/location';
import { resolveOwner } from '../registry/owner';
import { bumpRegistryVersion } from '../registry/version';
import type { IotRuntime } from '../runtime';
import { ensureAhead } from '../storage/maintenance';
import type { IotDb, IotTables } from '../store';
import type { Insertable } from 'kysely';
import { centre, demoFleet, demoTypes } from './demo-types';
import { seedDemoRules } from './demo-rules';

/** A small deterministic generator, so that every demo database has the same devices. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export async function seedIot(kernel: Kernel, db: IotDb, runtime: IotRuntime, locate: Locate, demo: boolean): Promise<{ types: number; devices: number }> {
  const failed = await ensureAhead(runtime.partitions, Date.now(), 1);
  if (failed.length > 0) kernel.log.warn({ days: failed.map((d) => new Date(d).toISOString()) }, 'iot: partitions for today/tomorrow could not be created');
  if (!demo) return { types: 0, devices: 0 };
  const next = lcg(500118);
  const devices: Array<Insertable<IotTables['device']>> = [];
  for (const fleet of demoFleet) {
    const type = demoTypes.find((t) => t.code === fleet.type)!;
    const owner = await resolveOwner(kernel, fleet.owner);
    if (!owner) continue;
    const spread = fleet.type === 'SOIL' ? 0.12 : 0.035;
    for (let k = 1; k <= fleet.count; k += 1) {
      const lng = Math.round((centre.lng + (next() * 2 - 1) * spread) * 1e6) / 1e6;
      const lat = Math.round((centre.lat + (next() * 2 - 1) * spread * 0.8) * 1e6) / 1e6;
      const where = await locate(lng, lat);
      devices.push({
        id: `${type.prefix}-${String(k).padStart(4, '0')}`,
        type_code: type.code,
        name: `${fleet.label} ${k} 号`,
        owner_org_id: owner.id,
        lng,
        lat,
        unit_grid_code: where.unitGridCode,
        community_code: where.communityCode,
        street_code: where.streetCode,
        install_date: `2026-0${1 + (k % 9)}-1${k % 10}`,
        credential_hash: tokenHash(newToken()),
        demo: true,
      });
    }
  }
  return db.transaction().execute(async (tx) => {
    const types = await tx
      .insertInto('device_type')
      .values(demoTypes.map((t) => ({ code: t.code, name_zh: t.nameZh, name_en: t.nameEn, quantities: JSON.stringify(t.quantities), expected_interval_seconds: t.expectedIntervalSeconds, demo: true, updated_by: null })))
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    const inserted = devices.length === 0 ? { numInsertedOrUpdatedRows: 0n } : await tx.insertInto('device').values(devices).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    const counts = { types: Number(types.numInsertedOrUpdatedRows ?? 0), devices: Number(inserted.numInsertedOrUpdatedRows ?? 0) };
    if (counts.types + counts.devices > 0) await bumpRegistryVersion(tx);
    return counts;
  }).then(async (counts) => {
    const rules = await seedDemoRules(db);
    if (rules > 0) kernel.log.info({ rules }, 'iot: seeded DEMO alarm rules');
    return counts;
  });
}
