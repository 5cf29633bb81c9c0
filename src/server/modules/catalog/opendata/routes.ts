import { Type, type Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/access';
import { contentDisposition } from '../../../kernel/files';
import { actorResolver, identityContext } from '../../../kernel/identity';
import type { App, Kernel } from '../../../kernel/module';
import { siteBase } from '../ckan/routes';
import { MAINTAIN, type CatalogDeps } from '../deps';
import type { DatastoreField } from '../tables';
import { addDistribution, createDataset, datasetIdByName, uploadedBytes } from './datasets';
import { acceptAgreement, datasetPage, downloadDistribution, previewDistribution } from './portal';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const tags = ['opendata'];
const Name = Type.Object({ name: Type.String({ pattern: '^[a-z0-9_-]{2,100}$' }) }, { additionalProperties: false });
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const Preview = Type.Object({ fields: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })), rows: Type.Array(Type.Record(Type.String(), Type.Unknown())), total: Type.Union([Type.Integer(), Type.Null()]) });
const DatasetBody = Type.Object(
  {
    resourceId: Type.String({ format: 'uuid' }),
    name: Type.String({ pattern: '^[a-z0-9_-]{2,100}$' }),
    title: Type.String({ minLength: 2, maxLength: 100 }),
    notes: Type.String({ maxLength: 4000 }),
    licenseId: Type.String({ maxLength: 40 }),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 20 }),
    groups: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 10 }),
  },
  { additionalProperties: false },
);

const AddResource = Type.Union([
  Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), description: Type.Optional(Type.String({ maxLength: 1000 })), format: Type.Union([Type.Literal('CSV'), Type.Literal('JSON'), Type.Literal('GeoJSON')]), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 100 }),
      description: Type.Optional(Type.String({ maxLength: 1000 })),
      fields: Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 60, pattern: '^[^_"]' }), type: Type.Union(['text', 'int', 'numeric', 'timestamp', 'bool'].map((t) => Type.Literal(t))) }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
      rows: Type.Array(Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean(), Type.Null()])), { maxItems: 5000 }),
    },
    { additionalProperties: false },
  ),
]);

/** The open data portal (公共数据开放): public pages' API; searching is CKAN's package_search. */
export function openDataRoutes(app: App, kernel: Kernel, deps: CatalogDeps): void {
  const fromSession = actorResolver(identityContext(kernel));
  // public pages still learn who is signed in: conditional data is theirs only after the agreement
  const optionalActor = async (request: FastifyRequest): Promise<Actor | null> => request.actor ?? (await fromSession(request));

  app.get<{ Params: { name: string } }>('/api/v1/opendata/datasets/:name', {
    config: { access: { public: true } },
    schema: { tags, summary: '数据集详情（计浏览量）/ a dataset, counting a view', params: Name, response: { 404: problem } },
  }, async (request) => datasetPage(deps, await optionalActor(request), request.params.name, siteBase(request)));

  app.get<{ Params: { id: string } }>('/api/v1/opendata/resources/:id/preview', {
    config: { access: { public: true } },
    schema: { tags, summary: '数据预览（前 20 行）/ the first rows', params: Id, response: { 200: Preview, 403: problem, 404: problem } },
  }, async (request) => previewDistribution(deps, await optionalActor(request), request.params.id));

  app.get<{ Params: { id: string } }>('/api/v1/opendata/resources/:id/download', {
    config: { access: { public: true } },
    schema: { tags, summary: '下载（计下载量）/ download, counted', params: Id, response: { 403: problem, 404: problem } },
  }, async (request, reply) => {
    const file = await downloadDistribution(deps, await optionalActor(request), request.params.id, request.ip ?? null);
    reply.header('content-disposition', contentDisposition(file.fileName)).header('x-content-type-options', 'nosniff').type(file.mediaType);
    if (file.size !== null) reply.header('content-length', file.size);
    return reply.send(file.body);
  });

  app.post<{ Params: { name: string } }>('/api/v1/opendata/datasets/:name/agreement', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '签署有条件开放协议 / accept the agreement of a conditional dataset', params: Name, response: { 200: Type.Object({ acceptedAt: Type.String() }), ...errors } },
  }, async (request) => acceptAgreement(deps, request.actor!, request.params.name, request.ip ?? null));

  app.post<{ Body: Static<typeof DatasetBody> }>('/api/v1/opendata/datasets', {
    config: { access: { permission: MAINTAIN } },
    schema: { tags, summary: '由已发布资源创建开放数据集 / open a published resource as a dataset', body: DatasetBody, response: { 201: Type.Object({ id: Type.String(), name: Type.String() }), ...errors } },
  }, async (request, reply) => reply.code(201).send(await createDataset(deps, { actor: request.actor!, ip: request.ip ?? null }, request.body)));

  app.post<{ Params: { name: string }; Body: Static<typeof AddResource> }>('/api/v1/opendata/datasets/:name/resources', {
    config: { access: { permission: MAINTAIN } },
    schema: { tags, summary: '添加数据资源（上传的文件或实时数据表）/ add a file (uploaded first) or a live table', params: Name, body: AddResource, response: { 201: Type.Object({ id: Type.String() }), ...errors } },
  }, async (request, reply) => {
    const change = { actor: request.actor!, ip: request.ip ?? null };
    const body = request.body;
    const datasetId = await datasetIdByName(deps, request.params.name);
    const id = 'fileId' in body
      ? await addDistribution(deps, change, datasetId, { kind: 'file', name: body.name, description: body.description ?? '', format: body.format, bytes: await uploadedBytes(deps, change, body.fileId, body.format) })
      : await addDistribution(deps, change, datasetId, { kind: 'table', name: body.name, description: body.description ?? '', fields: body.fields as DatastoreField[], rows: body.rows });
    return reply.code(201).send({ id });
  });
}
