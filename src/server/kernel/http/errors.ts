import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError, httpErrors, toProblem } from './problem';
import { validationProblem } from './validation';

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .send(toProblem(error, request.url.split('?')[0] ?? request.url, String(request.id)));
}

/** Maps whatever was thrown to a problem; anything unexpected is a logged 500 that reveals nothing. */
export function classify(error: FastifyError | Error, bodyLimit: number): AppError | null {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validation?: ErrorObject[]; validationContext?: string };
  if (fe.validation) return validationProblem(fe.validation, fe.validationContext ?? 'body');
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return httpErrors.malformedJson();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return httpErrors.emptyBody();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return httpErrors.tooLarge(bodyLimit);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? httpErrors.unsupportedMediaType(fe.message.replace(/^Unsupported Media Type:?\s*/, ''))
        : new AppError(400, 'BAD_CONTENT_LENGTH', '请求长度与内容不符', 'Content-Length does not match the body');
    default:
      break;
  }
  // the database's own refusal of classified data on the extranet (refuse_secret_on_extranet)
  if ((error as { hint?: string }).hint === 'SECRET_ON_EXTRANET') return httpErrors.secretOnExtranet();
  // JSON.parse errors, prototype-poisoning refusals and other client errors from the framework.
  if (error instanceof SyntaxError || (fe.statusCode === 400 && /JSON|__proto__|constructor/i.test(fe.message))) {
    return httpErrors.malformedJson();
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = (fe.code ?? 'BAD_REQUEST').replace(/^FST_ERR_/, '');
    return new AppError(fe.statusCode, code, '请求无法处理', fe.message);
  }
  return null;
}

export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error, request, reply) => {
    const known = classify(error as FastifyError, bodyLimit);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, known.code);
      return sendProblem(request, reply, known);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, httpErrors.internal());
  });
}
