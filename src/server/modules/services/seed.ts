import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../kernel/audit/write';
import { inTransaction } from '../../kernel/db/database';
import type { ServiceDeps } from './deps';
import { demoFormColumns } from './applications/demo-forms';
import { fieldsToColumns, readItem, writeChildren } from './rows';
import { ruleErrors } from './rules';
import type { ItemFields } from './schemas/input';
import { flatten, seedCatalogue } from './seed/index';
import { buildGuide } from './snapshot';
import type { ItemType, Tier } from './vocab';

/**
 * Loads the demo catalogue into an empty catalogue, published as version 1 of every item, in one
 * transaction. Each item is checked against the same rules as an administrator's edit, so that the
 * demo data cannot drift from them. A catalogue that has any item is left alone.
 */
export async function seedCatalog(deps: ServiceDeps): Promise<number> {
  const any = await deps.db.selectFrom('service_item').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const orgs = await deps.orgs();
  const idOf = (name: string) => {
    const org = [...orgs.values()].find((o) => o.name === name);
    if (!org) throw new Error(`demo catalogue: no organisation named ${name}`);
    return org.id;
  };
  const items = flatten(seedCatalogue);
  const publishedAt = new Date();
  return inTransaction(deps.db, async (tx) => {
    const ids = new Map<string, { id: string; tier: Tier; type: ItemType; competentOrgId: string }>();
    for (const item of items) {
      const { code, type, department, implementingOrg, handlingKind, parentCode, children: _c, responsibility, ...rest } = item;
      const fields: ItemFields = { ...rest, competentOrgId: idOf(department), implementingOrgId: implementingOrg ? idOf(implementingOrg) : null, responsibility: responsibility ?? null };
      const parent = parentCode ? ids.get(parentCode)! : null;
      const tier: Tier = !parent ? 'main' : handlingKind ? 'handling' : 'sub';
      const errors = ruleErrors(fields, { type, tier, orgs, parent });
      if (errors.length > 0) throw new Error(`demo catalogue: ${code} ${item.name} breaks the rules: ${JSON.stringify(errors)}`);
      const id = uuidv7();
      ids.set(code, { id, tier, type, competentOrgId: fields.competentOrgId });
      await tx
        .insertInto('service_item')
        .values({ id, code, type, parent_id: parent?.id ?? null, tier, handling_kind: handlingKind, ...fieldsToColumns(fields), ...demoFormColumns(code), status: 'published', version: 1, published_revision: 1, published_at: publishedAt, updated_by: null })
        .execute();
      await writeChildren(tx, id, fields);
      const guide = buildGuide((await readItem(tx, id))!, orgs, parentCode, 1, publishedAt);
      await tx
        .insertInto('service_item_version')
        .values({ item_id: id, version: 1, snapshot: JSON.stringify(guide) as never, note: '初始目录（演示数据）', published_by: null, published_by_name: '系统初始化', published_at: publishedAt })
        .execute();
    }
    await appendAudit(tx, { action: 'services.catalog.seed', objectType: 'service_item', details: { items: items.length, demo: true } });
    return items.length;
  });
}
