import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ownTables } from '../db/database';
import { installErrorHandlers } from '../http/errors';
import type { Kernel } from '../module';
import { cleanFileName, openContent, readableFile, uploadFile, type FileRecord, type FilesDb, type FilesTables } from './service';
import { loadFileSettings, type FileSettings } from './settings';
import { createFileStore } from './create-store';
import type { FileStore } from './store';

const problem = { $ref: 'Problem#' } as const;
const FileReply = Type.Object({
  id: Type.String({ format: 'uuid' }),
  sm3: Type.String({ description: 'SM3 of the content, 64 hex characters' }),
  size: Type.Integer(),
  mediaType: Type.String({ description: 'detected from the content' }),
  name: Type.String(),
});
const FileMeta = Type.Composite([FileReply, Type.Object({ createdAt: Type.String({ format: 'date-time' }), classification: Type.String() })]);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export interface FileRouteOptions {
  settings?: FileSettings;
  store?: FileStore;
}

/** RFC 6266 / 8187: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

const reply201 = (f: FileRecord) => ({ id: f.id, sm3: f.sm3, size: f.size, mediaType: f.mediaType, name: f.name });

/**
 * 附件: `POST /api/v1/files` takes the raw bytes (Content-Type of the file, X-File-Name
 * URL-encoded), so no multipart library is needed. The raw-body parser and the larger body
 * limit exist only inside this plugin's scope: the rest of the API still refuses non-JSON.
 */
export function fileRoutes(app: FastifyInstance, kernel: Kernel, options: FileRouteOptions = {}): void {
  const settings = options.settings ?? loadFileSettings(process.env, kernel.config.dataDir);
  const store = options.store ?? createFileStore(settings);
  // a store made here is closed here (a store passed in belongs to the caller)
  if (!options.store) app.addHook('onClose', async () => store.close?.());
  const db: FilesDb = ownTables<FilesTables>(kernel.database);
  const ip = (request: FastifyRequest) => request.ip ?? null;

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: settings.maxBytes }, (_request, body, done) => done(null, body));
    // the same problem mapping, with this scope's limit in the 413 message
    installErrorHandlers(scope, settings.maxBytes);

    scope.post<{ Headers: { 'x-file-name': string } }>(
      '/api/v1/files',
      {
        bodyLimit: settings.maxBytes,
        config: { access: { authenticated: true } },
        schema: {
          tags: ['files'],
          summary: '上传附件 / upload an attachment (raw body; Content-Type of the file; X-File-Name URL-encoded UTF-8)',
          headers: Type.Object({ 'x-file-name': Type.String({ minLength: 1, maxLength: 2048, description: 'URL-encoded UTF-8 file name' }) }),
          response: { 201: FileReply, 400: problem, 401: problem, 403: problem, 413: problem, 415: problem },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        const file = await uploadFile(db, store, settings, {
          actor: request.actor!,
          ip: ip(request),
          bytes,
          declaredType: request.headers['content-type'],
          name: cleanFileName(request.headers['x-file-name']),
        });
        return reply.code(201).send(reply201(file));
      },
    );

    scope.get<{ Params: { id: string } }>(
      '/api/v1/files/:id',
      {
        config: { access: { authenticated: true } },
        schema: { tags: ['files'], summary: '附件信息 / attachment metadata (uploader or files:read-all)', params: IdParams, response: { 200: FileMeta, 400: problem, 401: problem, 404: problem } },
      },
      async (request) => {
        const file = await readableFile(db, request.actor!, request.params.id);
        return { ...reply201(file), createdAt: file.createdAt.toISOString(), classification: file.classification };
      },
    );

    scope.get<{ Params: { id: string } }>(
      '/api/v1/files/:id/content',
      {
        config: { access: { authenticated: true } },
        schema: { tags: ['files'], summary: '下载附件 / download an attachment (uploader or files:read-all)', params: IdParams, response: { 400: problem, 401: problem, 404: problem } },
      },
      async (request, reply) => {
        const file = await readableFile(db, request.actor!, request.params.id);
        const etag = `"${file.sm3}"`;
        reply
          .header('etag', etag)
          .header('cache-control', 'private, no-cache')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', contentDisposition(file.name));
        if (request.headers['if-none-match'] === etag) return reply.code(304).send();
        const content = await openContent(db, store, request.actor!, file, ip(request));
        return reply.type(file.mediaType).header('content-length', file.size).send(content);
      },
    );
  });
}
