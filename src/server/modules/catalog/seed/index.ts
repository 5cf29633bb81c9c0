import { v7 as uuidv7 } from 'uuid';
import { appendAudit } from '../../../kernel/audit/write';
import { inTransaction } from '../../../kernel/db/database';
import { orgSlug, type CatalogDeps } from '../deps';
import { toColumns } from '../fields';
import { openDataChanged } from '../opendata/cache';
import { insertFile, insertTable } from '../opendata/datasets';
import { resourceErrors } from '../rules';
import type { DatastoreField, ResourceFields } from '../tables';
import { seedDatasets, seedGroups } from './datasets';
import { seedResources } from './resources';

function fieldsOf(rows: Array<Record<string, string | number>>): DatastoreField[] {
  const first = rows[0] ?? {};
  return Object.keys(first).map((id) => {
    const values = rows.map((r) => r[id]);
    const numbers = values.every((v) => typeof v === 'number');
    return { id, type: numbers ? (values.every((v) => Number.isInteger(v)) ? 'int' : 'numeric') : 'text' };
  });
}

/**
 * The demo catalogue (≈30 resources across departments, the three base registers among them) and
 * the open data portal (≈15 datasets with files and live tables), in one transaction, on an empty
 * catalogue only. Every entry passes the same rules as a department's edit; published entries are
 * recorded as approved (the seed stands in for the data authority).
 */
export async function seedCatalog(deps: CatalogDeps): Promise<{ resources: number; datasets: number }> {
  const any = await deps.db.selectFrom('catalog_resource').select('id').limit(1).executeTakeFirst();
  if (any) return { resources: 0, datasets: 0 };
  const orgs = await deps.orgs();
  const orgByName = new Map(orgs.map((o) => [o.name, o]));
  const zone = deps.kernel.config.zone;
  const done = await inTransaction(deps.db, async (tx) => {
    const resourceIds = new Map<string, { id: string; orgId: string; cycle: string; openType: string }>();
    const now = new Date();
    const seq = new Map<string, number>();
    for (const r of seedResources) {
      const org = orgByName.get(r.provider);
      if (!org) throw new Error(`demo catalogue: no organisation named ${r.provider}`);
      const { key: _k, provider: _p, draft, ...rest } = r;
      const fields: ResourceFields = { shareCondition: '', shareBasis: '', openCondition: '', relatedCodes: [], ...rest, providerOrgId: org.id };
      const errors = resourceErrors(fields, zone);
      if (errors.length > 0) throw new Error(`demo catalogue: ${r.name}: ${JSON.stringify(errors)}`);
      const prefix = `${r.classCode}/${org.code}`;
      seq.set(prefix, (seq.get(prefix) ?? 0) + 1);
      const code = `${prefix}-${String(seq.get(prefix)).padStart(5, '0')}`;
      const id = uuidv7();
      const published = draft ? null : JSON.stringify({ ...fields, code, publishedAt: now.toISOString(), revision: 1 });
      await tx
        .insertInto('catalog_resource')
        .values({ id, code, ...toColumns(fields), status: draft ? 'draft' : 'published', published: published as never, published_on: draft ? null : now.toISOString().slice(0, 10), instance_id: null, updated_by: null })
        .execute();
      resourceIds.set(r.key, { id, orgId: org.id, cycle: r.updateCycle, openType: r.openType });
    }
    for (const [prefix, last] of seq) await tx.insertInto('catalog_code_seq').values({ prefix, last }).execute();
    for (const g of seedGroups) await tx.insertInto('open_group').values({ id: uuidv7(), ...g }).execute();
    for (const d of seedDatasets) {
      const res = resourceIds.get(d.resource);
      if (!res || res.openType === 'none') throw new Error(`demo datasets: ${d.name} needs an open resource`);
      const org = orgs.find((o) => o.id === res.orgId)!;
      const id = uuidv7();
      await tx
        .insertInto('open_dataset')
        .values({ id, name: d.name, title: d.title, notes: d.notes, resource_id: res.id, org_id: org.id, org_slug: orgSlug(org), license_id: d.license, tags: d.tags, groups: d.groups, open_type: res.openType === 'conditional' ? 'conditional' : 'unconditional', update_cycle: res.cycle, search_text: [d.title, d.notes, ...d.tags, org.name, d.name].join(' ').toLowerCase(), created_by: null })
        .execute();
      for (const dist of d.distributions) {
        if (dist.file) await insertFile(tx, deps.kernel.files.store, id, { name: dist.name, format: dist.file.format, bytes: Buffer.from(dist.file.content(), 'utf8') });
        if (dist.table) {
          const rows = dist.table();
          await insertTable(tx, id, { name: dist.name, fields: fieldsOf(rows), rows });
        }
      }
    }
    await appendAudit(tx, { action: 'catalog.seed', objectType: 'catalog_resource', details: { resources: seedResources.length, datasets: seedDatasets.length } });
    return { resources: seedResources.length, datasets: seedDatasets.length };
  });
  openDataChanged(deps.db);
  return done;
}
