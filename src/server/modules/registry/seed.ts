import { v7 as uuidv7 } from 'uuid';
import type { RegistryDeps } from './deps';
import { seedFieldGrants } from './field-access';
import type { RegisterKey } from './fields';
import { diff } from './present';
import { checkRecord, type Plain } from './rules';
import { recordStore, toRow } from './store';
import { demoLegals, demoPersons, demoPlaces } from './seed-data';

/** Field grants always (once); demo records when asked, once, each with its first version. */
export async function seedRegistry(deps: RegistryDeps, demo: boolean): Promise<{ grants: number; records: number }> {
  const grants = await seedFieldGrants(deps.db);
  if (!demo) return { grants, records: 0 };
  if (await deps.db.selectFrom('registry_person').select('id').limit(1).executeTakeFirst()) return { grants, records: 0 };
  const sets: Array<[RegisterKey, Plain[]]> = [
    ['persons', demoPersons(300) as unknown as Plain[]],
    ['legal-persons', demoLegals(200) as unknown as Plain[]],
    ['places', demoPlaces(60) as unknown as Plain[]],
  ];
  let records = 0;
  await deps.db.transaction().execute(async (tx) => {
    for (const [register, items] of sets) {
      const owner = await deps.ownerOf(register);
      for (const item of items) {
        const checked = checkRecord(register, null, item);
        if (!checked.ok) throw new Error(`demo ${register} record is invalid: ${checked.failure.en}`);
        if (register === 'places') checked.plain.unitGridCode = await deps.unitGridAt(Number(checked.plain.lng), Number(checked.plain.lat));
        const id = uuidv7();
        await recordStore.insert(tx, register, id, toRow(register, checked.plain, deps.kernel.keys), owner);
        await recordStore.addVersion(tx, { register, recordId: id, version: 1, actorId: null, actorName: '系统初始化', sourceOrgId: owner, kind: 'create', reason: '演示数据 / demo data', changes: diff(register, null, checked.plain) });
        records += 1;
      }
    }
  });
  return { grants, records };
}
