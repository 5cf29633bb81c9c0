import { api } from '../api/client';
import { ApiError, toProblem } from '../api/problem';
import type { paths } from '../api/schema';
import { unwrap } from '../api/unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
export type ShareableResource = JsonOf<paths['/api/v1/sharing/resources']['get']['responses'][200]>['items'][number];
export type SharingSystem = JsonOf<paths['/api/v1/sharing/systems']['get']['responses'][200]>['items'][number];
export type IssuedKey = JsonOf<paths['/api/v1/sharing/systems/{id}/keys']['post']['responses'][201]>;
export type ShareRequest = JsonOf<paths['/api/v1/sharing/requests/{id}']['get']['responses'][200]>;
export type RequestInput = paths['/api/v1/sharing/requests']['post']['requestBody']['content']['application/json'];
export type RequestRole = NonNullable<NonNullable<paths['/api/v1/sharing/requests']['get']['parameters']['query']>['role']>;
export type ComplianceInput = paths['/api/v1/sharing/requests/{id}/compliance']['post']['requestBody']['content']['application/json'];
export type DecisionInput = paths['/api/v1/sharing/requests/{id}/decision']['post']['requestBody']['content']['application/json'];
export type Grant = JsonOf<paths['/api/v1/sharing/grants']['get']['responses'][200]>['items'][number];
export type GrantRole = NonNullable<NonNullable<paths['/api/v1/sharing/grants']['get']['parameters']['query']>['role']>;
export type ExchangeQuery = paths['/api/v1/sharing/exchanges']['get']['parameters']['query'];
export type Exchange = JsonOf<paths['/api/v1/sharing/exchanges']['get']['responses'][200]>['items'][number];
export type ExchangeProof = JsonOf<paths['/api/v1/sharing/exchanges/{id}/proof']['get']['responses'][200]>;

/** A call answered 204 No Content: `unwrap` wants a body, this only a success. */
async function noContent(call: Promise<{ error?: unknown; response: Response }>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw new ApiError(toProblem(error, response.status, response.statusText));
}

export const listShareable = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/sharing/resources', { signal }))).items;

export const listSystems = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/sharing/systems', { signal }))).items;
export const registerSystem = (name: string) => unwrap(api.POST('/api/v1/sharing/systems', { body: { name } }));
export const issueKey = (systemId: string) => unwrap(api.POST('/api/v1/sharing/systems/{id}/keys', { params: { path: { id: systemId } } }));
export const revokeKey = (systemId: string, keyId: string) =>
  noContent(api.DELETE('/api/v1/sharing/systems/{id}/keys/{keyId}', { params: { path: { id: systemId, keyId } } }));

export const listRequests = async (role: RequestRole | undefined, signal?: AbortSignal) =>
  (await unwrap(api.GET('/api/v1/sharing/requests', { params: { query: role ? { role } : {} }, signal }))).items;
export const fetchRequest = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/sharing/requests/{id}', { params: { path: { id } }, signal }));
export const createRequest = (body: RequestInput) => unwrap(api.POST('/api/v1/sharing/requests', { body }));
export const checkCompliance = (id: string, body: ComplianceInput) => unwrap(api.POST('/api/v1/sharing/requests/{id}/compliance', { params: { path: { id } }, body }));
export const decideRequest = (id: string, body: DecisionInput) => unwrap(api.POST('/api/v1/sharing/requests/{id}/decision', { params: { path: { id } }, body }));

export const listGrants = async (role: GrantRole, signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/sharing/grants', { params: { query: { role } }, signal }))).items;
export const revokeGrant = (id: string, reason: string) => noContent(api.POST('/api/v1/sharing/grants/{id}/revoke', { params: { path: { id } }, body: { reason } }));

export const listExchanges = (query: ExchangeQuery, signal?: AbortSignal) => unwrap(api.GET('/api/v1/sharing/exchanges', { params: { query }, signal }));
export const fetchProof = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/sharing/exchanges/{id}/proof', { params: { path: { id } }, signal }));
