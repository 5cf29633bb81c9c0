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
