import type { FastifyError } from 'fastify';
import { AppError } from '../../../kernel/http/problem';

/**
 * The three HTTP statuses Open311 uses: 404 for what does not exist, 403 for a missing or wrong
 * api_key, 400 for everything else (including a general service error). The body's `code` is
 * the same number; the description says what went wrong in Chinese and English.
 */
export type Open311HttpStatus = 400 | 403 | 404;

export class Open311Error extends Error {
  constructor(
    readonly status: Open311HttpStatus,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Error';
  }
}

const bad = (zh: string, en: string) => new Open311Error(400, `${zh} / ${en}`);
/** What a client sent, echoed in a description: short, so an error never reflects a whole payload. */
const echo = (text: string) => ([...text].length > 64 ? `${[...text].slice(0, 64).join('')}…` : text);

export const open311Errors = {
  bad,
  echo,
  notFound: (zh: string, en: string) => new Open311Error(404, `${zh} / ${en}`),
  forbidden: (zh: string, en: string) => new Open311Error(403, `${zh} / ${en}`),
  unknownFormat: (format: string) => new Open311Error(404, `不支持的格式：${echo(format)}（可用 xml、json）/ Unknown format ${echo(format)}: use xml or json`),
  jurisdiction: (id: string) => new Open311Error(404, `jurisdiction_id 不存在：${echo(id)}（本接口只服务永川区 500118）/ jurisdiction_id not found: ${echo(id)} (this endpoint serves 500118, Yongchuan District, only)`),
  serviceNotFound: (code: string) => new Open311Error(404, `service_code 不存在：${echo(code)} / service_code not found: ${echo(code)}`),
  requestNotFound: (id: string) => new Open311Error(404, `service_request_id 不存在：${echo(id)} / service_request_id not found: ${echo(id)}`),
  tokenNotFound: (token: string) => new Open311Error(404, `token 不存在：${echo(token)} / token not found: ${echo(token)}`),
  routeNotFound: (path: string) => new Open311Error(404, `没有这个资源：${echo(path)} / No such resource: ${echo(path)}`),
};

function statusOf(status: number): Open311HttpStatus {
  return status === 403 || status === 401 ? 403 : status === 404 ? 404 : 400;
}

/**
 * Whatever was thrown, as an Open311 error; null for an unexpected failure (the caller logs it and
 * answers the specification's "general service error").
 */
export function toOpen311Error(error: unknown): Open311Error | null {
  if (error instanceof Open311Error) return error;
  if (error instanceof AppError) {
    const fields = error.errors.map((e) => `${e.field.replace(/^\/(body|querystring|params)\//, '')}: ${e.message.en}`);
    return new Open311Error(statusOf(error.status), `${error.zh} / ${error.en}${fields.length > 0 ? ` (${fields.join('; ')})` : ''}`);
  }
  const fe = error as Partial<FastifyError> & { validation?: Array<{ instancePath: string; message?: string; params?: Record<string, unknown> }>; validationContext?: string };
  if (fe.validation) {
    const what = fe.validation.map((v) => `${(v.instancePath || String(v.params?.missingProperty ?? '')).replace(/^\//, '') || fe.validationContext}: ${v.message ?? 'invalid'}`);
    return bad('请求参数不正确', `Invalid ${fe.validationContext ?? 'request'}: ${what.join('; ')}`);
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return bad('提交请求须使用 application/x-www-form-urlencoded', 'POST a service request as application/x-www-form-urlencoded');
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return bad('请求内容过大', 'The request body is too large');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) return new Open311Error(statusOf(fe.statusCode), `请求无法处理 / ${fe.message ?? 'Bad request'}`);
  return null;
}
