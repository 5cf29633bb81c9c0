import { api } from './client';
import type { paths } from './schema';
import { unwrap } from './unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type ApiKey = JsonOf<paths['/api/v1/auth/api-keys']['get']['responses'][200]>['items'][number];
export type NewApiKey = paths['/api/v1/auth/api-keys']['post']['requestBody']['content']['application/json'];

export const fetchApiKeys = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/auth/api-keys', { signal }))).items;

/** Creates a key; the reply's `key` is the secret, shown once. */
export const createApiKey = (body: NewApiKey) => unwrap(api.POST('/api/v1/auth/api-keys', { body }));

export const revokeApiKey = (id: string) => unwrap(api.DELETE('/api/v1/auth/api-keys/{id}', { params: { path: { id } } }));
