import { Type } from '@sinclair/typebox';
import { contentDisposition, fileErrors, findFile, type FilesDb } from '../../kernel/files';
import type { App } from '../../kernel/module';
import { answerTypes, categories } from './categories';
import { articleDetail, publicArticles, type QueryDeps } from './queries';
import { ArticleDetail, PublicArticle } from './schemas';

const problem = { $ref: 'Problem#' } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

/** The public face: categories, the list with search, one article and its attachments. */
export function publicRoutes(app: App, deps: QueryDeps): void {
  app.get('/api/v1/disclosure/categories', {
    config: { access: { public: true } },
    schema: {
      tags: ['disclosure'],
      summary: '公开类别与答复类型 / categories and answer types',
      response: { 200: Type.Object({ categories: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })), answerTypes: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), reason: Type.Boolean() })) }) },
    },
  }, async () => ({ categories: [...categories], answerTypes: [...answerTypes] }));

  app.get<{ Querystring: { category?: string; org?: string; q?: string; limit?: number; offset?: number } }>('/api/v1/disclosure/articles', {
    config: { access: { public: true } },
    schema: {
      tags: ['disclosure'],
      summary: '主动公开信息（可按类别、机构、关键词）/ published articles',
      querystring: Type.Object(
        { category: Type.Optional(Type.String({ pattern: '^[a-z_]{2,30}$' })), org: Type.Optional(Type.String({ format: 'uuid' })), q: Type.Optional(Type.String({ maxLength: 40 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })) },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(PublicArticle) }), 400: problem },
    },
  }, async (request) => ({ items: await publicArticles(deps, request.query) }));

  app.get<{ Params: { id: string } }>('/api/v1/disclosure/articles/:id', {
    config: { access: { public: true } },
    schema: { tags: ['disclosure'], summary: '公开信息详情 / one published article', params: Id, response: { 200: ArticleDetail, 400: problem, 404: problem } },
  }, async (request) => articleDetail(deps, null, request.params.id));

  app.get<{ Params: { id: string; fileId: string } }>('/api/v1/disclosure/articles/:id/files/:fileId', {
    config: { access: { public: true } },
    schema: { tags: ['disclosure'], summary: '公开信息的附件 / an attachment of a published article', params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: { 400: problem, 404: problem } },
  }, async (request, reply) => {
    const article = await articleDetail(deps, null, request.params.id);
    if (!article.files.some((f) => f.fileId === request.params.fileId)) throw fileErrors.notFound();
    const file = (await findFile(deps.db as unknown as FilesDb, request.params.fileId))!;
    const content = await deps.kernel.files.store.get(file.sm3);
    if (!content) throw fileErrors.notFound();
    // published documents are public: their downloads are not audited per reader
    reply.header('cache-control', 'public, max-age=600').header('x-content-type-options', 'nosniff').header('content-disposition', contentDisposition(file.name));
    return reply.type(file.mediaType).header('content-length', file.size).send(content);
  });
}
