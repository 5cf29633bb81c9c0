import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Actor } from '../../../kernel/access';
import { appendAudit } from '../../../kernel/audit/write';
import { inTransaction } from '../../../kernel/db/database';
import { loadPackages, mediaTypeOf } from '../ckan/present';
import type { CatalogDeps } from '../deps';
import { catalogErrors } from '../errors';
import { licences } from '../vocab';
import { mayReadData } from './access';
import { csvCell, datastoreFields, previewFile, previewRows, readAll, type Preview } from './preview';

async function datasetByName(deps: CatalogDeps, name: string) {
  const d = await deps.db.selectFrom('open_dataset').selectAll().where('name', '=', name).where('state', '=', 'active').executeTakeFirst();
  if (!d) throw catalogErrors.datasetNotFound(name);
  return d;
}

/** The dataset page: the CKAN dict plus usage and whether this visitor may read the data. Each call counts a view. */
export async function datasetPage(deps: CatalogDeps, actor: Actor | null, name: string, base: string) {
  const d = await datasetByName(deps, name);
  await deps.db.updateTable('open_dataset').set((eb) => ({ views: eb('views', '+', 1) })).where('id', '=', d.id).execute();
  const [orgs, groups] = await Promise.all([deps.orgs(), deps.db.selectFrom('open_group').selectAll().execute()]);
  const [pkg] = await loadPackages(deps.db, [d.id], { base, orgs: new Map(orgs.map((o) => [o.id, o])), groups: new Map(groups.map((g) => [g.name, g])) });
  return {
    dataset: pkg!,
    usage: { views: Number(d.views) + 1, downloads: Number(d.downloads) },
    openType: d.open_type,
    licence: { id: d.license_id, title: licences[d.license_id]?.title ?? d.license_id },
    access: { signedIn: actor !== null, mayRead: await mayReadData(deps.db, actor, d) },
  };
}

async function distribution(deps: CatalogDeps, actor: Actor | null, id: string) {
  const r = await deps.db
    .selectFrom('open_distribution')
    .innerJoin('open_dataset', 'open_dataset.id', 'open_distribution.dataset_id')
    .selectAll('open_distribution')
    .select(['open_dataset.open_type', 'open_dataset.name as dataset_name'])
    .where('open_distribution.id', '=', id)
    .where('open_dataset.state', '=', 'active')
    .executeTakeFirst();
  if (!r) throw catalogErrors.datasetNotFound(id);
  if (!(await mayReadData(deps.db, actor, { id: r.dataset_id, open_type: r.open_type }))) throw catalogErrors.agreementRequired();
  return r;
}

export async function previewDistribution(deps: CatalogDeps, actor: Actor | null, id: string): Promise<Preview> {
  const r = await distribution(deps, actor, id);
  if (r.kind === 'datastore') {
    const rows = await deps.db.selectFrom('open_datastore_row').select('record').where('distribution_id', '=', id).orderBy('row_no').limit(previewRows).execute();
    const total = await deps.db.selectFrom('open_datastore_row').select(sql<number>`count(*)::int`.as('n')).where('distribution_id', '=', id).executeTakeFirstOrThrow();
    return { fields: datastoreFields(r.fields), rows: rows.map((x) => x.record), total: total.n };
  }
  const content = await deps.kernel.files.store.get(r.sm3!);
  if (!content) throw catalogErrors.datasetNotFound(id);
  return previewFile(r.format, await readAll(content, 2 * 1024 * 1024));
}

/** A download: the file as stored, or the live table as CSV; counted on the resource and its dataset. */
export async function downloadDistribution(deps: CatalogDeps, actor: Actor | null, id: string, ip: string | null) {
  const r = await distribution(deps, actor, id);
  await inTransaction(deps.db, async (tx) => {
    await tx.updateTable('open_distribution').set((eb) => ({ downloads: eb('downloads', '+', 1) })).where('id', '=', id).execute();
    await tx.updateTable('open_dataset').set((eb) => ({ downloads: eb('downloads', '+', 1) })).where('id', '=', r.dataset_id).execute();
    // conditional data is personal to the user who accepted the agreement: its downloads are on record
    if (r.open_type === 'conditional' && actor) {
      await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'opendata.download', objectType: 'open_distribution', objectId: id, details: { dataset: r.dataset_name } });
    }
  });
  const ext = { CSV: 'csv', JSON: 'json', GeoJSON: 'geojson' }[r.format];
  const fileName = `${r.dataset_name}-${r.position + 1}.${ext}`;
  if (r.kind === 'datastore') {
    const rows = await deps.db.selectFrom('open_datastore_row').select('record').where('distribution_id', '=', id).orderBy('row_no').execute();
    const ids = r.fields.map((f) => f.id);
    const lines = [ids.join(','), ...rows.map((x) => ids.map((k) => csvCell(x.record[k])).join(','))];
    return { fileName, mediaType: 'text/csv; charset=utf-8', body: Readable.from([`\uFEFF${lines.join('\r\n')}\r\n`]) as Readable, size: null as number | null };
  }
  const content = await deps.kernel.files.store.get(r.sm3!);
  if (!content) throw catalogErrors.datasetNotFound(id);
  return { fileName, mediaType: `${mediaTypeOf[r.format]}; charset=utf-8`, body: content, size: Number(r.size) };
}

/** 有条件开放: the signed-in user accepts the dataset's agreement; recorded once, with its audit record. */
export async function acceptAgreement(deps: CatalogDeps, actor: Actor, name: string, ip: string | null) {
  const d = await datasetByName(deps, name);
  if (d.open_type !== 'conditional') throw catalogErrors.notConditional();
  return inTransaction(deps.db, async (tx) => {
    const row = await tx.insertInto('open_agreement').values({ account_id: actor.accountId, dataset_id: d.id, ip }).onConflict((oc) => oc.columns(['account_id', 'dataset_id']).doNothing()).returning('accepted_at').executeTakeFirst();
    if (row) await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'opendata.agreement.accept', objectType: 'open_dataset', objectId: d.id, details: { name, licence: d.license_id } });
    const accepted = row ?? (await tx.selectFrom('open_agreement').select('accepted_at').where('account_id', '=', actor.accountId).where('dataset_id', '=', d.id).executeTakeFirstOrThrow());
    return { acceptedAt: accepted.accepted_at.toISOString() };
  });
}
