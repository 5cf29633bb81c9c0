/** Device types: what a kind of device measures (keys, units, physical ranges), how often it reports, how long its data is kept. */
import type { Selectable } from 'kysely';
import type { Actor } from '../../../kernel/access';
import type { FieldError } from '../../../kernel/http/problem';
import { iotErrors } from '../errors';
import type { IotDb, IotTables, Quantity } from '../store';
import { auditChange } from './audit';
import { bumpRegistryVersion } from './version';

export interface TypeInput {
  code: string;
  nameZh: string;
  nameEn: string;
  quantities: Quantity[];
  expectedIntervalSeconds: number;
  rawRetentionDays?: number | undefined;
  minuteRetentionDays?: number | undefined;
  hourRetentionDays?: number | undefined;
}

export type TypePatch = Partial<Omit<TypeInput, 'code'>>;

export interface DeviceTypeView {
  code: string;
  nameZh: string;
  nameEn: string;
  quantities: Quantity[];
  expectedIntervalSeconds: number;
  rawRetentionDays: number;
  minuteRetentionDays: number;
  hourRetentionDays: number;
}

export function presentType(t: Selectable<IotTables['device_type']>): DeviceTypeView {
  return {
    code: t.code,
    nameZh: t.name_zh,
    nameEn: t.name_en,
    quantities: t.quantities,
    expectedIntervalSeconds: t.expected_interval_seconds,
    rawRetentionDays: t.raw_retention_days,
    minuteRetentionDays: t.minute_retention_days,
    hourRetentionDays: t.hour_retention_days,
  };
}

/** Beyond the schema: keys are unique and each range is not empty. */
export function checkQuantities(quantities: readonly Quantity[]): void {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  quantities.forEach((q, i) => {
    if (seen.has(q.key)) errors.push({ field: `/body/quantities/${i}/key`, code: 'duplicate', message: { zh: `监测量 ${q.key} 重复`, en: `quantity ${q.key} appears twice` } });
    seen.add(q.key);
    if (!(q.min < q.max)) errors.push({ field: `/body/quantities/${i}/max`, code: 'range', message: { zh: '上限须大于下限', en: 'max must be greater than min' } });
  });
  if (errors.length > 0) throw iotErrors.badQuantities(errors);
}

const cleanQuantities = (quantities: readonly Quantity[]) => JSON.stringify(quantities.map((q) => ({ key: q.key, name: q.name, unit: q.unit, min: q.min, max: q.max })));

export const deviceTypes = {
  async list(db: IotDb): Promise<DeviceTypeView[]> {
    return (await db.selectFrom('device_type').selectAll().orderBy('code').execute()).map(presentType);
  },

  async get(db: IotDb, code: string): Promise<DeviceTypeView> {
    const row = await db.selectFrom('device_type').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) throw iotErrors.typeNotFound(code);
    return presentType(row);
  },

  async create(db: IotDb, actor: Actor, ip: string | null, input: TypeInput): Promise<DeviceTypeView> {
    checkQuantities(input.quantities);
    return db.transaction().execute(async (tx) => {
      if (await tx.selectFrom('device_type').select('code').where('code', '=', input.code).executeTakeFirst()) throw iotErrors.typeExists(input.code);
      const row = await tx
        .insertInto('device_type')
        .values({
          code: input.code,
          name_zh: input.nameZh,
          name_en: input.nameEn,
          quantities: cleanQuantities(input.quantities),
          expected_interval_seconds: input.expectedIntervalSeconds,
          ...(input.rawRetentionDays !== undefined ? { raw_retention_days: input.rawRetentionDays } : {}),
          ...(input.minuteRetentionDays !== undefined ? { minute_retention_days: input.minuteRetentionDays } : {}),
          ...(input.hourRetentionDays !== undefined ? { hour_retention_days: input.hourRetentionDays } : {}),
          updated_by: actor.accountId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await bumpRegistryVersion(tx);
      await auditChange(tx, actor, ip, 'iot.type.create', 'device_type', input.code, { ...input });
      return presentType(row);
    });
  },

  /** Ranges and retention apply to what arrives from now on; stored readings stay as they are. */
  async update(db: IotDb, actor: Actor, ip: string | null, code: string, patch: TypePatch): Promise<DeviceTypeView> {
    if (patch.quantities) checkQuantities(patch.quantities);
    return db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('device_type').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
      if (!before) throw iotErrors.typeNotFound(code);
      const row = await tx
        .updateTable('device_type')
        .set({
          ...(patch.nameZh !== undefined ? { name_zh: patch.nameZh } : {}),
          ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
          ...(patch.quantities !== undefined ? { quantities: cleanQuantities(patch.quantities) } : {}),
          ...(patch.expectedIntervalSeconds !== undefined ? { expected_interval_seconds: patch.expectedIntervalSeconds } : {}),
          ...(patch.rawRetentionDays !== undefined ? { raw_retention_days: patch.rawRetentionDays } : {}),
          ...(patch.minuteRetentionDays !== undefined ? { minute_retention_days: patch.minuteRetentionDays } : {}),
          ...(patch.hourRetentionDays !== undefined ? { hour_retention_days: patch.hourRetentionDays } : {}),
          updated_at: new Date(),
          updated_by: actor.accountId,
        })
        .where('code', '=', code)
        .returningAll()
        .executeTakeFirstOrThrow();
      await bumpRegistryVersion(tx);
      await auditChange(tx, actor, ip, 'iot.type.update', 'device_type', code, { before: presentType(before), change: { ...patch } });
      return presentType(row);
    });
  },

  /** Only a type no device uses can go. */
  async remove(db: IotDb, actor: Actor, ip: string | null, code: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('device_type').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
      if (!before) throw iotErrors.typeNotFound(code);
      if (await tx.selectFrom('device').select('id').where('type_code', '=', code).limit(1).executeTakeFirst()) throw iotErrors.typeInUse(code);
      await tx.deleteFrom('device_type').where('code', '=', code).execute();
      await bumpRegistryVersion(tx);
      await auditChange(tx, actor, ip, 'iot.type.delete', 'device_type', code, { before: presentType(before) });
    });
  },
};
