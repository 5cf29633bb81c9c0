import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** Typed client for the platform's HTTP API (same origin; cookies sent). */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { Accept: 'application/json, application/problem+json' },
});
