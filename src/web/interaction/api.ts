import { api } from '../api/client';
import type { paths } from '../api/schema';
import { unwrap } from '../api/unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type TicketKind = JsonOf<paths['/api/v1/interaction/kinds']['get']['responses'][200]>['items'][number];
export type LetterBody = paths['/api/v1/interaction/letters']['post']['requestBody']['content']['application/json'];
export type AnonymousBody = paths['/api/v1/interaction/letters/anonymous']['post']['requestBody']['content']['application/json'];
export type HotlineBody = paths['/api/v1/interaction/tickets/hotline']['post']['requestBody']['content']['application/json'];
export type Written = JsonOf<paths['/api/v1/interaction/letters']['post']['responses'][201]>;
export type TicketQuery = NonNullable<paths['/api/v1/interaction/tickets']['get']['parameters']['query']>;
export type TicketItem = JsonOf<paths['/api/v1/interaction/tickets']['get']['responses'][200]>['items'][number];
export type MyLetter = JsonOf<paths['/api/v1/interaction/letters/mine']['get']['responses'][200]>['items'][number];
export type PublicReply = JsonOf<paths['/api/v1/interaction/public']['get']['responses'][200]>['items'][number];
export type PublicQuery = NonNullable<paths['/api/v1/interaction/public']['get']['parameters']['query']>;
export type TicketDetail = JsonOf<paths['/api/v1/interaction/tickets/{id}']['get']['responses'][200]>;
export type LookedUp = JsonOf<paths['/api/v1/interaction/lookup']['get']['responses'][200]>;

/** GET /api/v1/interaction/kinds (public): 区长信箱, 部门信箱, 咨询, 投诉, 建议 with their limits. */
export const fetchKinds = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/interaction/kinds', { signal }))).items;

/** POST /api/v1/interaction/letters: a signed-in citizen's or enterprise's letter. */
export const writeLetter = (body: LetterBody) => unwrap(api.POST('/api/v1/interaction/letters', { body }));

/** POST /api/v1/interaction/letters/anonymous (public): a phone number is required for the reply. */
export const writeAnonymous = (body: AnonymousBody) => unwrap(api.POST('/api/v1/interaction/letters/anonymous', { body }));

/** POST /api/v1/interaction/tickets/hotline (centre): a call registered for a caller. */
export const registerCall = (body: HotlineBody) => unwrap(api.POST('/api/v1/interaction/tickets/hotline', { body }));

/** GET /api/v1/interaction/letters/mine. */
export const fetchMyLetters = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/interaction/letters/mine', { signal }))).items;

/** GET /api/v1/interaction/public (public): approved letters and replies, names masked. */
export const fetchPublicReplies = async (query: PublicQuery, signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/interaction/public', { params: { query }, signal }))).items;

/** GET /api/v1/interaction/lookup (public): a ticket by its number and the phone given with it. */
export const lookUp = (ticketNo: string, phone: string) => unwrap(api.GET('/api/v1/interaction/lookup', { params: { query: { ticketNo, phone } } }));

/** GET /api/v1/interaction/tickets (centre, leaders). */
export const fetchTickets = async (query: TicketQuery, signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/interaction/tickets', { params: { query }, signal }))).items;

/** GET /api/v1/interaction/tickets/{id}. */
export const fetchTicket = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/interaction/tickets/{id}', { params: { path: { id } }, signal }));

/** POST …/chase (centre): 催办. */
export const chaseTicket = (id: string, comment: string) => unwrap(api.POST('/api/v1/interaction/tickets/{id}/chase', { params: { path: { id } }, body: { comment } }));

/** POST …/publication (centre): approve or refuse publication of a closed ticket. */
export const decidePublication = (id: string, approve: boolean) => unwrap(api.POST('/api/v1/interaction/tickets/{id}/publication', { params: { path: { id } }, body: { approve } }));

/** Where an attachment of a ticket is downloaded from. */
export const ticketFileUrl = (id: string, fileId: string) => `/api/v1/interaction/tickets/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`;

const act = (instanceId: string, action: string, body: { comment?: string; fields?: Record<string, string> }) =>
  unwrap(api.POST('/api/v1/workflow/instances/{id}/actions/{action}', { params: { path: { id: instanceId, action } }, body }));

/** 派单: to a department (its handlers sign it off). */
export const dispatchTicket = (instanceId: string, department: string, comment?: string) => act(instanceId, 'dispatch', { fields: { department }, ...(comment ? { comment } : {}) });

/** 答复: the department's reply (5–4000 characters). */
export const replyTicket = (instanceId: string, reply: string) => act(instanceId, 'reply', { fields: { reply } });
