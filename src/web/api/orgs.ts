import { api } from './client';
import { ApiError, toProblem } from './problem';
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type OrgList = JsonOf<paths['/api/v1/orgs']['get']['responses'][200]>;
/** One organisation as the API returns it. */
export type Org = OrgList['items'][number];

/** GET /api/v1/orgs: all organisations, flat, ordered by path. */
export async function fetchOrgs(signal?: AbortSignal): Promise<Org[]> {
  const { data, error, response } = await api.GET('/api/v1/orgs', { signal });
  if (data === undefined) throw new ApiError(toProblem(error, response.status, response.statusText));
  return data.items;
}

/** GET /api/v1/orgs/{id}: one organisation. */
export async function fetchOrg(id: string, signal?: AbortSignal): Promise<Org> {
  const { data, error, response } = await api.GET('/api/v1/orgs/{id}', {
    params: { path: { id } },
    signal,
  });
  if (data === undefined) throw new ApiError(toProblem(error, response.status, response.statusText));
  return data;
}
