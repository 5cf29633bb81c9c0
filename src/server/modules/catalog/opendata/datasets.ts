import { v7 as uuidv7 } from 'uuid';
import { sql } from 'kysely';
import { appendAudit } from '../../../kernel/audit/write';
import { inTransaction } from '../../../kernel/db/database';
import { sm3 } from '../../../kernel/crypto';
import { readableFile, type FileStore, type FilesDb } from '../../../kernel/files';
import { readAll } from './preview';
import { MAINTAIN, orgSlug, requireScope, type CatalogDeps, type Change } from '../deps';
import { catalogErrors } from '../errors';
import { openDataChanged } from './cache';
import type { CatalogDb, DatastoreField } from '../tables';
import { licences } from '../vocab';

export interface DatasetInput {
  resourceId: string;
  name: string;
  title: string;
  notes: string;
  licenseId: string;
  tags: string[];
  groups: string[];
}

const audit = (change: Change, action: string, id: string, details: Record<string, unknown>) => ({
  actorId: change.actor.accountId, actorName: change.actor.displayName, orgId: change.actor.orgId, ip: change.ip, action, objectType: 'open_dataset', objectId: id, details,
});

/**
 * Opens a published resource as a dataset of the portal. Its open type decides: 不予开放 never
 * becomes a dataset; 有条件开放 becomes one whose data needs a signed-in user who accepted the agreement.
 */
export async function createDataset(deps: CatalogDeps, change: Change, input: DatasetInput): Promise<{ id: string; name: string }> {
  const resource = await deps.db.selectFrom('catalog_resource').select(['id', 'provider_org_id', 'published']).where('id', '=', input.resourceId).executeTakeFirst();
  if (!resource) throw catalogErrors.notFound(input.resourceId);
  await requireScope(deps, change, MAINTAIN, resource.provider_org_id, 'opendata.dataset.create', null);
  const published = resource.published;
  if (!published || published.openType === 'none' || published.classification !== 'public') throw catalogErrors.notOpen();
  if (!licences[input.licenseId]) {
    throw catalogErrors.invalid([{ field: '/body/licenseId', code: 'licence', message: { zh: '许可协议不存在', en: 'unknown licence' } }]);
  }
  const groups = await deps.db.selectFrom('open_group').select('name').where('name', 'in', input.groups.length > 0 ? input.groups : ['-']).execute();
  const unknown = input.groups.filter((g) => !groups.some((x) => x.name === g));
  if (unknown.length > 0) throw catalogErrors.invalid([{ field: '/body/groups', code: 'group', message: { zh: `主题不存在：${unknown.join('、')}`, en: `unknown groups: ${unknown.join(', ')}` } }]);
  const org = await deps.org(published.providerOrgId);
  if (!org) throw catalogErrors.unknownProvider();
  const id = uuidv7();
  const tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  try {
    await inTransaction(deps.db, async (tx) => {
      await tx
        .insertInto('open_dataset')
        .values({
          id, name: input.name, title: input.title.trim(), notes: input.notes.trim(), resource_id: resource.id, org_id: org.id, org_slug: orgSlug(org), license_id: input.licenseId, tags, groups: input.groups,
          open_type: published.openType === 'conditional' ? 'conditional' : 'unconditional', update_cycle: published.updateCycle,
          search_text: [input.title, input.notes, ...tags, org.name, input.name].join(' ').toLowerCase(), created_by: change.actor.accountId,
        })
        .execute();
      await appendAudit(tx, audit(change, 'opendata.dataset.create', id, { name: input.name, resourceId: resource.id }));
      await deps.kernel.events.publish(tx, 'catalog.dataset.created', { id, name: input.name });
    });
  } catch (error) {
    if (String((error as { constraint?: string }).constraint ?? '').includes('open_dataset_name')) throw catalogErrors.datasetNameTaken(input.name);
    throw error;
  }
  openDataChanged(deps.db);
  return { id, name: input.name };
}

async function nextPosition(tx: CatalogDb, datasetId: string): Promise<number> {
  const r = await tx.selectFrom('open_distribution').select(sql<number>`COALESCE(max(position) + 1, 0)::int`.as('n')).where('dataset_id', '=', datasetId).executeTakeFirstOrThrow();
  return r.n;
}

async function touch(tx: CatalogDb, datasetId: string): Promise<void> {
  await sql`UPDATE open_dataset SET modified_at = now(),
              formats = (SELECT COALESCE(array_agg(DISTINCT format ORDER BY format), '{}') FROM open_distribution WHERE dataset_id = ${datasetId})
            WHERE id = ${datasetId}`.execute(tx);
}

async function datasetFor(deps: CatalogDeps, change: Change, datasetId: string): Promise<void> {
  const d = await deps.db.selectFrom('open_dataset').select(['id', 'org_id']).where('id', '=', datasetId).executeTakeFirst();
  if (!d) throw catalogErrors.datasetNotFound(datasetId);
  await requireScope(deps, change, MAINTAIN, d.org_id, 'opendata.distribution.add', datasetId);
}

export interface FileInput {
  name: string;
  description?: string;
  format: 'CSV' | 'JSON' | 'GeoJSON';
  bytes: Uint8Array;
}
export interface TableInput {
  name: string;
  description?: string;
  fields: DatastoreField[];
  rows: Array<Record<string, unknown>>;
}

/** Writes a file distribution: the bytes into the kernel file store (by SM3), the row in the caller's transaction. */
export async function insertFile(tx: CatalogDb, store: FileStore, datasetId: string, input: FileInput): Promise<string> {
  const hash = sm3(input.bytes);
  await store.put(hash, input.bytes);
  const id = uuidv7();
  await tx.insertInto('open_distribution').values({ id, dataset_id: datasetId, position: await nextPosition(tx, datasetId), name: input.name, description: input.description ?? '', format: input.format, kind: 'file', file_id: null, sm3: hash, size: input.bytes.length }).execute();
  await touch(tx, datasetId);
  return id;
}

/** Writes a live table (datastore) in the caller's transaction. */
export async function insertTable(tx: CatalogDb, datasetId: string, input: TableInput): Promise<string> {
  const id = uuidv7();
  const ids = input.fields.map((f) => f.id);
  await tx.insertInto('open_distribution').values({ id, dataset_id: datasetId, position: await nextPosition(tx, datasetId), name: input.name, description: input.description ?? '', format: 'CSV', kind: 'datastore', file_id: null, sm3: null, size: null, fields: JSON.stringify(input.fields) as never }).execute();
  for (let i = 0; i < input.rows.length; i += 500) {
    const chunk = input.rows.slice(i, i + 500).map((r, j) => ({ distribution_id: id, row_no: i + j + 1, record: JSON.stringify(Object.fromEntries(ids.map((k) => [k, r[k] ?? null]))) as never }));
    await tx.insertInto('open_datastore_row').values(chunk).execute();
  }
  await touch(tx, datasetId);
  return id;
}

/** A department adds a file (CSV, JSON, GeoJSON) or a live table to one of its datasets. */
export async function addDistribution(deps: CatalogDeps, change: Change, datasetId: string, input: ({ kind: 'file' } & FileInput) | ({ kind: 'table' } & TableInput)): Promise<string> {
  await datasetFor(deps, change, datasetId);
  const id = await inTransaction(deps.db, async (tx) => {
    const id = input.kind === 'file' ? await insertFile(tx, deps.kernel.files.store, datasetId, input) : await insertTable(tx, datasetId, input);
    await appendAudit(tx, audit(change, 'opendata.distribution.add', datasetId, { distributionId: id, kind: input.kind }));
    return id;
  });
  openDataChanged(deps.db);
  return id;
}

/** The bytes a department uploaded through the files API, checked for the format it names. */
export async function uploadedBytes(deps: CatalogDeps, change: Change, fileId: string, format: FileInput['format']): Promise<Uint8Array> {
  const file = await readableFile(deps.db as unknown as FilesDb, change.actor, fileId);
  const content = await deps.kernel.files.store.get(file.sm3);
  if (!content) throw catalogErrors.datasetNotFound(fileId);
  const bytes = await readAll(content, file.size + 1);
  const bad = (zh: string, en: string) => catalogErrors.invalid([{ field: '/body/fileId', code: 'format', message: { zh, en } }]);
  if (file.mediaType !== 'text/csv' && file.mediaType !== 'text/plain') throw bad('文件必须是 UTF-8 文本', 'the file must be UTF-8 text');
  if (format !== 'CSV') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      throw bad('不是有效的 JSON', 'not valid JSON');
    }
    if (format === 'GeoJSON' && (parsed as { type?: unknown }).type !== 'FeatureCollection') throw bad('GeoJSON 须为 FeatureCollection', 'GeoJSON must be a FeatureCollection');
  }
  return bytes;
}

/** For the routes: the dataset's id from its name. */
export async function datasetIdByName(deps: CatalogDeps, name: string): Promise<string> {
  const d = await deps.db.selectFrom('open_dataset').select('id').where('name', '=', name).executeTakeFirst();
  if (!d) throw catalogErrors.datasetNotFound(name);
  return d.id;
}
