import { api } from '../api/client';
import type { paths } from '../api/schema';
import { unwrap } from '../api/unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type Vocabulary = JsonOf<paths['/api/v1/disclosure/categories']['get']['responses'][200]>;
export type PublicArticle = JsonOf<paths['/api/v1/disclosure/articles']['get']['responses'][200]>['items'][number];
export type ArticleQuery = NonNullable<paths['/api/v1/disclosure/articles']['get']['parameters']['query']>;
export type ArticleDetail = JsonOf<paths['/api/v1/disclosure/articles/{id}']['get']['responses'][200]>;
export type WorkArticle = JsonOf<paths['/api/v1/disclosure/manage/articles']['get']['responses'][200]>['items'][number];
export type ArticleBody = paths['/api/v1/disclosure/manage/articles']['post']['requestBody']['content']['application/json'];
export type RequestBody = paths['/api/v1/disclosure/requests']['post']['requestBody']['content']['application/json'];
export type RequestItem = JsonOf<paths['/api/v1/disclosure/requests/mine']['get']['responses'][200]>['items'][number];
export type RequestDetail = JsonOf<paths['/api/v1/disclosure/requests/{id}']['get']['responses'][200]>;

export const fetchVocabulary = (signal?: AbortSignal) => unwrap(api.GET('/api/v1/disclosure/categories', { signal }));
export const fetchPublicArticles = async (query: ArticleQuery, signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/disclosure/articles', { params: { query }, signal }))).items;
export const fetchPublicArticle = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/disclosure/articles/{id}', { params: { path: { id } }, signal }));
export const articleFileUrl = (id: string, fileId: string) => `/api/v1/disclosure/articles/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`;

export const fetchWorkArticles = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/disclosure/manage/articles', { params: { query: {} }, signal }))).items;
export const fetchWorkArticle = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/disclosure/manage/articles/{id}', { params: { path: { id } }, signal }));
export const createArticle = (body: ArticleBody) => unwrap(api.POST('/api/v1/disclosure/manage/articles', { body }));
export const updateArticle = (id: string, body: ArticleBody) => unwrap(api.PUT('/api/v1/disclosure/manage/articles/{id}', { params: { path: { id } }, body }));
export const submitArticle = (id: string) => unwrap(api.POST('/api/v1/disclosure/manage/articles/{id}/submit', { params: { path: { id } } }));
export const withdrawArticle = (id: string, reason: string) => unwrap(api.POST('/api/v1/disclosure/manage/articles/{id}/withdraw', { params: { path: { id } }, body: { reason } }));

export const fileRequest = (body: RequestBody) => unwrap(api.POST('/api/v1/disclosure/requests', { body }));
export const fetchMyRequests = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/disclosure/requests/mine', { signal }))).items;
export const fetchOrgRequests = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/disclosure/requests', { signal }))).items;
export const fetchRequest = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/disclosure/requests/{id}', { params: { path: { id } }, signal }));

/** 答复: the answer type, the text and the legal basis (required for partial, refuse and not_ours). */
export const answerRequest = (instanceId: string, fields: { answerType: string; answer: string; legalBasis?: string }, attachments: string[]) =>
  unwrap(api.POST('/api/v1/workflow/instances/{id}/actions/{action}', { params: { path: { id: instanceId, action: 'answer' } }, body: { fields, ...(attachments.length > 0 ? { attachments } : {}) } }));
