import { api } from '../api/client';
import type { paths } from '../api/schema';
import { unwrap } from '../api/unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type RegisterKey = 'persons' | 'legal-persons' | 'places';
export type Registers = JsonOf<paths['/api/v1/registry/registers']['get']['responses'][200]>;
export type RegisterInfo = Registers['items'][number];
export type RecordView = JsonOf<paths['/api/v1/registry/{register}/records/{id}']['get']['responses'][200]>;
export type SearchQuery = NonNullable<paths['/api/v1/registry/{register}/records']['get']['parameters']['query']>;
export type SearchResult = JsonOf<paths['/api/v1/registry/{register}/records']['get']['responses'][200]>;
export type Version = JsonOf<paths['/api/v1/registry/{register}/records/{id}/history']['get']['responses'][200]>['items'][number];
export type ImportReport = JsonOf<paths['/api/v1/registry/{register}/import']['post']['responses'][200]>;
export type Objection = JsonOf<paths['/api/v1/registry/objections/{id}']['get']['responses'][200]>;

export const fetchRegisters = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/registry/registers', { signal }));

export const searchRecords = (register: RegisterKey, query: SearchQuery, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/registry/{register}/records', { params: { path: { register }, query }, signal }));

export const fetchRecord = (register: RegisterKey, id: string, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/registry/{register}/records/{id}', { params: { path: { register, id } }, signal }));

/** The clear values of the granted personal fields; the server records the reason. */
export const revealRecord = (register: RegisterKey, id: string, reason: string) =>
  unwrap(api.POST('/api/v1/registry/{register}/records/{id}/reveal', { params: { path: { register, id } }, body: { reason } }));

export const fetchHistory = async (register: RegisterKey, id: string, signal?: AbortSignal) =>
  (await unwrap(api.GET('/api/v1/registry/{register}/records/{id}/history', { params: { path: { register, id } }, signal }))).items;

export const raiseObjection = (register: RegisterKey, id: string, body: { field: string; proposedValue: string; reason: string; evidence?: string[] }) =>
  unwrap(api.POST('/api/v1/registry/{register}/records/{id}/objections', { params: { path: { register, id } }, body }));

export const fetchObjection = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/registry/objections/{id}', { params: { path: { id } }, signal }));

/** The CSV file as the body (the server streams it); all or nothing unless `validOnly`. */
export const importCsv = (register: 'persons' | 'legal-persons', file: File, validOnly: boolean) =>
  unwrap(
    api.POST('/api/v1/registry/{register}/import', {
      params: { path: { register }, query: validOnly ? { mode: 'valid-only' } : {} },
      headers: { 'Content-Type': 'text/csv' },
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
    }),
  );
