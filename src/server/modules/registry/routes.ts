import type { Readable } from 'node:stream';
import type { App } from '../../kernel/module';
import type { RegistryDeps } from './deps';
import { registryErrors } from './errors';
import { listGrants, setFieldGrant, visibleFields } from './field-access';
import { registerKeys, statusValues, type RegisterKey } from './fields';
import { importCsv, type ImportMode } from './import';
import { objectionDetail, raiseObjection, type ObjectionInput } from './objections';
import type { FieldValue } from './present';
import { createRecord, recordHistory, registerList, revealRecord, updateRecord, viewRecord } from './records';
import * as S from './schemas';
import { searchRegister } from './search';

/** Bodies over this are refused before reading (413); larger loads go through the service in batches of files. */
export const IMPORT_MAX_BYTES = 32 * 1024 * 1024;

const tags = ['registry'];
const read = { access: { permission: 'registry:read' } };
type Rec = { register: RegisterKey; id: string };

/** Routes read as a pipeline: access (declared) → validation (schema) → service → presentation. */
export async function registryRoutes(app: App, deps: RegistryDeps): Promise<void> {
  app.get('/api/v1/registry/registers', {
    config: read,
    schema: { tags, summary: '基础库及我可见的字段 / the registers and the fields I may see', response: { 200: S.RegistersReply, 401: S.problem, 403: S.problem } },
  }, async (request) => {
    const visible = Object.fromEntries(await Promise.all(registerKeys.map(async (k) => [k, await visibleFields(deps.db, request.actor!, k)]))) as Record<RegisterKey, string[]>;
    return { items: registerList(visible), statuses: statusValues };
  });

  app.get<{ Params: { register: RegisterKey }; Querystring: { idNumber?: string; creditCode?: string; name?: string; address?: string; page?: number; pageSize?: number } }>('/api/v1/registry/:register/records', {
    config: read,
    schema: { tags, summary: '检索基础库（身份证号精确、姓名前缀、信用代码、地址）/ search a register', params: S.RegisterParams, querystring: S.SearchQuery, response: { 200: S.SearchReply, ...S.errors } },
  }, async (request) => {
    const q = request.query;
    return searchRegister(deps, request.actor!, request.params.register, { idNumber: q.idNumber, creditCode: q.creditCode, name: q.name, address: q.address, page: q.page ?? 1, pageSize: q.pageSize ?? 20 }, request.ip ?? null);
  });

  app.post<{ Params: { register: RegisterKey }; Body: { fields: Record<string, FieldValue> } }>('/api/v1/registry/:register/records', {
    config: { access: { permission: 'registry:maintain' } },
    schema: { tags, summary: '新增记录（责任部门）/ add a record (owning department)', params: S.RegisterParams, body: S.CreateBody, response: { 201: S.RecordView, ...S.errors } },
  }, async (request, reply) => reply.code(201).send(await createRecord(deps, request.actor!, request.params.register, request.body.fields, request.ip ?? null)));

  app.get<{ Params: Rec }>('/api/v1/registry/:register/records/:id', {
    config: read,
    schema: { tags, summary: '查看记录（授权字段，默认脱敏，留痕）/ one record: granted fields, masked, audited', params: S.RecordParams, response: { 200: S.RecordView, ...S.errors } },
  }, async (request) => viewRecord(deps, request.actor!, request.params.register, request.params.id, request.ip ?? null));

  app.patch<{ Params: Rec; Body: { fields: Record<string, FieldValue>; reason: string; version?: number } }>('/api/v1/registry/:register/records/:id', {
    config: { access: { permission: 'registry:maintain' } },
    schema: { tags, summary: '修改记录（生成新版本）/ change a record (a new version)', params: S.RecordParams, body: S.UpdateBody, response: { 200: S.RecordView, ...S.errors } },
  }, async (request) => updateRecord(deps, request.actor!, request.params.register, request.params.id, request.body, request.ip ?? null));

  app.post<{ Params: Rec; Body: { reason: string } }>('/api/v1/registry/:register/records/:id/reveal', {
    config: { access: { permission: 'personal:reveal' } },
    schema: { tags, summary: '查看未脱敏的授权字段（说明事由，留痕）/ reveal granted personal fields (audited with the reason)', params: S.RecordParams, body: S.RevealBody, response: { 200: S.RecordView, ...S.errors } },
  }, async (request) => revealRecord(deps, request.actor!, request.params.register, request.params.id, request.body.reason, request.ip ?? null));

  app.get<{ Params: Rec }>('/api/v1/registry/:register/records/:id/history', {
    config: read,
    schema: { tags, summary: '记录的历史版本 / the versions of a record', params: S.RecordParams, response: { 200: S.HistoryReply, ...S.errors } },
  }, async (request) => ({ items: await recordHistory(deps, request.actor!, request.params.register, request.params.id) }));

  app.post<{ Params: Rec; Body: ObjectionInput }>('/api/v1/registry/:register/records/:id/objections', {
    config: { access: { permission: 'registry:objection.raise' } },
    schema: { tags, summary: '提出异议（转责任部门校核）/ object to a field (checked by the owning department)', params: S.RecordParams, body: S.ObjectionBody, response: { 201: S.ObjectionStarted, ...S.errors } },
  }, async (request, reply) => reply.code(201).send(await raiseObjection(deps, request.actor!, request.params.register, request.params.id, request.body)));

  app.get<{ Params: { id: string } }>('/api/v1/registry/objections/:id', {
    config: { access: { anyPermission: ['registry:objection.raise', 'registry:objection.handle'] } },
    schema: { tags, summary: '异议详情 / an objection', params: S.IdParams, response: { 200: S.ObjectionReply, ...S.errors } },
  }, async (request) => objectionDetail(deps, request.actor!, request.params.id));

  app.get('/api/v1/registry/field-grants', {
    config: { access: { permission: 'registry:fields.manage' } },
    schema: { tags, summary: '字段授权（角色可见的字段）/ which roles see which fields', response: { 200: S.GrantsReply, 401: S.problem, 403: S.problem } },
  }, async () => ({ items: await listGrants(deps.db) }));

  app.put<{ Body: { register: RegisterKey; field: string; roles: string[] } }>('/api/v1/registry/field-grants', {
    config: { access: { permission: 'registry:fields.manage' } },
    schema: { tags, summary: '设置某字段的可见角色（留痕）/ set the roles that see a field (audited)', body: S.GrantBody, response: { 200: S.GrantReply, ...S.errors } },
  }, async (request) => setFieldGrant(deps.db, request.actor!, request.body.register, request.body.field, request.body.roles, request.ip ?? null));

  await app.register(async (scope) => {
    // the body stays a stream: the import reads it line by line
    scope.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
    scope.post<{ Params: { register: RegisterKey }; Querystring: { mode?: ImportMode }; Body: Readable }>('/api/v1/registry/:register/import', {
      config: { access: { permission: 'registry:maintain' } },
      schema: {
        tags,
        summary: '批量导入（CSV，默认全部成功或全部不导入）/ import from CSV, all or nothing unless mode=valid-only',
        description:
          'Content-Type: text/csv, UTF-8. persons: 姓名, 身份证号, 户籍地址, 联系电话, 状态 (or name, idNumber, householdAddress, phone, status); ' +
          'legal-persons: 名称, 统一社会信用代码, 法定代表人, 注册地址, 状态, 行业代码, 成立日期. ' +
          `Bodies over ${IMPORT_MAX_BYTES / 1048576} MB are refused (413). The report lists rejected lines (the first 1000).`,
        params: S.RegisterParams,
        querystring: S.ImportQuery,
        response: { 200: S.ImportReply, 413: S.problem, ...S.errors },
      },
    }, async (request) => {
      const register = request.params.register;
      if (register === 'places') throw registryErrors.notImportable(register);
      if (Number(request.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES) throw registryErrors.importTooLarge(IMPORT_MAX_BYTES);
      return importCsv(deps, request.actor!, register, request.body, { mode: request.query.mode ?? 'all-or-nothing', maxBytes: IMPORT_MAX_BYTES, ip: request.ip ?? null });
    });
  });
}
