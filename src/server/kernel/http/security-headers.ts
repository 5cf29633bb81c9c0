import type { FastifyInstance } from 'fastify';
import { isApiPath } from './web';

/**
 * Security headers. The web app's paths (pages and assets) get the full browser
 * set; API responses get the ones that matter for them (OWASP REST guidance), because
 * every header is validated and written on every response. A route that sets
 * its own header (the API docs page brings its own CSP) keeps it.
 */
const common: Array<[string, string]> = [
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
];

const api: Array<[string, string]> = [...common, ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"]];

const page: Array<[string, string]> = [
  ...common,
  ['x-frame-options', 'DENY'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['permissions-policy', 'camera=(self), geolocation=(self), microphone=()'],
  // Ant Design writes its styles at run time, hence 'unsafe-inline' for styles only.
  [
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
      "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  ],
];

const hsts = 'max-age=31536000; includeSubDomains';

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    // Decided by path, not content type: a 304 for the cached page carries no content type, and
    // browsers take the CSP of a 304 for the page they already hold.
    const set = isApiPath(request.url) ? api : page;
    for (const [name, value] of set) if (!reply.hasHeader(name)) reply.header(name, value);
    // browsers ignore HSTS over plain HTTP; behind a TLS proxy set TRUST_PROXY=1
    if (request.protocol === 'https') reply.header('strict-transport-security', hsts);
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
}
