import { api } from './client';
import type { paths } from './schema';
import { unwrap } from './unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type Inbox = JsonOf<paths['/api/v1/inbox']['get']['responses'][200]>;
export type InboxItem = Inbox['items'][number];
export type InboxQuery = NonNullable<paths['/api/v1/inbox']['get']['parameters']['query']>;
export type Colour = InboxItem['colour'];
export type ProcessView = JsonOf<paths['/api/v1/workflow/instances/{id}']['get']['responses'][200]>;
export type ProcessAction = ProcessView['actions'][number];
export type HistoryEntry = ProcessView['history'][number];
export type ActionBody = paths['/api/v1/workflow/instances/{id}/actions/{action}']['post']['requestBody']['content']['application/json'];

/** GET /api/v1/inbox: everything waiting for the signed-in user, with counts per colour. */
export const fetchInbox = (query: InboxQuery = {}, signal?: AbortSignal) => unwrap(api.GET('/api/v1/inbox', { params: { query }, signal }));

/** GET /api/v1/workflow/instances/{id}: the process panel of one instance. */
export const fetchProcess = (id: string, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/workflow/instances/{id}', { params: { path: { id } }, signal }));

export const takeAction = (id: string, action: string, body: ActionBody) =>
  unwrap(api.POST('/api/v1/workflow/instances/{id}/actions/{action}', { params: { path: { id, action } }, body }));

export const withdrawProcess = (id: string) => unwrap(api.POST('/api/v1/workflow/instances/{id}/withdraw', { params: { path: { id } } }));

export const claimStep = (stepId: string) => unwrap(api.POST('/api/v1/workflow/steps/{id}/claim', { params: { path: { id: stepId } } }));

export type Candidate = JsonOf<paths['/api/v1/workflow/steps/{id}/candidates']['get']['responses'][200]>['items'][number];
export type UploadedFile = JsonOf<paths['/api/v1/files']['post']['responses'][201]>;

/** GET …/steps/{id}/candidates: colleagues the step can be handed over or assigned to. */
export const fetchCandidates = async (stepId: string, signal?: AbortSignal): Promise<Candidate[]> =>
  (await unwrap(api.GET('/api/v1/workflow/steps/{id}/candidates', { params: { path: { id: stepId } }, signal }))).items;

/** 转办 (whoever works on the step) or 指派/改派 (workflow:assign). */
export const giveStep = (kind: 'handover' | 'assign', stepId: string, body: { accountId: string; comment: string }) =>
  kind === 'handover'
    ? unwrap(api.POST('/api/v1/workflow/steps/{id}/handover', { params: { path: { id: stepId } }, body }))
    : unwrap(api.POST('/api/v1/workflow/steps/{id}/assign', { params: { path: { id: stepId } }, body }));

/** 申请延期: more working days on my step; a leader decides in their inbox. */
export const requestExtension = (stepId: string, body: { workingDays: number; reason: string }) =>
  unwrap(api.POST('/api/v1/workflow/steps/{id}/extension', { params: { path: { id: stepId } }, body }));

/** 挂起 (workflow:suspend): no actions, clock stopped. */
export const suspendProcess = (id: string, reason: string) =>
  unwrap(api.POST('/api/v1/workflow/instances/{id}/suspend', { params: { path: { id } }, body: { reason } }));

/** 恢复 a suspended process. */
export const resumeProcess = (id: string) => unwrap(api.POST('/api/v1/workflow/instances/{id}/resume', { params: { path: { id } } }));

/** POST /api/v1/files: the raw bytes with the file's own Content-Type and its name URL-encoded. */
export const uploadFile = (file: File) =>
  unwrap(
    api.POST('/api/v1/files', {
      params: { header: { 'x-file-name': encodeURIComponent(file.name) } },
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
    }),
  );

/** Where an attachment of the history is downloaded. */
export const attachmentUrl = (instanceId: string, fileId: string) =>
  `/api/v1/workflow/instances/${encodeURIComponent(instanceId)}/attachments/${encodeURIComponent(fileId)}`;
