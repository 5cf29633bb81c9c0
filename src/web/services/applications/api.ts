import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { unwrap } from '../../api/unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type Application = JsonOf<paths['/api/v1/services/applications/{id}']['get']['responses'][200]>;
export type ApplicationSummary = JsonOf<paths['/api/v1/services/applications/mine']['get']['responses'][200]>['items'][number];
export type Progress = JsonOf<paths['/api/v1/services/progress']['get']['responses'][200]>;
export type FormField = Application['formFields'][number];
export type TimelineEntry = Application['timeline'][number];
export type DraftBody = paths['/api/v1/services/applications/{id}']['put']['requestBody']['content']['application/json'];
export type MaterialFile = NonNullable<DraftBody['materials']>[number];
export type CounterBody = paths['/api/v1/services/applications/counter']['post']['requestBody']['content']['application/json'];

const key = (idempotencyKey: string) => ({ header: { 'idempotency-key': idempotencyKey } });

/** POST /api/v1/services/applications: a new draft (暂存). */
export const createDraft = (itemCode: string, body: DraftBody) => unwrap(api.POST('/api/v1/services/applications', { body: { itemCode, ...body } }));

/** PUT /api/v1/services/applications/{id}: the draft saved whole. */
export const saveDraft = (id: string, body: DraftBody) => unwrap(api.PUT('/api/v1/services/applications/{id}', { params: { path: { id } }, body }));

/** POST …/{id}/submit: 申报 of the draft; a retry with the same key answers the same application. */
export const submitDraft = (id: string, idempotencyKey: string) => unwrap(api.POST('/api/v1/services/applications/{id}/submit', { params: { path: { id }, ...key(idempotencyKey) } }));

/** POST …/counter (window clerk): a counter application, submitted at once. */
export const submitCounter = (body: CounterBody, idempotencyKey: string) => unwrap(api.POST('/api/v1/services/applications/counter', { params: key(idempotencyKey), body }));

/** POST …/{id}/resubmit: the corrected materials after the 补正 notice. */
export const resubmit = (id: string, materials: MaterialFile[]) => unwrap(api.POST('/api/v1/services/applications/{id}/resubmit', { params: { path: { id } }, body: { materials } }));

export const fetchApplication = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/services/applications/{id}', { params: { path: { id } }, signal }));
export const fetchMyApplications = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/services/applications/mine', { signal }))).items;
export const fetchStaffApplications = async (status: string | undefined, signal?: AbortSignal) =>
  (await unwrap(api.GET('/api/v1/services/applications', { params: { query: status ? { status } : {} }, signal }))).items;

/** GET /api/v1/services/progress (public, rate-limited). */
export const fetchProgress = (businessNo: string, idOrPhone: string) => unwrap(api.GET('/api/v1/services/progress', { params: { query: { businessNo, idOrPhone } } }));

/** Where a material file of an application is opened from. */
export const materialUrl = (id: string, fileId: string) => `/api/v1/services/applications/${encodeURIComponent(id)}/materials/${encodeURIComponent(fileId)}`;

/** POST /api/v1/files: a material's raw bytes (its type is checked from the content on the server). */
export const uploadMaterial = (file: File) =>
  unwrap(
    api.POST('/api/v1/files', {
      params: { header: { 'x-file-name': encodeURIComponent(file.name || 'material.pdf') } },
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
    }),
  );

/** A fresh Idempotency-Key for one submission (kept while the page retries it). */
export const newIdempotencyKey = () => (globalThis.crypto?.randomUUID?.() ?? `k-${Date.now()}-${Math.random().toString(36).slice(2)}`);
