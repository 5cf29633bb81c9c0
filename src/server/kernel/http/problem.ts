import { Type, type Static } from '@sinclair/typebox';

/** A message in both languages the platform speaks. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldError {
  /** JSON pointer of the field at fault, e.g. `/body/name`. */
  field: string;
  code: string;
  message: Bilingual;
}

/**
 * A typed, expected failure with a stable code. Services throw these; the HTTP
 * layer turns them into RFC 9457 problem+json. Each module declares its own
 * codes (see `modules/<name>/errors.ts`).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(en);
    this.name = 'AppError';
  }
}

export const BilingualSchema = Type.Object({ zh: Type.String(), en: Type.String() });

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI of the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'stable error code, e.g. VALIDATION_FAILED' }),
    detail: Type.String(),
    message: BilingualSchema,
    instance: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: BilingualSchema })),
    ),
    allowed: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'Problem', title: 'Problem (RFC 9457)' },
);

export type Problem = Static<typeof ProblemSchema>;

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function toProblem(error: AppError, instance: string, requestId: string): Problem {
  const problem: Problem = {
    type: `urn:smart-yongchuan:problem:${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: titles[error.status] ?? 'Error',
    status: error.status,
    code: error.code,
    detail: error.en,
    message: { zh: error.zh, en: error.en },
    instance,
    requestId,
  };
  if (error.errors.length > 0) problem.errors = error.errors;
  const allowed = error.extra.allowed;
  if (Array.isArray(allowed)) problem.allowed = allowed.map(String);
  return problem;
}

/** Errors of the HTTP layer itself, shared by every module. */
export const httpErrors = {
  validation: (errors: FieldError[]) =>
    new AppError(400, 'VALIDATION_FAILED', '请求参数不正确，请检查标出的字段', 'The request has invalid fields; see errors', errors),
  malformedJson: () => new AppError(400, 'MALFORMED_JSON', '请求体不是有效的 JSON', 'The request body is not valid JSON'),
  emptyBody: () => new AppError(400, 'EMPTY_BODY', '请求体为空', 'The request body is empty'),
  badUrl: () => new AppError(400, 'BAD_URL', '请求地址格式不正确', 'The request URL is malformed'),
  tooLarge: (limit: number) =>
    new AppError(413, 'BODY_TOO_LARGE', `请求体超过 ${limit} 字节的上限`, `The request body exceeds the limit of ${limit} bytes`),
  unsupportedMediaType: (type: string) =>
    new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `不支持的内容类型：${type}`, `Unsupported content type: ${type}`),
  routeNotFound: (method: string, url: string) =>
    new AppError(404, 'ROUTE_NOT_FOUND', `接口不存在：${method} ${url}`, `No such endpoint: ${method} ${url}`),
  authRequired: () => new AppError(401, 'AUTH_REQUIRED', '请先登录', 'Sign-in required'),
  forbidden: (permission: string) =>
    new AppError(403, 'FORBIDDEN', `没有权限执行此操作（${permission}）`, `You lack the permission ${permission}`),
  forbiddenScope: (permission: string) =>
    new AppError(403, 'OUT_OF_SCOPE', `目标不在您的管理范围内（${permission}）`, `The target is outside the scope of your role (${permission})`),
  secretOnExtranet: () =>
    new AppError(403, 'SECRET_ON_EXTRANET', '涉密数据不得进入电子政务外网（本系统部署在外网）', 'Classified (secret) data is refused on an extranet deployment'),
  csrf: () => new AppError(403, 'CSRF_FAILED', '请求缺少有效的防伪令牌（X-CSRF-Token）', 'Missing or wrong CSRF token (X-CSRF-Token)'),
  mfaRequired: () => new AppError(401, 'MFA_REQUIRED', '请先完成第二重身份验证（动态口令）', 'Complete the second factor (TOTP) first'),
  unavailable: (what: string) =>
    new AppError(503, 'UNAVAILABLE', `服务暂不可用：${what}`, `Service unavailable: ${what}`),
  internal: () =>
    new AppError(500, 'INTERNAL', '服务器内部错误，已记录，请稍后再试', 'Internal error; it has been logged, please retry later'),
};
