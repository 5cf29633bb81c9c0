import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../kernel/files';
import type { App, Kernel } from '../../kernel/module';
import { catalogReader } from './catalog-cache';
import { serviceErrors } from './errors';
import { powerList, responsibilityList } from './lists';
import { openSample } from './samples';
import { ItemCode } from './schemas/elements';
import { GuideReplySchema } from './schemas/guide';
import { FacetQuerySchema, FacetsReplySchema, PowerListSchema, ResponsibilityListSchema, SearchQuerySchema, SearchReplySchema, type FacetQuery, type SearchQuery } from './schemas/public';
import { facets } from './search/facets';
import type { ServicesDb } from './store';
import { lifeEvents, topics } from './vocab';

const problem = { $ref: 'Problem#' } as const;
const tags = ['services'];
const CodeParams = Type.Object({ code: ItemCode }, { additionalProperties: false });
const Vocab = Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() }));
/** A reply the catalogue serialised once (its shape is the route's response schema, which documents it). */
const json = (reply: FastifyReply, body: Buffer) => reply.type('application/json; charset=utf-8').send(body);
const labelled = (vocab: Record<string, { zh: string; en: string }>) => Object.entries(vocab).map(([code, l]) => ({ code, ...l }));

/** The public face of the catalogue: search, guides, lists and filters, all from the published versions in memory. */
export function publicRoutes(app: App, db: ServicesDb, kernel: Kernel): void {
  const catalog = catalogReader(db);
  app.get<{ Querystring: SearchQuery }>('/api/v1/services/items', {
    config: { access: { public: true } },
    schema: { tags, summary: '搜索政务服务事项（关键词、部门、层级、一件事、主题）/ search the service catalogue', querystring: SearchQuerySchema, response: { 200: SearchReplySchema, 400: problem } },
  }, async (request, reply) => {
    const index = await catalog();
    return json(reply, index.reply(`search:${request.url}`, () => index.search(request.query)));
  });

  app.get<{ Querystring: FacetQuery }>('/api/v1/services/facets', {
    config: { access: { public: true } },
    schema: { tags, summary: '筛选项计数（部门、层级、类型、一件事、主题）/ counts for the filters', querystring: FacetQuerySchema, response: { 200: FacetsReplySchema, 400: problem } },
  }, async (request, reply) => {
    const index = await catalog();
    return json(reply, index.reply(`facets:${request.url}`, () => facets(index, request.query)));
  });

  app.get<{ Params: { code: string } }>('/api/v1/services/items/:code', {
    config: { access: { public: true } },
    schema: { tags, summary: '办事指南（已发布的当前版本）/ the guide of a published item', params: CodeParams, response: { 200: GuideReplySchema, 400: problem, 404: problem } },
  }, async (request, reply) => {
    const index = await catalog();
    const { code } = request.params;
    if (!index.has(code)) throw serviceErrors.itemNotFound(code);
    return json(reply, index.reply(`guide:${code}`, () => index.guide(code)));
  });

  app.get<{ Params: { code: string; n: number } }>('/api/v1/services/items/:code/materials/:n/sample', {
    config: { access: { public: true } },
    schema: {
      tags,
      summary: '申请材料样表下载 / the sample of a material',
      params: Type.Object({ code: ItemCode, n: Type.Integer({ minimum: 1, maximum: 50 }) }, { additionalProperties: false }),
      response: { 400: problem, 404: problem },
    },
  }, async (request, reply) => {
    const guide = (await catalog()).guide(request.params.code);
    if (!guide) throw serviceErrors.itemNotFound(request.params.code);
    const { file, content } = await openSample(db, kernel.files.store, guide, request.params.n);
    reply.header('x-content-type-options', 'nosniff').header('content-disposition', contentDisposition(file.name));
    return reply.type(file.mediaType).header('content-length', file.size).send(content);
  });

  app.get('/api/v1/services/power-list', {
    config: { access: { public: true } },
    schema: { tags, summary: '权力清单（按部门、类型）/ the power list by department and type', response: { 200: PowerListSchema } },
  }, async (_request, reply) => {
    const index = await catalog();
    return json(reply, index.reply('power-list', () => powerList(index.docs.map((d) => d.guide))));
  });

  app.get('/api/v1/services/responsibility-list', {
    config: { access: { public: true } },
    schema: { tags, summary: '责任清单 / the responsibility list', response: { 200: ResponsibilityListSchema } },
  }, async (_request, reply) => {
    const index = await catalog();
    return json(reply, index.reply('responsibility-list', () => responsibilityList(index.docs.map((d) => d.guide))));
  });

  app.get('/api/v1/services/vocabulary', {
    config: { access: { public: true } },
    schema: { tags, summary: '一件事与主题的代码和名称 / life events and topics', response: { 200: Type.Object({ lifeEvents: Vocab, topics: Vocab }) } },
  }, async () => ({ lifeEvents: labelled(lifeEvents), topics: labelled(topics) }));
}
