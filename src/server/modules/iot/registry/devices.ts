/**
 * Devices: create (the token is shown once), change, disable, rotate the token, delete (only a
 * device that never stored a reading; otherwise disable it: records are not deleted). Every change
 * is checked against the actor's scope over the owner organisation, audited, and bumps the
 * registry version so that every copy's ingestion sees it within seconds.
 */
import type { Actor } from '../../../kernel/access';
import type { Kernel } from '../../../kernel/module';
import { newToken, tokenHash } from '../credentials';
import { iotErrors } from '../errors';
import type { DeviceStatus, IotDb } from '../store';
import { auditChange } from './audit';
import { deviceQueries, type DeviceView } from './device-queries';
import { insideChina, type Locate } from './location';
import { requireManage, resolveOwner } from './owner';
import { bumpRegistryVersion } from './version';

export interface DeviceInput {
  id: string;
  typeCode: string;
  name: string;
  ownerOrgId: string;
  lng: number;
  lat: number;
  installDate?: string | null | undefined;
  status?: DeviceStatus | undefined;
}

export type DevicePatch = Partial<Omit<DeviceInput, 'id'>>;

export interface RegistryDeps {
  db: IotDb;
  kernel: Kernel;
  locate: Locate;
  /** after a change commits: this copy's ingestion reloads at once */
  changed(): void;
}

export interface Change {
  actor: Actor;
  ip: string | null;
}

async function owner(deps: RegistryDeps, change: Change, ownerOrgId: string) {
  const found = await resolveOwner(deps.kernel, ownerOrgId);
  if (!found) throw iotErrors.unknownOwner(ownerOrgId);
  requireManage(deps.kernel, change.actor, found.path);
  return found;
}

async function existing(deps: RegistryDeps, change: Change, id: string) {
  const row = await deps.db.selectFrom('device').select(['id', 'owner_org_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw iotErrors.deviceNotFound(id);
  const path = await deps.kernel.orgs.pathOf(row.owner_org_id);
  requireManage(deps.kernel, change.actor, path ?? []);
  return row;
}

export const devices = {
  async create(deps: RegistryDeps, change: Change, input: DeviceInput): Promise<{ device: DeviceView; token: string }> {
    if (!insideChina(input.lng, input.lat)) throw iotErrors.outsideChina();
    const org = await owner(deps, change, input.ownerOrgId);
    const where = await deps.locate(input.lng, input.lat);
    const token = newToken();
    await deps.db.transaction().execute(async (tx) => {
      if (!(await tx.selectFrom('device_type').select('code').where('code', '=', input.typeCode).forKeyShare().executeTakeFirst())) throw iotErrors.unknownType(input.typeCode);
      if (await tx.selectFrom('device').select('id').where('id', '=', input.id).executeTakeFirst()) throw iotErrors.deviceExists(input.id);
      const inserted = await tx
        .insertInto('device')
        .values({
          id: input.id,
          type_code: input.typeCode,
          name: input.name,
          owner_org_id: org.id,
          lng: input.lng,
          lat: input.lat,
          unit_grid_code: where.unitGridCode,
          community_code: where.communityCode,
          street_code: where.streetCode,
          install_date: input.installDate ?? null,
          status: input.status ?? 'active',
          credential_hash: tokenHash(token),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      // two administrators creating the same id at once: the second is told, not given a 500
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw iotErrors.deviceExists(input.id);
      await bumpRegistryVersion(tx);
      await auditChange(tx, change.actor, change.ip, 'iot.device.create', 'device', input.id, { ...input, ownerOrgId: org.id, ...where });
    });
    deps.changed();
    return { device: await deviceQueries.get(deps.db, input.id), token };
  },

  async update(deps: RegistryDeps, change: Change, id: string, patch: DevicePatch): Promise<DeviceView> {
    const before = await existing(deps, change, id);
    const org = patch.ownerOrgId !== undefined ? await owner(deps, change, patch.ownerOrgId) : null;
    await deps.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('device').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw iotErrors.deviceNotFound(id);
      const lng = patch.lng ?? row.lng;
      const lat = patch.lat ?? row.lat;
      if (!insideChina(lng, lat)) throw iotErrors.outsideChina();
      const moved = lng !== row.lng || lat !== row.lat;
      const where = moved ? await deps.locate(lng, lat) : null;
      if (patch.typeCode !== undefined && !(await tx.selectFrom('device_type').select('code').where('code', '=', patch.typeCode).forKeyShare().executeTakeFirst())) {
        throw iotErrors.unknownType(patch.typeCode);
      }
      await tx
        .updateTable('device')
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.typeCode !== undefined ? { type_code: patch.typeCode } : {}),
          ...(org ? { owner_org_id: org.id } : {}),
          ...(patch.installDate !== undefined ? { install_date: patch.installDate } : {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          ...(where ? { lng, lat, unit_grid_code: where.unitGridCode, community_code: where.communityCode, street_code: where.streetCode } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      await bumpRegistryVersion(tx);
      await auditChange(tx, change.actor, change.ip, 'iot.device.update', 'device', id, { before: { ...row, credential_hash: undefined }, change: { ...patch }, ownerBefore: before.owner_org_id });
    });
    deps.changed();
    return deviceQueries.get(deps.db, id);
  },

  /** A new token; the old one stops working (on every server copy within seconds). */
  async rotateToken(deps: RegistryDeps, change: Change, id: string): Promise<{ id: string; token: string; rotatedAt: string }> {
    await existing(deps, change, id);
    const token = newToken();
    const rotatedAt = new Date();
    await deps.db.transaction().execute(async (tx) => {
      await tx.updateTable('device').set({ credential_hash: tokenHash(token), credential_rotated_at: rotatedAt, updated_at: rotatedAt }).where('id', '=', id).execute();
      await bumpRegistryVersion(tx);
      await auditChange(tx, change.actor, change.ip, 'iot.device.token.rotate', 'device', id, {});
    });
    deps.changed();
    return { id, token, rotatedAt: rotatedAt.toISOString() };
  },

  async remove(deps: RegistryDeps, change: Change, id: string): Promise<void> {
    await existing(deps, change, id);
    await deps.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('device').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!row) throw iotErrors.deviceNotFound(id);
      const hasData = row.last_seen_at !== null || (await tx.selectFrom('reading').select('device_id').where('device_id', '=', id).limit(1).executeTakeFirst());
      if (hasData) throw iotErrors.deviceHasData(id);
      await tx.deleteFrom('device_rejection').where('device_id', '=', id).execute();
      await tx.deleteFrom('device_rejection_sample').where('device_id', '=', id).execute();
      await tx.deleteFrom('device').where('id', '=', id).execute();
      await bumpRegistryVersion(tx);
      await auditChange(tx, change.actor, change.ip, 'iot.device.delete', 'device', id, { before: { ...row, credential_hash: undefined } });
    });
    deps.changed();
  },
};
