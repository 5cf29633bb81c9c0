import { api } from '../api/client';
import { ApiError, toProblem } from '../api/problem';
import { unwrap } from '../api/unwrap';

/** The parts of CKAN's dicts the portal shows (the same API every CKAN client reads). */
export interface CkanResource {
  id: string;
  name: string;
  format: string;
  url: string;
  url_type: string;
  datastore_active: boolean;
  size: number | null;
  last_modified: string;
}
export interface CkanPackage {
  id: string;
  name: string;
  title: string;
  notes: string;
  license_id: string;
  license_title: string;
  metadata_modified: string;
  organization: { name: string; title: string } | null;
  tags: Array<{ name: string }>;
  groups: Array<{ name: string; title: string }>;
  resources: CkanResource[];
  extras: Array<{ key: string; value: string }>;
}
export interface FacetItem {
  name: string;
  display_name: string;
  count: number;
}
export interface SearchResult {
  count: number;
  results: CkanPackage[];
  search_facets: Record<string, { title: string; items: FacetItem[] }>;
}
export const FACETS = ['organization', 'groups', 'tags', 'res_format', 'license_id'] as const;
export type Facet = (typeof FACETS)[number];

async function ckan<T>(action: string, params: Record<string, string>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`/api/3/action/${action}?${new URLSearchParams(params)}`, { signal, credentials: 'same-origin' });
  const body = (await response.json().catch(() => null)) as { success?: boolean; result?: T; error?: { message?: string; __type?: string } } | null;
  if (!response.ok || !body?.success) throw new ApiError(toProblem({ title: body?.error?.__type ?? 'Error', detail: body?.error?.message ?? response.statusText }, response.status, response.statusText));
  return body.result as T;
}

export interface SearchInput {
  q: string;
  filters: Partial<Record<Facet, string[]>>;
  sort: string;
  rows: number;
  start: number;
}

/** CKAN package_search: the filters become an fq of field:"value" clauses. */
export function searchDatasets(input: SearchInput, signal?: AbortSignal) {
  const fq = Object.entries(input.filters).flatMap(([field, values]) => (values ?? []).map((v) => `${field}:"${v}"`)).join(' ');
  return ckan<SearchResult>('package_search', { q: input.q, fq, sort: input.sort, rows: String(input.rows), start: String(input.start), 'facet.field': JSON.stringify(FACETS), 'facet.limit': '12' }, signal);
}

export interface DatasetPage {
  dataset: CkanPackage;
  usage: { views: number; downloads: number };
  openType: 'unconditional' | 'conditional';
  licence: { id: string; title: string };
  access: { signedIn: boolean; mayRead: boolean };
}

/** The dataset page (counts a view). */
export async function fetchDataset(name: string, signal?: AbortSignal): Promise<DatasetPage> {
  return (await unwrap(api.GET('/api/v1/opendata/datasets/{name}', { params: { path: { name } }, signal }))) as unknown as DatasetPage;
}

export const fetchPreview = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/opendata/resources/{id}/preview', { params: { path: { id } }, signal }));

export const acceptAgreement = (name: string) => unwrap(api.POST('/api/v1/opendata/datasets/{name}/agreement', { params: { path: { name } } }));
