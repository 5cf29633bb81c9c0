import { api } from './client';
import type { paths } from './schema';
import { unwrap } from './unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Manage = '/api/v1/services/manage/items/{id}';

export type SearchQuery = NonNullable<paths['/api/v1/services/items']['get']['parameters']['query']>;
export type SearchReply = JsonOf<paths['/api/v1/services/items']['get']['responses'][200]>;
export type SearchHit = SearchReply['items'][number];
export type FacetQuery = NonNullable<paths['/api/v1/services/facets']['get']['parameters']['query']>;
export type Facets = JsonOf<paths['/api/v1/services/facets']['get']['responses'][200]>;
export type GuideReply = JsonOf<paths['/api/v1/services/items/{code}']['get']['responses'][200]>;
type Optional = 'sampleFileId' | 'sharedSource' | 'certTypeCode' | 'certName';
/** A material of a guide: the portal's leaves out what a material lacks, a stored version has nulls. */
export type Material = Omit<GuideReply['materials'][number], Optional> & { [K in Optional]?: string | null };
/** What GuideView shows: the portal's guide, or one stored version of it. */
export type Guide = Omit<GuideReply, 'parent' | 'children' | 'materials'> & Partial<Pick<GuideReply, 'parent' | 'children'>> & { materials: Material[] };
export type PowerList = JsonOf<paths['/api/v1/services/power-list']['get']['responses'][200]>;
export type ResponsibilityList = JsonOf<paths['/api/v1/services/responsibility-list']['get']['responses'][200]>;
export type Vocabulary = JsonOf<paths['/api/v1/services/vocabulary']['get']['responses'][200]>;
export type ManageItem = JsonOf<paths['/api/v1/services/manage/items']['get']['responses'][200]>['items'][number];
export type ManageQuery = NonNullable<paths['/api/v1/services/manage/items']['get']['parameters']['query']>;
export type Draft = JsonOf<paths[Manage]['get']['responses'][200]>;
export type NewItem = paths['/api/v1/services/manage/items']['post']['requestBody']['content']['application/json'];
export type ItemUpdate = paths[Manage]['put']['requestBody']['content']['application/json'];
export type VersionInfo = JsonOf<paths['/api/v1/services/manage/items/{id}/versions']['get']['responses'][200]>['items'][number];
export type VersionDetail = JsonOf<paths['/api/v1/services/manage/items/{id}/versions/{version}']['get']['responses'][200]>;
export type CatalogScope = JsonOf<paths['/api/v1/services/manage/scope']['get']['responses'][200]>;

/** GET /api/v1/services/items (public): search the published catalogue, ranked. */
export const searchItems = (query: SearchQuery, signal?: AbortSignal) => unwrap(api.GET('/api/v1/services/items', { params: { query }, signal }));

/** GET /api/v1/services/facets (public): counts for the portal's filters. */
export const fetchFacets = (query: FacetQuery, signal?: AbortSignal) => unwrap(api.GET('/api/v1/services/facets', { params: { query }, signal }));

/** GET /api/v1/services/items/{code} (public): the 办事指南 of the current published version. */
export const fetchGuide = (code: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/services/items/{code}', { params: { path: { code } }, signal }));

export const fetchPowerList = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/services/power-list', { signal }));
export const fetchResponsibilityList = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/services/responsibility-list', { signal }));
export const fetchVocabulary = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/services/vocabulary', { signal }));

/** Where the sample (样表) of material `n` (1-based) of a published item is downloaded from. */
export const sampleUrl = (code: string, n: number) => `/api/v1/services/items/${encodeURIComponent(code)}/materials/${n}/sample`;

export const fetchCatalogScope = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/services/manage/scope', { signal }));
export const fetchManagedItems = async (query: ManageQuery, signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/services/manage/items', { params: { query }, signal }))).items;
export const fetchDraft = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/services/manage/items/{id}', { params: { path: { id } }, signal }));
export const createItem = (body: NewItem) => unwrap(api.POST('/api/v1/services/manage/items', { body }));
export const saveItem = (id: string, body: ItemUpdate) => unwrap(api.PUT('/api/v1/services/manage/items/{id}', { params: { path: { id } }, body }));
export const publishItem = (id: string, note: string) => unwrap(api.POST('/api/v1/services/manage/items/{id}/publish', { params: { path: { id } }, body: { note } }));
export const withdrawItem = (id: string, reason: string) => unwrap(api.POST('/api/v1/services/manage/items/{id}/withdraw', { params: { path: { id } }, body: { reason } }));
export const fetchVersions = async (id: string, signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/services/manage/items/{id}/versions', { params: { path: { id } }, signal }))).items;
export const fetchVersion = (id: string, version: number, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/services/manage/items/{id}/versions/{version}', { params: { path: { id, version } }, signal }));

/** POST /api/v1/files: a sample's raw bytes with its own Content-Type and its name URL-encoded. */
export const uploadSample = (file: File) =>
  unwrap(
    api.POST('/api/v1/files', {
      params: { header: { 'x-file-name': encodeURIComponent(file.name || 'sample.pdf') } },
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
    }),
  );
