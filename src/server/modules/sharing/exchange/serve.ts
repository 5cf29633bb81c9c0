import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { auditAlone } from '../../../kernel/audit/write';
import { sm3 } from '../../../kernel/crypto';
import { shanghaiDate } from '../../../kernel/calendar';
import { AppError } from '../../../kernel/http/problem';
import type { DataItem, PublishedResource } from '../../catalog';
import { accessCache, type AccessIndex, type GrantEntry, type SourceEntry, type SystemEntry } from '../access';
import type { SharingDeps } from '../deps';
import { exchangeLog } from './log';
import { exchangeErrors } from './errors';

type Query = Record<string, string | string[] | undefined>;
type Record_ = Record<string, unknown>;

export interface ExchangeReply {
  id: string;
  body: string;
  digest: string;
}

const RESERVED = new Set(['fields', 'limit', 'offset']);
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);

/** A key's system, or why there is none. */
function systemOf(access: AccessIndex, secret: string | null): SystemEntry {
  if (!secret) throw exchangeErrors.keyRequired();
  const key = access.keyByHash.get(sm3(secret));
  const system = key ? access.systems.get(key.systemId) : undefined;
  if (!system) throw exchangeErrors.keyInvalid();
  if (!system.active) throw exchangeErrors.systemDisabled();
  return system;
}

interface Allowed {
  fields: readonly string[];
  grant: GrantEntry | null;
}

/** Which items this system may receive: all of an unconditional resource (or its own department's), else a grant valid today. */
function allowedFor(access: AccessIndex, system: SystemEntry, resource: PublishedResource): Allowed {
  if (resource.shareType === 'none') throw exchangeErrors.notShared();
  if (!resource.shareMethods.some((m) => m === 'api' || m === 'table')) throw exchangeErrors.noApi();
  if (resource.shareType === 'unconditional' || resource.providerOrgId === system.orgId) return { fields: resource.items.map((i) => i.name), grant: null };
  const grants = access.grants.get(`${system.id}|${resource.id}`) ?? [];
  const today = shanghaiDate(new Date());
  const valid = grants.find((g) => g.validFrom <= today && today <= g.validUntil);
  if (valid) return { fields: valid.fields, grant: valid };
  const latest = [...grants].sort((a, b) => b.validUntil.localeCompare(a.validUntil))[0];
  if (latest && latest.validUntil < today) throw exchangeErrors.grantExpired(latest.validUntil);
  if (latest && latest.validFrom > today) throw exchangeErrors.grantNotYet(latest.validFrom);
  throw exchangeErrors.noGrant();
}

/** A filter value typed as the item is (table rows keep numbers as numbers). */
const typed = (item: DataItem, value: string): unknown => (item.type === 'integer' || item.type === 'decimal') && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;

const matchesRowFilter = (record: Record_, filter: GrantEntry['rowFilter']) => Object.entries(filter).every(([item, values]) => values.includes(String(record[item] ?? '')));

async function readRows(deps: SharingDeps, resource: PublishedResource, source: SourceEntry, filters: Map<string, string>, rowFilter: GrantEntry['rowFilter'], fields: readonly string[], limit: number, offset: number): Promise<Record_[]> {
  if (source.kind === 'registry') {
    const key = filters.get(source.keyItem);
    if (key === undefined) throw exchangeErrors.keyItemRequired(source.keyItem);
    const items = new Set([...fields, ...filters.keys(), ...Object.keys(rowFilter)]);
    const wanted = new Set([...items].map((item) => source.bindings[item]).filter((f): f is string => f !== undefined));
    const plain = await deps.registry.lookup(source.register, key, wanted);
    if (!plain) return [];
    const record: Record_ = {};
    for (const [item, field] of Object.entries(source.bindings)) record[item] = plain[field] ?? null;
    // the key was matched by the register (normalised: full-width digits, a lower-case x)
    const ok = [...filters].every(([item, value]) => item === source.keyItem || String(record[item] ?? '') === value) && matchesRowFilter(record, rowFilter);
    return ok && offset === 0 ? [record] : [];
  }
  const items = new Map(resource.items.map((i) => [i.name, i]));
  const contains = Object.fromEntries([...filters].map(([name, value]) => [name, typed(items.get(name)!, value)]));
  const conditions = [sql`resource_id = ${resource.id}`, sql`record @> ${JSON.stringify(contains)}::jsonb`];
  for (const [item, values] of Object.entries(rowFilter)) conditions.push(sql`record->>${item} = ANY(${[...values]}::text[])`);
  const rows = await sql<{ record: Record_ }>`SELECT record FROM share_row WHERE ${sql.join(conditions, sql` AND `)} ORDER BY row_no LIMIT ${limit} OFFSET ${offset}`.execute(deps.db);
  return rows.rows.map((r) => r.record);
}

function paging(query: Query): { limit: number; offset: number } {
  const limitText = one(query.limit);
  const offsetText = one(query.offset);
  const limit = limitText === undefined ? 100 : Number(limitText);
  const offset = offsetText === undefined ? 0 : Number(offsetText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw exchangeErrors.badPaging('limit');
  if (!Number.isInteger(offset) || offset < 0) throw exchangeErrors.badPaging('offset');
  return { limit, offset };
}

/**
 * 共享交换: one call of a consumer system. Serves only the items (and rows) it was granted, records
 * the exchange in the signed log (the SM3 digest of exactly the bytes sent) and answers only
 * once the record is committed: nothing leaves without evidence.
 */
export async function serveExchange(deps: SharingDeps, secret: string | null, resourceRef: string, query: Query, ip: string | null): Promise<ExchangeReply> {
  const access = await accessCache(deps.db).get();
  let system: SystemEntry | null = null;
  try {
    system = systemOf(access, secret);
    const index = await deps.catalog.published();
    const resource = index.byId.get(resourceRef) ?? index.byCode.get(resourceRef);
    if (!resource) throw exchangeErrors.resourceNotFound(resourceRef);
    const allowed = allowedFor(access, system, resource);
    const itemNames = resource.items.map((i) => i.name);
    const known = new Set(itemNames);
    const fieldsParam = one(query.fields);
    const asked = fieldsParam ? fieldsParam.split(',').map((f) => f.trim()).filter(Boolean) : [...allowed.fields];
    const filters = new Map<string, string>();
    for (const [name, value] of Object.entries(query)) if (!RESERVED.has(name) && value !== undefined) filters.set(name, one(value)!);
    const unknown = [...asked, ...filters.keys()].filter((n) => !known.has(n));
    if (unknown.length > 0) throw exchangeErrors.unknownItems([...new Set(unknown)]);
    // asking by an item one may not receive would disclose it, as reading it would
    const notGranted = [...new Set([...asked, ...filters.keys()])].filter((n) => !allowed.fields.includes(n));
    if (notGranted.length > 0) throw exchangeErrors.fieldsNotGranted(notGranted);
    const { limit, offset } = paging(query);
    const source = access.sources.get(resource.id);
    if (!source) throw exchangeErrors.noData();
    const fields = itemNames.filter((n) => asked.includes(n));
    const rows = await readRows(deps, resource, source, filters, allowed.grant?.rowFilter ?? {}, fields, limit, offset);
    const records = rows.map((row) => Object.fromEntries(fields.map((f) => [f, row[f] ?? null])));
    const id = uuidv7();
    const body = JSON.stringify({ exchangeId: id, resource: resource.code, fields, records, limit, offset });
    const digest = sm3(body);
    const queryDigest = sm3(JSON.stringify([...filters].sort(([a], [b]) => a.localeCompare(b))));
    await exchangeLog(deps.db, deps.kernel.keys).record({
      id,
      at: new Date(),
      systemId: system.id,
      consumerOrgId: system.orgId,
      resourceId: resource.id,
      resourceCode: resource.code,
      providerOrgId: resource.providerOrgId,
      grantId: allowed.grant?.id ?? null,
      queryItems: [...filters.keys()].sort(),
      queryDigest,
      fields,
      rows: records.length,
      digest,
    });
    return { id, body, digest };
  } catch (error) {
    if (error instanceof AppError) {
      await auditAlone(deps.db, { actorId: null, actorName: system ? `system:${system.name}` : null, orgId: system?.orgId ?? null, ip, action: 'sharing.exchange', objectType: 'catalog_resource', objectId: null, result: 'denied', details: { resource: resourceRef, code: error.code } });
    }
    throw error;
  }
}
