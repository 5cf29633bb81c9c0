import { api } from './client';
import type { paths } from './schema';
import { unwrap } from './unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type CaseClass = JsonOf<paths['/api/v1/cases/classes']['get']['responses'][200]>['items'][number];
export type NewCase = paths['/api/v1/cases']['post']['requestBody']['content']['application/json'];
export type ReportedCase = JsonOf<paths['/api/v1/cases']['post']['responses'][201]>;
export type CaseQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;
export type CaseItem = JsonOf<paths['/api/v1/cases']['get']['responses'][200]>['items'][number];
export type MyCase = JsonOf<paths['/api/v1/cases/mine']['get']['responses'][200]>['items'][number];
export type PublicCase = JsonOf<paths['/api/v1/cases/public']['get']['responses'][200]>['items'][number];
export type CaseDetail = JsonOf<paths['/api/v1/cases/{id}']['get']['responses'][200]>;
export type UploadedPhoto = JsonOf<paths['/api/v1/files']['post']['responses'][201]>;

/** GET /api/v1/cases/classes (public): 部件 and 事件 classes with conditions and limits. */
export const fetchCaseClasses = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/cases/classes', { signal }))).items;

/** POST /api/v1/cases: reports a problem; the reply names the case number and possible duplicates. */
export const reportCase = (body: NewCase) => unwrap(api.POST('/api/v1/cases', { body }));

/** GET /api/v1/cases (cases:read): the centre's list, newest first. */
export const fetchCases = async (query: CaseQuery, signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/cases', { params: { query }, signal }))).items;

/** GET /api/v1/cases/mine: what the signed-in person reported. */
export const fetchMyCases = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/cases/mine', { signal }))).items;

/** GET /api/v1/cases/public (public): recent cases, location rounded, nothing personal. */
export const fetchPublicCases = async (days: number, signal?: AbortSignal) =>
  (await unwrap(api.GET('/api/v1/cases/public', { params: { query: { days } }, signal }))).items;

/** GET /api/v1/cases/{id}: one case. */
export const fetchCase = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/cases/{id}', { params: { path: { id } }, signal }));

/** POST /api/v1/cases/{id}/rating: the reporter rates the result once the case is closed. */
export const rateCase = (id: string, stars: number) => unwrap(api.POST('/api/v1/cases/{id}/rating', { params: { path: { id } }, body: { stars } }));

/** Where a photo of a case is shown from (thumbnails and full size). */
export const casePhotoUrl = (caseId: string, fileId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/photos/${encodeURIComponent(fileId)}`;

/** POST /api/v1/files: a photo's raw bytes with its own Content-Type and its name URL-encoded. */
export const uploadPhoto = (file: File) =>
  unwrap(
    api.POST('/api/v1/files', {
      params: { header: { 'x-file-name': encodeURIComponent(file.name || 'photo.jpg') } },
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
    }),
  );

const act = (instanceId: string, action: string, body: { comment?: string; fields?: Record<string, string> }) =>
  unwrap(api.POST('/api/v1/workflow/instances/{id}/actions/{action}', { params: { path: { id: instanceId, action } }, body }));

/** 派遣: the case's process moves to 处置中 at the chosen department (or street/town). */
export const dispatchCase = (instanceId: string, department: string, comment?: string) =>
  act(instanceId, 'dispatch', { fields: { department }, ...(comment ? { comment } : {}) });

/** 合并: a duplicate report ends as invalid, pointing at the case it repeats. */
export const mergeCase = (instanceId: string, into: string, comment?: string) => act(instanceId, 'merge', { fields: { into }, ...(comment ? { comment } : {}) });
