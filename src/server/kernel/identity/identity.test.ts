import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/helpers/app';
import { chainAudit } from '../../../../test/helpers/audit';
import { freshDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { signIn, signInAdmin, type TestSession } from '../../../../test/helpers/session';
import { demoCitizen, demoPassword } from './seed';
import { currentStep, totpAt } from './totp';

let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await freshDatabase();
  app = await buildTestApp(t.database, { config: { lockoutThreshold: 5, lockoutMinutes: 15 } });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});
// every test signs in from 127.0.0.1; the per-address limit is tested on its own below
beforeEach(async () => {
  await sql`DELETE FROM login_attempt`.execute(t.database.db);
});

const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n);
const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

describe('sign-in', () => {
  it('a staff member signs in, sees who they are, and signs out (cookie HttpOnly, session revoked)', async () => {
    const res = await post('/api/v1/auth/login', { username: 'leader', password: demoPassword });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/sy_session=.+; .*HttpOnly/);
    const s = await signIn(app, 'leader', demoPassword);
    expect(s.mfa).toBe('none');
    const me = await s.request('GET', '/api/v1/auth/me');
    expect(me.json()).toMatchObject({ displayName: '孙区长', kind: 'staff', mfaPending: false });
    expect((await s.request('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('wrong passwords: the same answer for unknown users, lockout after 5 failures, even the right password is refused then', async () => {
    const unknown = await post('/api/v1/auth/login', { username: 'nobody', password: 'Whatever1!' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([401, 'LOGIN_FAILED']);
    for (let i = 0; i < 5; i += 1) {
      const res = await post('/api/v1/auth/login', { username: 'dispatcher', password: 'Wrong-pass-1' });
      expect(res.json().code).toBe('LOGIN_FAILED');
    }
    const locked = await post('/api/v1/auth/login', { username: 'dispatcher', password: demoPassword });
    expect([locked.statusCode, locked.json().code]).toEqual([423, 'ACCOUNT_LOCKED']);
  });

  it('limits login attempts per address (20 a minute), whatever the account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await post('/api/v1/auth/login', { username: `nobody${i}`, password: 'Whatever1!' })).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('refuses forged and expired session cookies', async () => {
    const forged = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'sy_session=forged-token-value' } });
    expect(forged.statusCode).toBe(401);
    const s = await signIn(app, 'clerk', demoPassword);
    await sql`UPDATE session SET last_seen_at = now() - interval '31 minutes'`.execute(t.database.db);
    expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a 10 MB password is refused before any hashing', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: 'x'.repeat(10 * 1024 * 1024) } });
    expect(res.statusCode).toBe(413);
  });
});

describe('CSRF protection', () => {
  it('a state-changing request with the cookie but without the token is refused and changes nothing', async () => {
    const s = await signIn(app, 'reviewer', demoPassword);
    const sessions = await count('session');
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect([res.statusCode, res.json().code]).toEqual([403, 'CSRF_FAILED']);
    expect((await s.request('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect(await count('session')).toBe(sessions);
  });
});

// the system administrator's session that passed the second factor, reused below (a TOTP code works once)
let sysadminSession: TestSession | null = null;

describe('second factor for administrators', () => {
  let secret = '';
  it('an administrator must enrol TOTP before anything else, then the code is required at every sign-in', async () => {
    const first = await signIn(app, 'sysadmin', demoPassword);
    expect(first.mfa).toBe('enrol');
    expect((await first.request('GET', '/api/v1/accounts')).json().code).toBe('MFA_REQUIRED');
    const enrol = await first.request('POST', '/api/v1/auth/totp/enrol');
    expect(enrol.json().qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.json().otpauthUri).toContain('otpauth://totp/');
    secret = enrol.json().secret;
    expect((await first.request('POST', '/api/v1/auth/totp/confirm', { code: '000000' })).statusCode).toBe(401);
    expect((await first.request('POST', '/api/v1/auth/totp/confirm', { code: totpAt(secret, currentStep()) })).statusCode).toBe(200);
    expect((await first.request('GET', '/api/v1/accounts')).statusCode).toBe(200);

    const second = await signIn(app, 'sysadmin', demoPassword);
    expect(second.mfa).toBe('verify');
    expect((await second.request('GET', '/api/v1/accounts')).json().code).toBe('MFA_REQUIRED');
    // the code used to confirm enrolment cannot be replayed
    const replay = await second.request('POST', '/api/v1/auth/totp/verify', { code: totpAt(secret, currentStep()) });
    expect([replay.statusCode, replay.json().code]).toEqual([401, 'TOTP_INVALID']);
    const next = await second.request('POST', '/api/v1/auth/totp/verify', { code: totpAt(secret, currentStep() + 1) });
    expect(next.statusCode).toBe(200);
    expect((await second.request('GET', '/api/v1/accounts')).statusCode).toBe(200);
    sysadminSession = second;
    // a stolen password alone cannot replace the authenticator
    const third = await signIn(app, 'sysadmin', demoPassword);
    expect((await third.request('POST', '/api/v1/auth/totp/enrol')).json().code).toBe('MFA_REQUIRED');
  });
});

describe('三员分立: the three administrators are kept apart', () => {
  it('the audit administrator cannot create an account (403, audited, nothing created)', async () => {
    const { session } = await signInAdmin(app, 'auditadmin', demoPassword);
    const before = await count('account');
    const orgs = (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string }>;
    const res = await session.request('POST', '/api/v1/accounts', { username: 'sneaky', password: 'Str0ng-Pass', displayName: '某某', orgId: orgs[1]!.id });
    expect([res.statusCode, res.json().code]).toEqual([403, 'FORBIDDEN']);
    expect(await count('account')).toBe(before);
    await chainAudit(t);
    const denial = await t.database.db
      .withTables<{ audit_log: { action: string; result: string; details: unknown } }>()
      .selectFrom('audit_log')
      .select(['action', 'result', 'details'])
      .where('action', '=', 'access.denied')
      .execute();
    expect(denial).toContainEqual(expect.objectContaining({ result: 'denied', details: { permission: 'identity:account.manage' } }));
    // but the audit administrator reads the audit log
    expect((await session.request('GET', '/api/v1/audit?limit=5')).statusCode).toBe(200);
  });

  it('the system administrator creates a civil servant; the security administrator grants roles but never to themself or two admin roles to one account', async () => {
    const orgs = (await app.inject({ method: 'GET', url: '/api/v1/orgs' })).json().items as Array<{ id: string; name: string }>;
    const org = orgs.find((o) => o.name === '区民政局')!;
    const root = orgs[0]!;
    const sysSession = sysadminSession!;
    const weak = await sysSession.request('POST', '/api/v1/accounts', { username: 'mzj_li', password: 'password', displayName: '李民政', orgId: org.id });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    const created = await sysSession.request('POST', '/api/v1/accounts', { username: 'mzj_li', password: 'Mz-2026-pass', displayName: '李民政', orgId: org.id });
    expect(created.statusCode).toBe(201);
    const list = (await sysSession.request('GET', '/api/v1/accounts')).json().items as Array<{ username: string; orgId: string }>;
    expect(list).toContainEqual(expect.objectContaining({ username: 'mzj_li', orgId: org.id }));
    // and, as the holder of org:manage, renames an organisation through the API
    const renamed = await sysSession.request('PATCH', `/api/v1/orgs/${org.id}`, { name: '区民政局（区老龄办）' });
    expect(renamed.statusCode).toBe(200);
    const { session: sec } = await signInAdmin(app, 'secadmin', demoPassword);
    const roles = (await sec.request('GET', '/api/v1/roles')).json().items as Array<{ code: string; permissions: string[] }>;
    // 三员分立: the system administrator configures the platform (modules add their configuration
    // permissions) but holds nothing of the security or audit administrators'
    const system = roles.find((r) => r.code === 'system_admin')!.permissions;
    expect(system).toEqual(expect.arrayContaining(['calendar:manage', 'cases:classes.manage', 'grid:manage', 'identity:account.manage', 'iot:devices.manage', 'notify:monitor', 'org:manage']));
    expect(system.filter((p) => p.startsWith('audit:') || p.startsWith('security:') || p === 'identity:role.manage')).toEqual([]);
    expect(roles.find((r) => r.code === 'audit_admin')!.permissions).toEqual(['audit:read']);
    // the security administrator cannot create accounts either
    expect((await sec.request('POST', '/api/v1/accounts', { username: 'x_y', password: 'Str0ng-Pass', displayName: '某', orgId: org.id })).statusCode).toBe(403);
    const me = (await sec.request('GET', '/api/v1/auth/me')).json() as { id: string };
    const own = await sec.request('POST', `/api/v1/accounts/${me.id}/roles`, { roleCode: 'leader', orgId: root.id, scope: 'district' });
    expect(own.json().code).toBe('OWN_ROLES');
    const accounts = await t.database.db.withTables<{ account: { id: string; username: string } }>().selectFrom('account').select(['id', 'username']).execute();
    const auditAdmin = accounts.find((a) => a.username === 'auditadmin')!;
    const twoHats = await sec.request('POST', `/api/v1/accounts/${auditAdmin.id}/roles`, { roleCode: 'system_admin', orgId: root.id, scope: 'district' });
    expect([twoHats.statusCode, twoHats.json().code]).toEqual([409, 'ADMIN_ROLES_EXCLUSIVE']);
    const clerk = accounts.find((a) => a.username === 'clerk')!;
    expect((await sec.request('POST', `/api/v1/accounts/${clerk.id}/roles`, { roleCode: 'leader', orgId: root.id, scope: 'district' })).statusCode).toBe(200);
  });
});

describe('registration', () => {
  const citizen = (over: object) => post('/api/v1/register/citizen', { username: 'wang_xm', password: 'Yc-2026-pass', realName: '王小明', idNumber: '11010519491231002x', phone: '13912345678', ...over });

  it.each([
    ['a wrong check digit', { idNumber: '110105194912310021' }, 'ID_NUMBER_INVALID'],
    ['17 digits', { idNumber: '11010519491231002' }, 'ID_NUMBER_INVALID'],
    ['a bad mobile number', { phone: '12345' }, 'PHONE_INVALID'],
    ['a weak password', { password: 'abcdefgh' }, 'WEAK_PASSWORD'],
    ['script in the name', { realName: '<script>alert(1)</script>' }, 'VALIDATION_FAILED'],
    ['an ID number already registered', { idNumber: demoCitizen.idNumber, username: 'other' }, 'ID_NUMBER_REGISTERED'],
  ])('refuses %s with a clear 4xx and creates nothing', async (_label, over, code) => {
    const before = await count('account');
    const res = await citizen(over);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().code).toBe(code);
    expect(await count('account')).toBe(before);
  });

  it('registers a citizen (lower-case x accepted), stores the ID number encrypted, and signs in', async () => {
    const res = await citizen({ realName: "O'Brien; DROP TABLE account;--" });
    expect(res.statusCode).toBe(201);
    const row = (await sql<{ id_number_enc: string; phone_enc: string }>`SELECT id_number_enc, phone_enc FROM citizen_profile WHERE account_id = ${res.json().id}`.execute(t.database.db)).rows[0]!;
    expect(row.id_number_enc).not.toContain('11010519491231002');
    expect(row.id_number_enc.startsWith('v1.')).toBe(true);
    expect(row.phone_enc).not.toContain('13912345678');
    expect((await signIn(app, 'wang_xm', 'Yc-2026-pass')).mfa).toBe('none');
  });

  it.each([
    ['an I', '91330100716105852I', 'CREDIT_CODE_INVALID'],
    ['an O', '9133010071610585O2', 'CREDIT_CODE_INVALID'],
    ['an S', '913301007161058S2F', 'CREDIT_CODE_INVALID'],
    ['a V', '91330100716105V52F', 'CREDIT_CODE_INVALID'],
    ['a Z', '9133010071610Z852F', 'CREDIT_CODE_INVALID'],
    ['17 characters', '91330100716105852', 'CREDIT_CODE_INVALID'],
    ['a wrong check character', '91330100716105852G', 'CREDIT_CODE_INVALID'],
  ])('refuses an enterprise credit code with %s', async (_label, creditCode, code) => {
    const res = await post('/api/v1/register/enterprise', { username: 'ent_x', password: 'Yc-2026-pass', name: '重庆某某有限公司', creditCode, legalRepresentative: '张三' });
    expect([res.statusCode, res.json().code]).toEqual([400, code]);
  });

  it('registers an enterprise with a valid credit code', async () => {
    const res = await post('/api/v1/register/enterprise', { username: 'ent_ok', password: 'Yc-2026-pass', name: '浙江某某有限公司', creditCode: '91330100716105852F', legalRepresentative: '张三' });
    expect(res.statusCode).toBe(201);
  });
});

describe('API keys for systems', () => {
  it('are scoped to permissions the owner holds, work without CSRF, record their last use, and stop when revoked', async () => {
    const s = await signIn(app, 'clerk', demoPassword);
    const tooMuch = await s.request('POST', '/api/v1/auth/api-keys', { name: '窗口叫号系统', permissions: ['org:manage'] });
    expect([tooMuch.statusCode, tooMuch.json().code]).toEqual([403, 'PERMISSION_NOT_HELD']);
    const created = await s.request('POST', '/api/v1/auth/api-keys', { name: '窗口叫号系统', permissions: ['personal:reveal'] });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json() as { id: string; key: string };
    const stored = (await sql<{ key_hash: string }>`SELECT key_hash FROM api_key WHERE id = ${id}`.execute(t.database.db)).rows[0]!;
    expect(stored.key_hash).not.toContain(key);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${key}` } });
    expect(me.json()).toMatchObject({ displayName: '李窗口', permissions: ['personal:reveal'] });
    const mint = await app.inject({ method: 'POST', url: '/api/v1/auth/api-keys', headers: { authorization: `Bearer ${key}` }, payload: { name: 'x', permissions: [] } });
    expect(mint.statusCode).toBe(403);
    const list = (await s.request('GET', '/api/v1/auth/api-keys')).json().items as Array<{ id: string; lastUsedAt: string | null; prefix: string }>;
    expect(list[0]).toMatchObject({ id, prefix: key.slice(0, 10) });
    expect(list[0]!.lastUsedAt).not.toBeNull();
    expect((await s.request('DELETE', `/api/v1/auth/api-keys/${id}`)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(401);
  });
});

describe('personal data leaves masked; a reveal needs the permission and is audited', () => {
  it('a reviewer finds a citizen masked but cannot reveal; a window clerk reveals with a reason, leaving an audit record', async () => {
    const reviewer = await signIn(app, 'reviewer', demoPassword);
    const found = await reviewer.request('GET', `/api/v1/citizens?idNumber=${demoCitizen.idNumber}`);
    expect(found.statusCode).toBe(200);
    const [hit] = found.json().items as Array<{ id: string; idNumber: string; phone: string; masked: boolean }>;
    expect(hit).toMatchObject({ idNumber: `${demoCitizen.idNumber.slice(0, 6)}********${demoCitizen.idNumber.slice(-4)}`, phone: '138****8123', masked: true });
    expect(JSON.stringify(found.json())).not.toContain(demoCitizen.idNumber);
    const refused = await reviewer.request('POST', `/api/v1/citizens/${hit!.id}/reveal`, { reason: '核对申请人身份' });
    expect(refused.statusCode).toBe(403);

    const clerk = await signIn(app, 'clerk', demoPassword);
    const byPhone = await clerk.request('GET', `/api/v1/citizens?phone=${demoCitizen.phone}`);
    expect((byPhone.json().items as unknown[]).length).toBe(1);
    const revealed = await clerk.request('POST', `/api/v1/citizens/${hit!.id}/reveal`, { reason: '窗口核对申请人身份' });
    expect(revealed.json()).toMatchObject({ idNumber: demoCitizen.idNumber, phone: demoCitizen.phone, masked: false });
    await chainAudit(t);
    const { rows } = await sql<{ actor_name: string; details: { reason: string } }>`SELECT actor_name, details FROM audit_log WHERE action = 'personal.reveal'`.execute(t.database.db);
    expect(rows).toContainEqual(expect.objectContaining({ actor_name: '李窗口', details: expect.objectContaining({ reason: '窗口核对申请人身份' }) }));
    const bad = await clerk.request('GET', '/api/v1/citizens?idNumber=500118199003071230');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'ID_NUMBER_INVALID']);
  });
});

describe('enterprise agents (经办人)', () => {
  it('an enterprise adds a registered citizen by ID number, sees them masked, and removes them; others cannot', async () => {
    const ent = await signIn(app, 'enterprise', demoPassword);
    const listed = (await ent.request('GET', '/api/v1/enterprise/agents')).json().items as Array<{ citizenId: string; name: string; idNumber: string }>;
    expect(listed).toHaveLength(1);
    expect(listed[0]!.idNumber).toContain('********');
    expect(listed[0]!.name).toBe('张**');
    const unknown = await ent.request('POST', '/api/v1/enterprise/agents', { idNumber: '34052419800101001X' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'CITIZEN_NOT_REGISTERED']);
    const added = await ent.request('POST', '/api/v1/enterprise/agents', { idNumber: '11010519491231002X' });
    expect(added.statusCode).toBe(200);
    expect((await ent.request('GET', '/api/v1/enterprise/agents')).json().items).toHaveLength(2);
    expect((await ent.request('DELETE', `/api/v1/enterprise/agents/${listed[0]!.citizenId}`)).statusCode).toBe(200);
    expect((await ent.request('GET', '/api/v1/enterprise/agents')).json().items).toHaveLength(1);
    const citizen = await signIn(app, 'citizen', demoPassword);
    expect((await citizen.request('GET', '/api/v1/enterprise/agents')).json().code).toBe('ENTERPRISE_ONLY');
  });
});
