import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { unwrap } from '../../api/unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
export type RatingSummary = JsonOf<paths['/api/v1/services/ratings/summary']['get']['responses'][200]>['items'][number];
export type MyRating = JsonOf<paths['/api/v1/services/ratings/mine']['get']['responses'][200]>['items'][number];
export type RatingBody = paths['/api/v1/services/ratings']['post']['requestBody']['content']['application/json'];

/** GET /api/v1/services/ratings/summary (public): per department or per item. */
export const fetchRatingSummary = async (by: 'department' | 'item', key?: string, signal?: AbortSignal) =>
  (await unwrap(api.GET('/api/v1/services/ratings/summary', { params: { query: key ? { by, key } : { by } }, signal }))).items;
export const fetchMyRatings = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/services/ratings/mine', { signal }))).items;
export const submitRating = (body: RatingBody) => unwrap(api.POST('/api/v1/services/ratings', { body }));
