import { Type } from '@sinclair/typebox';
import type { App, Kernel } from '../../kernel/module';
import { fileRequest } from './service';
import type { RequestsDb } from './store';

const problem = { $ref: 'Problem#' } as const;

export function requestRoutes(app: App, db: RequestsDb, kernel: Kernel): void {
  app.post<{ Body: { title: string; reason: string } }>(
    '/api/v1/requests',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['requests'],
        summary: '提交内部事项申请 / file an internal request',
        body: Type.Object(
          { title: Type.String({ minLength: 2, maxLength: 100, pattern: '^[^\\u0000-\\u001f<>]+$' }), reason: Type.String({ minLength: 2, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String(), businessNo: Type.String(), instanceId: Type.String() }), 400: problem, 401: problem, 403: problem },
      },
    },
    async (request, reply) => reply.code(201).send(await fileRequest(kernel, db, request.actor!, request.body)),
  );
}
