import { appendAudit } from '../../kernel/audit/write';
import type { Actor } from '../../kernel/access';
import type { RegistryDeps } from './deps';
import { visibleFields } from './field-access';
import { fieldOf, type RegisterKey } from './fields';
import { presentRecord } from './present';
import { fromRow, searchRecords, type SearchQuery } from './store';

/**
 * Search a register: ID number exactly (blind index), credit code exactly, name by prefix,
 * address by contained text; one page. A reader may only search by a field granted to them
 * (a search by ID number is a disclosure of whether the person is registered).
 */
export async function searchRegister(deps: RegistryDeps, actor: Actor, register: RegisterKey, query: SearchQuery, ip: string | null) {
  const visible = await visibleFields(deps.db, actor, register);
  const by: Record<string, string> = { idNumber: 'idNumber', creditCode: 'creditCode', name: 'name', address: register === 'persons' ? 'householdAddress' : register === 'legal-persons' ? 'registeredAddress' : 'address' };
  const q: SearchQuery = { page: query.page, pageSize: query.pageSize };
  for (const key of ['idNumber', 'creditCode', 'name', 'address'] as const) {
    const value = query[key];
    if (value === undefined || value.trim() === '') continue;
    // searching by a field one may not see would reveal it: such a search finds nothing
    if (!visible.includes(by[key]!)) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    q[key] = value;
  }
  const { rows, total } = await searchRecords(deps.db, register, q, deps.kernel.keys);
  const names = new Map<string, string>();
  const items = [];
  for (const row of rows) {
    const { plain, meta } = fromRow(register, row, deps.kernel.keys);
    if (!names.has(meta.sourceOrgId)) names.set(meta.sourceOrgId, await deps.orgName(meta.sourceOrgId));
    items.push(presentRecord(register, plain, meta, names.get(meta.sourceOrgId)!, visible, false));
  }
  const personal = visible.filter((f) => fieldOf(register, f)?.personal);
  if (personal.length > 0 && items.length > 0) {
    await appendAudit(deps.db, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip, action: 'registry.record.search', objectType: register, details: { ids: items.map((i) => i.id), fields: personal, criteria: Object.keys(q).filter((k) => k !== 'page' && k !== 'pageSize') } });
  }
  return { items, total, page: query.page, pageSize: query.pageSize };
}
