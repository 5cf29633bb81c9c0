/**
 * RFC 9457 problem details as the server sends them (application/problem+json),
 * and the conversion of any failure into one.
 */

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface FieldError {
  field: string;
  message: string | LocalizedText;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  code?: string;
  message?: LocalizedText;
  detail?: string;
  errors?: FieldError[];
}

/** Status used for failures that never reached the server (offline, DNS, CORS…). */
export const NETWORK_STATUS = 0;

/** An API call that failed; carries the server's problem document. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
}

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function asLocalized(value: unknown): LocalizedText | undefined {
  if (!isRecord(value)) return undefined;
  const zh = asString(value['zh']);
  const en = asString(value['en']);
  if (zh === undefined && en === undefined) return undefined;
  return { zh: zh ?? en ?? '', en: en ?? zh ?? '' };
}

function asFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const errors: FieldError[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const message = asString(item['message']) ?? asLocalized(item['message']);
    if (message === undefined) continue;
    errors.push({ field: asString(item['field']) ?? '', message });
  }
  return errors.length > 0 ? errors : undefined;
}

/** Builds a Problem from whatever body a failed response carried. */
export function toProblem(body: unknown, status: number, statusText = ''): Problem {
  const problem: Problem = { title: statusText || `HTTP ${status}`, status };
  if (!isRecord(body)) return problem;
  const type = asString(body['type']);
  const title = asString(body['title']);
  const code = asString(body['code']);
  const message = asLocalized(body['message']);
  const detail = asString(body['detail']);
  const errors = asFieldErrors(body['errors']);
  if (type !== undefined) problem.type = type;
  if (title !== undefined) problem.title = title;
  if (typeof body['status'] === 'number') problem.status = body['status'];
  if (code !== undefined) problem.code = code;
  if (message !== undefined) problem.message = message;
  if (detail !== undefined) problem.detail = detail;
  if (errors !== undefined) problem.errors = errors;
  return problem;
}

/** Any thrown value as a Problem (network failures get status 0). */
export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  const detail = error instanceof Error ? error.message : undefined;
  return {
    title: 'Network Error',
    status: NETWORK_STATUS,
    code: 'NETWORK_ERROR',
    ...(detail !== undefined ? { detail } : {}),
  };
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
