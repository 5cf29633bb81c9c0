import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { can } from '../access';
import { httpErrors } from '../http/problem';
import { appendAudit } from '../audit/write';
import { confirmTotpEnrolment, startTotpEnrolment } from './mfa';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { findCitizen, revealCitizen } from './citizens';
import { addAgent, listAgents, removeAgent } from './agents';
import { changePassword, createStaff, registerCitizen, registerEnterprise, type CitizenInput, type EnterpriseInput, type StaffInput } from './accounts';
import type { IdentityContext, RequestMeta } from './context';
import { identityErrors } from './errors';
import { login, verifySecondFactor } from './login';
import { grantRole, listRoles, revokeRole, type RoleGrantInput } from './roles';
import * as S from './schemas';
import { sessionCookie } from './sessions';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 409: problem, 422: problem, 429: problem } as const;
const meta = (request: FastifyRequest): RequestMeta => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string | null): void {
  reply.setCookie(sessionCookie, token ?? '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    ...(token ? {} : { maxAge: 0 }),
  });
}

/** Thin handlers: access (declared) → validate (schema) → service → present. */
export function identityRoutes(app: FastifyInstance, ctx: IdentityContext): void {
  app.post<{ Body: typeof S.LoginBody.static }>(
    '/api/v1/auth/login',
    { config: { access: { public: true } }, schema: { tags: ['identity'], summary: '登录 / sign in with user name and password', body: S.LoginBody, response: { 200: S.LoginReply, ...errors, 423: problem } } },
    async (request, reply) => {
      const result = await login(ctx, request.body.username, request.body.password, meta(request));
      setSessionCookie(request, reply, result.token);
      return { accountId: result.accountId, csrfToken: result.csrfToken, mfa: result.mfa };
    },
  );

  app.post<{ Body: typeof S.CodeBody.static }>(
    '/api/v1/auth/totp/verify',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '验证动态口令 / second factor', body: S.CodeBody, response: { 200: S.Ok, ...errors } } },
    async (request) => {
      await verifySecondFactor(ctx, request.actor!.sessionId!, request.actor!.accountId, request.body.code, meta(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/totp/enrol',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '绑定动态口令（生成密钥和二维码）/ start TOTP enrolment', response: { 200: S.EnrolReply, ...errors } } },
    async (request) => startTotpEnrolment(ctx, request.actor!),
  );

  app.post<{ Body: typeof S.CodeBody.static }>(
    '/api/v1/auth/totp/confirm',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '确认绑定动态口令 / confirm TOTP enrolment', body: S.CodeBody, response: { 200: S.Ok, ...errors } } },
    async (request) => {
      await confirmTotpEnrolment(ctx, request.actor!, request.body.code, meta(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '退出登录 / sign out', response: { 200: S.Ok, ...errors } } },
    async (request, reply) => {
      const actor = request.actor!;
      await ctx.db.transaction().execute(async (tx) => {
        if (actor.sessionId) await tx.updateTable('session').set({ revoked_at: sql<Date>`now()` }).where('id', '=', actor.sessionId).execute();
        await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: request.ip, action: 'auth.logout', objectType: 'session', objectId: actor.sessionId });
      });
      setSessionCookie(request, reply, null);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '当前用户 / who am I', response: { 200: S.MeReply, 401: problem } } },
    async (request) => {
      const actor = request.actor!;
      return {
        id: actor.accountId,
        kind: actor.kind,
        displayName: actor.displayName,
        orgId: actor.orgId,
        permissions: [...actor.permissions].sort(),
        mfaPending: actor.mfaPending,
        csrfToken: request.session?.csrfToken ?? null,
      };
    },
  );

  app.post<{ Body: typeof S.PasswordBody.static }>(
    '/api/v1/auth/password',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '修改密码 / change password', body: S.PasswordBody, response: { 200: S.Ok, ...errors } } },
    async (request) => {
      if (request.actor!.mfaPending) throw identityErrors.mfaRequired();
      await changePassword(ctx, request.actor!, request.body.currentPassword, request.body.newPassword, meta(request));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/sessions',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '我的登录会话 / my sessions', response: { 200: S.SessionList, 401: problem } } },
    async (request) => {
      const rows = await ctx.db
        .selectFrom('session')
        .select(['id', 'ip', 'user_agent', 'created_at', 'last_seen_at'])
        .where('account_id', '=', request.actor!.accountId)
        .where('revoked_at', 'is', null)
        .where('last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${ctx.config.sessionIdleMinutes})`)
        .orderBy('last_seen_at', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({ id: r.id, current: r.id === request.actor!.sessionId, ip: r.ip, userAgent: r.user_agent, createdAt: r.created_at.toISOString(), lastSeenAt: r.last_seen_at.toISOString() })),
      };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/auth/sessions/:id',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '注销一个会话 / revoke one of my sessions', params: S.IdParam, response: { 200: S.Ok, 404: problem, ...errors } } },
    async (request) => {
      const actor = request.actor!;
      await ctx.db.transaction().execute(async (tx) => {
        const done = await tx
          .updateTable('session')
          .set({ revoked_at: sql<Date>`now()` })
          .where('id', '=', request.params.id)
          .where('account_id', '=', actor.accountId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) === 0) throw identityErrors.sessionNotFound();
        await appendAudit(tx, { actorId: actor.accountId, actorName: actor.displayName, orgId: actor.orgId, ip: request.ip, action: 'auth.session.revoke', objectType: 'session', objectId: request.params.id });
      });
      return { ok: true as const };
    },
  );

  app.post<{ Body: typeof S.ApiKeyBody.static }>(
    '/api/v1/auth/api-keys',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '新建 API 密钥（只显示一次）/ create an API key', body: S.ApiKeyBody, response: { 201: S.ApiKeyCreated, ...errors } } },
    async (request, reply) => {
      if (request.actor!.mfaPending) throw identityErrors.mfaRequired();
      // a key cannot mint keys: only a signed-in person can
      if (request.actor!.apiKeyId) throw httpErrors.forbidden('session');
      return reply.code(201).send(await createApiKey(ctx, request.actor!, request.body.name, request.body.permissions, meta(request)));
    },
  );

  app.get(
    '/api/v1/auth/api-keys',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '我的 API 密钥 / my API keys', response: { 200: S.ApiKeyList, 401: problem } } },
    async (request) => ({ items: await listApiKeys(ctx, request.actor!) }),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/auth/api-keys/:id',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '注销 API 密钥 / revoke an API key', params: S.IdParam, response: { 200: S.Ok, 404: problem, ...errors } } },
    async (request) => {
      await revokeApiKey(ctx, request.actor!, request.params.id, meta(request));
      return { ok: true as const };
    },
  );

  app.get<{ Querystring: typeof S.CitizenQuery.static }>(
    '/api/v1/citizens',
    { config: { access: { permission: 'identity:citizen.lookup' } }, schema: { tags: ['identity'], summary: '按身份证号或手机号查找居民（脱敏）/ find a citizen (masked)', querystring: S.CitizenQuery, response: { 200: S.CitizenList, ...errors } } },
    async (request) => ({ items: await findCitizen(ctx, request.query) }),
  );

  app.post<{ Params: { id: string }; Body: typeof S.RevealBody.static }>(
    '/api/v1/citizens/:id/reveal',
    { config: { access: { permission: 'personal:reveal' } }, schema: { tags: ['identity'], summary: '查看未脱敏信息（留痕）/ reveal unmasked personal data (audited)', params: S.IdParam, body: S.RevealBody, response: { 200: S.RevealReply, 404: problem, ...errors } } },
    async (request) => revealCitizen(ctx, request.actor!, request.params.id, request.body.reason, meta(request)),
  );

  app.get(
    '/api/v1/enterprise/agents',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '法人的经办人 / citizens who may act for my enterprise', response: { 200: S.AgentList, ...errors } } },
    async (request) => ({ items: await listAgents(ctx, request.actor!) }),
  );

  app.post<{ Body: typeof S.AgentBody.static }>(
    '/api/v1/enterprise/agents',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '添加经办人（按身份证号）/ add an agent by ID number', body: S.AgentBody, response: { 200: S.Ok, 404: problem, ...errors } } },
    async (request) => {
      await addAgent(ctx, request.actor!, request.body.idNumber, meta(request));
      return { ok: true as const };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/enterprise/agents/:id',
    { config: { access: { authenticated: true } }, schema: { tags: ['identity'], summary: '移除经办人 / remove an agent', params: S.IdParam, response: { 200: S.Ok, ...errors } } },
    async (request) => {
      await removeAgent(ctx, request.actor!, request.params.id, meta(request));
      return { ok: true as const };
    },
  );

  app.post<{ Body: CitizenInput }>(
    '/api/v1/register/citizen',
    { config: { access: { public: true } }, schema: { tags: ['identity'], summary: '个人注册 / register as a citizen', body: S.CitizenBody, response: { 201: S.Created, ...errors } } },
    async (request, reply) => reply.code(201).send(await registerCitizen(ctx, request.body, meta(request))),
  );

  app.post<{ Body: EnterpriseInput }>(
    '/api/v1/register/enterprise',
    { config: { access: { public: true } }, schema: { tags: ['identity'], summary: '法人注册 / register an enterprise', body: S.EnterpriseBody, response: { 201: S.Created, ...errors } } },
    async (request, reply) => reply.code(201).send(await registerEnterprise(ctx, request.body, meta(request), null)),
  );

  app.post<{ Body: StaffInput }>(
    '/api/v1/accounts',
    { config: { access: { permission: 'identity:account.manage' } }, schema: { tags: ['identity'], summary: '新建工作人员账号 / create a civil-servant account', body: S.StaffBody, response: { 201: S.Created, ...errors } } },
    async (request, reply) => {
      const actor = request.actor!;
      const result = await createStaff(ctx, actor, request.body, meta(request), (orgPath) => can(actor, 'identity:account.manage', { orgPath }, ctx.config.zone));
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/v1/accounts',
    // the security administrator needs the list to grant roles; the system administrator to manage accounts
    { config: { access: { anyPermission: ['identity:account.manage', 'identity:role.manage'] } }, schema: { tags: ['identity'], summary: '工作人员账号列表 / civil-servant accounts', response: { 200: S.AccountList, 401: problem, 403: problem } } },
    async () => {
      const accounts = await ctx.db
        .selectFrom('account')
        .select(['id', 'kind', 'username', 'display_name', 'org_id', 'status', 'locked_until', 'totp_enabled'])
        .where('kind', '=', 'staff')
        .orderBy('username')
        .execute();
      const roles = await ctx.db.selectFrom('account_role as ar').innerJoin('role as r', 'r.id', 'ar.role_id').select(['ar.account_id', 'r.code', 'ar.org_id', 'ar.scope']).execute();
      const now = new Date();
      return {
        items: accounts.map((a) => ({
          id: a.id,
          kind: a.kind,
          username: a.username,
          displayName: a.display_name,
          orgId: a.org_id,
          status: a.status,
          locked: Boolean(a.locked_until && a.locked_until > now),
          totpEnabled: a.totp_enabled,
          roles: roles.filter((r) => r.account_id === a.id).map((r) => ({ code: r.code, orgId: r.org_id, scope: r.scope })),
        })),
      };
    },
  );

  app.get(
    '/api/v1/roles',
    { config: { access: { permission: 'identity:role.manage' } }, schema: { tags: ['identity'], summary: '角色与权限 / roles and their permissions', response: { 200: S.RoleList, 401: problem, 403: problem } } },
    async () => ({ items: await listRoles(ctx.db) }),
  );

  app.post<{ Params: { id: string }; Body: RoleGrantInput }>(
    '/api/v1/accounts/:id/roles',
    { config: { access: { permission: 'identity:role.manage' } }, schema: { tags: ['identity'], summary: '授予角色 / grant a role', params: S.IdParam, body: S.GrantBody, response: { 200: S.Ok, 404: problem, ...errors } } },
    async (request) => {
      await grantRole(ctx, request.actor!, request.params.id, request.body, meta(request));
      return { ok: true as const };
    },
  );

  app.delete<{ Params: { id: string }; Body: RoleGrantInput }>(
    '/api/v1/accounts/:id/roles',
    { config: { access: { permission: 'identity:role.manage' } }, schema: { tags: ['identity'], summary: '收回角色 / revoke a role', params: S.IdParam, body: S.GrantBody, response: { 200: S.Ok, 404: problem, ...errors } } },
    async (request) => {
      await revokeRole(ctx, request.actor!, request.params.id, request.body.roleCode, request.body.orgId, meta(request));
      return { ok: true as const };
    },
  );
}
