import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { currentStep, totpAt } from '../../src/server/kernel/identity/totp';

export interface TestSession {
  cookie: string;
  csrf: string;
  mfa: 'none' | 'verify' | 'enrol';
  /** inject with the session cookie and, for unsafe methods, the CSRF token */
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<TestSession> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const body = res.json() as { csrfToken: string; mfa: TestSession['mfa'] };
  return {
    cookie,
    csrf: body.csrfToken,
    mfa: body.mfa,
    request: (method, url, payload) =>
      app.inject({ method, url, headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': body.csrfToken }) }, ...(payload ? { payload } : {}) }),
  };
}

/** Signs in an administrator, enrolling an authenticator if needed; returns the session and the TOTP secret. */
export async function signInAdmin(app: FastifyInstance, username: string, password: string, secret?: string): Promise<{ session: TestSession; secret: string }> {
  const session = await signIn(app, username, password);
  if (session.mfa === 'enrol') {
    const enrol = await session.request('POST', '/api/v1/auth/totp/enrol');
    const s = (enrol.json() as { secret: string }).secret;
    const ok = await session.request('POST', '/api/v1/auth/totp/confirm', { code: totpAt(s, currentStep()) });
    if (ok.statusCode !== 200) throw new Error(`enrol: ${ok.body}`);
    return { session, secret: s };
  }
  if (!secret) throw new Error('administrator already enrolled: pass the secret');
  // a code can be used once: take the next step's code, which the ±1 window accepts
  const res = await session.request('POST', '/api/v1/auth/totp/verify', { code: totpAt(secret, currentStep() + 1) });
  if (res.statusCode !== 200) throw new Error(`verify: ${res.body}`);
  return { session, secret };
}
