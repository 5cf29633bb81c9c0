import { api } from './client';
import type { paths } from './schema';
import { unwrap } from './unwrap';

export type NewRequest = paths['/api/v1/requests']['post']['requestBody']['content']['application/json'];

/** POST /api/v1/requests: files an internal request (内部事项申请); returns its workflow instance. */
export const fileRequest = (body: NewRequest) => unwrap(api.POST('/api/v1/requests', { body }));
