import { api } from './client';
import type { paths } from './schema';
import { unwrap } from './unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type Account = JsonOf<paths['/api/v1/accounts']['get']['responses'][200]>['items'][number];
export type NewStaff = paths['/api/v1/accounts']['post']['requestBody']['content']['application/json'];
export type AuditQuery = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;
export type AuditRecord = JsonOf<paths['/api/v1/audit']['get']['responses'][200]>['items'][number];
export type AuditVerdict = JsonOf<paths['/api/v1/audit/verify']['get']['responses'][200]>;

export const fetchAccounts = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/accounts', { signal }))).items;

export const createStaff = (body: NewStaff) => unwrap(api.POST('/api/v1/accounts', { body }));

export const fetchAudit = async (query: AuditQuery, signal?: AbortSignal) =>
  (await unwrap(api.GET('/api/v1/audit', { params: { query }, signal }))).items;

export const verifyAudit = () => unwrap(api.GET('/api/v1/audit/verify'));

/** Link target for the CSV export of the records matching `query` (same filters as the table). */
export function auditCsvHref(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1/audit/export.csv${search ? `?${search}` : ''}`;
}

export type Role = JsonOf<paths['/api/v1/roles']['get']['responses'][200]>['items'][number];
export type RoleGrant = paths['/api/v1/accounts/{id}/roles']['post']['requestBody']['content']['application/json'];
export type GrantScope = RoleGrant['scope'];

export const fetchRoles = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/roles', { signal }))).items;

export const grantRole = (accountId: string, body: RoleGrant) =>
  unwrap(api.POST('/api/v1/accounts/{id}/roles', { params: { path: { id: accountId } }, body }));

export const revokeRole = (accountId: string, body: RoleGrant) =>
  unwrap(api.DELETE('/api/v1/accounts/{id}/roles', { params: { path: { id: accountId } }, body }));
