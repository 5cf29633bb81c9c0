import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActor } from '../../../../test/helpers/actors';
import { buildTestApp } from '../../../../test/helpers/app';
import { defaultWebRoot } from './app';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';

let t: TestDatabase;
let app: FastifyInstance;
const staff = buildActor({ permissions: ['org:manage'] });

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { config: { bodyLimitBytes: 4096 }, resolveActor: async () => staff });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown> & { message: { zh: string; en: string } };
  expect(body).toMatchObject({ status, code });
  expect(body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(body.message.en.length).toBeGreaterThan(3);
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

describe('bad requests answer problem+json 4xx, never 500', () => {
  const post = (payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/api/v1/orgs', headers: { 'content-type': contentType }, payload });

  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    expectProblem(await post('{"name": '), 400, 'MALFORMED_JSON');
  });

  it('prototype poisoning → 400', async () => {
    const res = await post('{"__proto__": {"admin": true}, "name": "x"}');
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toMatch(/problem\+json/);
  });

  it('empty JSON body → 400', async () => {
    expectProblem(await post(''), 400, 'EMPTY_BODY');
  });

  it('wrong types → 400 with the fields at fault', async () => {
    const body = expectProblem(await post(JSON.stringify({ parentId: 12, code: 500118999, name: ['x'], kind: 'street' })), 400, 'VALIDATION_FAILED');
    const fields = (body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/body/parentId', '/body/code', '/body/name']));
  });

  it('a number sent as a string is not coerced in a body', async () => {
    const res = await app.inject({ method: 'PATCH', url: '/api/v1/orgs/01a21645-799e-7690-a149-027a16179376', payload: { sortOrder: '5' } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(body.errors).toContainEqual(expect.objectContaining({ field: '/body/sortOrder', code: 'type' }));
  });

  it('unknown fields → 400 naming the field', async () => {
    const body = expectProblem(
      await post(JSON.stringify({ parentId: '01a21645-799e-7690-a149-027a16179376', code: '500118999', name: '测试', kind: 'town', isAdmin: true })),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toContainEqual(expect.objectContaining({ field: '/body/isAdmin', code: 'additionalProperties' }));
  });

  it('a value outside an enumeration → 400', async () => {
    const body = expectProblem(
      await post(JSON.stringify({ parentId: '01a21645-799e-7690-a149-027a16179376', code: '500118999', name: '测试', kind: 'province' })),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual([expect.objectContaining({ field: '/body/kind', code: 'anyOf' })]);
  });

  it('oversize body → 413', async () => {
    expectProblem(await post(JSON.stringify({ name: 'x'.repeat(10_000) })), 413, 'BODY_TOO_LARGE');
  });

  it('wrong content type → 415', async () => {
    expectProblem(await post('name=x', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('unknown route → 404 ROUTE_NOT_FOUND (also for other methods)', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' }), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await app.inject({ method: 'DELETE', url: '/api/v1/orgs' }), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await app.inject({ method: 'GET', url: '/nope.js' }), 404, 'ROUTE_NOT_FOUND');
  });

  it('malformed path parameter → 400', async () => {
    const body = expectProblem(await app.inject({ method: 'GET', url: '/api/v1/orgs/not-a-uuid' }), 400, 'VALIDATION_FAILED');
    expect(body.errors).toContainEqual(expect.objectContaining({ field: '/params/id' }));
  });

  it('malformed URL encoding → 400', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/orgs/%E0%A4%A' }), 400, 'BAD_URL');
  });
});

describe('every response', () => {
  it('carries a request id (a sane caller id is kept) and security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const hostile = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad\nid{}' } });
    expect(hostile.headers['x-request-id']).toMatch(/^[A-Za-z0-9_-]{8}-[0-9a-z]+$/);
  });
});

describe('the web app', () => {
  it('serves index.html with the page security headers for the client-side routes of the three faces', async () => {
    const web = await buildTestApp(t.database, { webRoot: defaultWebRoot });
    try {
      for (const url of ['/', '/work', '/work/orgs?id=x', '/command']) {
        const res = await web.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(String(res.headers['content-type'])).toContain('text/html');
        expect(res.body).toContain('<div id="root">');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
      }
      // API paths never fall back to the page
      expect((await web.inject({ method: 'GET', url: '/api/v1/nothing' })).statusCode).toBe(404);
    } finally {
      await web.close();
    }
  });
});

describe('operations endpoints', () => {
  it('/healthz and /readyz (checks the database)', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'ok' });
  });

  it('/metrics in Prometheus text format, labelled by route template', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/orgs' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/plain');
    expect(res.body).toMatch(/sy_http_requests_total\{method="GET",route="\/api\/v1\/orgs",status="200"\} \d+/);
    expect(res.body).toMatch(/sy_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/orgs",status="200"\} \d+/);
    expect(res.body).toContain('sy_process_cpu_seconds_total');
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/orgs', '/api/v1/orgs/{id}', '/api/v1/orgs/{id}/move']));
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});

describe('access declarations', () => {
  it('every API route declares public access or a permission that a module registered', async () => {
    const { modules } = await import('../../modules');
    const { kernelPermissions } = await import('../identity');
    const known = new Set([...kernelPermissions, ...modules.flatMap((m) => m.permissions)].map((p) => p.name));
    expect(app.routeAccess.length).toBeGreaterThan(5);
    for (const route of app.routeAccess) {
      if ('permission' in route.access) expect(known, `${route.method} ${route.url}`).toContain(route.access.permission);
      else if ('anyPermission' in route.access) for (const p of route.access.anyPermission) expect(known, `${route.method} ${route.url}`).toContain(p);
      else expect(route.access).toSatisfy((a: object) => 'public' in a || 'authenticated' in a);
    }
  });

  it('a route without a declaration cannot even be registered', async () => {
    const { default: Fastify } = await import('fastify');
    const { installAccess } = await import('./access-hooks');
    const bare = Fastify();
    installAccess(bare, null);
    expect(() => bare.get('/api/v1/forgotten', async () => 'x')).toThrow(/declares no access/);
    await bare.close();
  });
});
