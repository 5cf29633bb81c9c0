import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { contentDisposition, fileErrors, findFile, openContent, type FilesDb, type FilesTables, type FileStore } from '../files';
import { isInvolved } from './panel';
import type { WorkflowDb, WorkflowTables } from './tables';

const problem = { $ref: 'Problem#' } as const;

/**
 * An attachment of a process step, for anyone involved in the process (not only its uploader):
 * the file must be linked to a history row of this instance. Downloads by others are audited.
 */
export function workflowAttachmentRoute(app: FastifyInstance, db: WorkflowDb, store: FileStore): void {
  const files = db as unknown as FilesDb;
  const both = db as unknown as Kysely<FilesTables & WorkflowTables>;
  app.get<{ Params: { id: string; fileId: string } }>(
    '/api/v1/workflow/instances/:id/attachments/:fileId',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['workflow'],
        summary: '下载流程附件 / download an attachment of a process step (anyone involved)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 400: problem, 401: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      if (!(await isInvolved(db, request.actor!, id))) throw fileErrors.notFound();
      const linked = await both
        .selectFrom('file_link')
        .innerJoin('wf_history', (join) => join.on(sql`wf_history.id::text`, '=', sql`file_link.owner_id::text`))
        .select('file_link.file_id')
        .where('file_link.owner_type', '=', 'wf_history')
        .where('file_link.file_id', '=', fileId)
        .where('wf_history.instance_id', '=', id)
        .executeTakeFirst();
      const file = linked ? await findFile(files, fileId) : null;
      if (!file) throw fileErrors.notFound();
      reply.header('cache-control', 'private, no-cache').header('x-content-type-options', 'nosniff').header('content-disposition', contentDisposition(file.name));
      const content = await openContent(files, store, request.actor!, file, request.ip ?? null);
      return reply.type(file.mediaType).header('content-length', file.size).send(content);
    },
  );
}
