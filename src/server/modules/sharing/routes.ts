import { Type, type Static } from '@sinclair/typebox';
import type { Actor } from '../../kernel/access';
import type { App } from '../../kernel/module';
import { COMPLIANCE, DECIDE, PROVIDE, REQUEST, SYSTEMS, USAGE, type SharingDeps } from './deps';
import { listGrants, revokeGrant } from './grants';
import { checkCompliance, createRequest, decideRequest, getRequest, listRequests } from './requests';
import { listShareable, replaceRows } from './resources';
import {
  ComplianceBody,
  DecisionBody,
  ExchangeQuery,
  ExchangeReply,
  GrantReply,
  GrantRoleQuery,
  Id,
  KeyReply,
  ProofReply,
  RequestBody,
  RequestReply,
  RevokeBody,
  RoleQuery,
  RowsBody,
  ShareableReply,
  SystemBody,
  SystemReply,
} from './schemas';
import { createSystem, issueKey, listSystems, revokeKey } from './systems';
import { exchangeProof, listExchanges } from './usage';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const tags = ['sharing'];
const anyRole = { anyPermission: [REQUEST, SYSTEMS, COMPLIANCE, DECIDE, PROVIDE, USAGE] };

/** 共享交换 for staff: systems and keys, share requests and their decisions, grants, usage logs. */
export function sharingRoutes(app: App, deps: SharingDeps): void {
  const change = (request: { actor: Actor | null; ip: string }) => ({ actor: request.actor!, ip: request.ip ?? null });

  app.get('/api/v1/sharing/resources', {
    config: { access: anyRole },
    schema: { tags, summary: '可共享的信息资源 / resources other departments can use', response: { 200: Type.Object({ items: Type.Array(ShareableReply) }), ...errors } },
  }, async () => ({ items: await listShareable(deps) }));

  app.put<{ Params: Static<typeof Id>; Body: Static<typeof RowsBody> }>('/api/v1/sharing/resources/:id/rows', {
    config: { access: { permission: PROVIDE } },
    bodyLimit: 8 * 1024 * 1024,
    schema: { tags, summary: '库表交换：替换资源数据（提供部门）/ replace the rows behind a resource', params: Id, body: RowsBody, response: { 200: Type.Object({ rows: Type.Integer() }), ...errors } },
  }, async (request) => replaceRows(deps, change(request), request.params.id, request.body.rows));

  app.get('/api/v1/sharing/systems', {
    config: { access: { permission: SYSTEMS } },
    schema: { tags, summary: '应用系统 / systems of my departments', response: { 200: Type.Object({ items: Type.Array(SystemReply) }), ...errors } },
  }, async (request) => ({ items: await listSystems(deps, change(request)) }));

  app.post<{ Body: Static<typeof SystemBody> }>('/api/v1/sharing/systems', {
    config: { access: { permission: SYSTEMS } },
    schema: { tags, summary: '登记应用系统 / register a system', body: SystemBody, response: { 201: SystemReply, ...errors } },
  }, async (request, reply) => {
    const id = await createSystem(deps, change(request), request.body);
    return reply.code(201).send((await listSystems(deps, change(request))).find((s) => s.id === id));
  });

  app.post<{ Params: Static<typeof Id> }>('/api/v1/sharing/systems/:id/keys', {
    config: { access: { permission: SYSTEMS } },
    schema: { tags, summary: '签发密钥（仅显示一次）/ issue a key (shown once)', params: Id, response: { 201: KeyReply, ...errors } },
  }, async (request, reply) => reply.code(201).send(await issueKey(deps, change(request), request.params.id)));

  app.delete<{ Params: { id: string; keyId: string } }>('/api/v1/sharing/systems/:id/keys/:keyId', {
    config: { access: { permission: SYSTEMS } },
    schema: { tags, summary: '吊销密钥 / revoke a key', params: Type.Object({ id: Type.String({ format: 'uuid' }), keyId: Type.String({ format: 'uuid' }) }), response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await revokeKey(deps, change(request), request.params.id, request.params.keyId);
    return reply.code(204).send();
  });

  app.get<{ Querystring: Static<typeof RoleQuery> }>('/api/v1/sharing/requests', {
    config: { access: anyRole },
    schema: { tags, summary: '共享申请 / share requests I may see', querystring: RoleQuery, response: { 200: Type.Object({ items: Type.Array(RequestReply) }), ...errors } },
  }, async (request) => ({ items: await listRequests(deps, request.actor!, request.query.role) }));

  app.post<{ Body: Static<typeof RequestBody> }>('/api/v1/sharing/requests', {
    config: { access: { permission: REQUEST } },
    schema: { tags, summary: '提出共享申请 / request a conditionally shared resource', body: RequestBody, response: { 201: RequestReply, ...errors } },
  }, async (request, reply) => {
    const id = await createRequest(deps, change(request), request.body);
    return reply.code(201).send(await getRequest(deps, request.actor!, id));
  });

  app.get<{ Params: Static<typeof Id> }>('/api/v1/sharing/requests/:id', {
    config: { access: anyRole },
    schema: { tags, summary: '共享申请 / one request', params: Id, response: { 200: RequestReply, ...errors } },
  }, async (request) => getRequest(deps, request.actor!, request.params.id));

  app.post<{ Params: Static<typeof Id>; Body: Static<typeof ComplianceBody> }>('/api/v1/sharing/requests/:id/compliance', {
    config: { access: { permission: COMPLIANCE } },
    schema: { tags, summary: '合规审核（数据主管部门）/ compliance check', params: Id, body: ComplianceBody, response: { 200: RequestReply, ...errors } },
  }, async (request) => checkCompliance(deps, change(request), request.params.id, request.body));

  app.post<{ Params: Static<typeof Id>; Body: Static<typeof DecisionBody> }>('/api/v1/sharing/requests/:id/decision', {
    config: { access: { permission: DECIDE } },
    schema: { tags, summary: '提供部门审核 / the provider’s decision', params: Id, body: DecisionBody, response: { 200: RequestReply, ...errors } },
  }, async (request) => decideRequest(deps, change(request), request.params.id, request.body));

  app.get<{ Querystring: Static<typeof GrantRoleQuery> }>('/api/v1/sharing/grants', {
    config: { access: { anyPermission: [REQUEST, DECIDE] } },
    schema: { tags, summary: '共享授权 / grants of my systems or my resources', querystring: GrantRoleQuery, response: { 200: Type.Object({ items: Type.Array(GrantReply) }), ...errors } },
  }, async (request) => ({ items: await listGrants(deps, request.actor!, request.query.role) }));

  app.post<{ Params: Static<typeof Id>; Body: Static<typeof RevokeBody> }>('/api/v1/sharing/grants/:id/revoke', {
    config: { access: { permission: DECIDE } },
    schema: { tags, summary: '撤销授权（提供部门）/ revoke a grant', params: Id, body: RevokeBody, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await revokeGrant(deps, change(request), request.params.id, request.body.reason);
    return reply.code(204).send();
  });

  app.get<{ Querystring: Static<typeof ExchangeQuery> }>('/api/v1/sharing/exchanges', {
    config: { access: { anyPermission: [USAGE, REQUEST] } },
    schema: { tags, summary: '交换日志（提供部门的使用日志 / 使用部门的调用记录）/ the exchange log', querystring: ExchangeQuery, response: { 200: Type.Object({ items: Type.Array(ExchangeReply), total: Type.Integer() }), ...errors } },
  }, async (request) => listExchanges(deps, request.actor!, request.query));

  app.get<{ Params: Static<typeof Id> }>('/api/v1/sharing/exchanges/:id/proof', {
    config: { access: { anyPermission: [USAGE, REQUEST] } },
    schema: { tags, summary: '交换存证：SM3 摘要、Merkle 路径与 SM2 签名 / the signed evidence of one exchange', params: Id, response: { 200: ProofReply, ...errors } },
  }, async (request) => exchangeProof(deps, request.actor!, request.params.id));
}
