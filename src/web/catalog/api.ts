import { api } from '../api/client';
import type { paths } from '../api/schema';
import { unwrap } from '../api/unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
export type Resource = JsonOf<paths['/api/v1/catalog/resources/{id}']['get']['responses'][200]>;
export type ResourceQuery = NonNullable<paths['/api/v1/catalog/resources']['get']['parameters']['query']>;
export type ResourceInput = paths['/api/v1/catalog/resources']['post']['requestBody']['content']['application/json'];
export type Vocabulary = Record<string, Record<string, string>>;

export const listResources = (query: ResourceQuery, signal?: AbortSignal) => unwrap(api.GET('/api/v1/catalog/resources', { params: { query }, signal }));
export const fetchResource = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/catalog/resources/{id}', { params: { path: { id } }, signal }));
export const fetchVocabulary = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/catalog/vocabulary', { signal })) as Promise<Vocabulary>;
export const fetchProviders = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/catalog/providers', { signal }));
export const createResource = (body: ResourceInput) => unwrap(api.POST('/api/v1/catalog/resources', { body }));
export const updateResource = (id: string, body: ResourceInput & { revision: number }) => unwrap(api.PUT('/api/v1/catalog/resources/{id}', { params: { path: { id } }, body }));
export const submitResource = (id: string) => unwrap(api.POST('/api/v1/catalog/resources/{id}/submit', { params: { path: { id } } }));
