import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** Typed client for the platform's HTTP API (same origin; cookies sent). */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { Accept: 'application/json, application/problem+json' },
});

let csrfToken: string | null = null;

/** The session's CSRF token (from login or /auth/me); null when signed out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every unsafe request made with the session cookie carries X-CSRF-Token. */
const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method.toUpperCase())) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
};

api.use(csrf);
