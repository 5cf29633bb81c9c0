import { api } from '../../api/client';
import { ApiError, toProblem } from '../../api/problem';
import type { paths } from '../../api/schema';
import { unwrap } from '../../api/unwrap';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
export type Verification = JsonOf<paths['/api/v1/certificates/verify']['get']['responses'][200]>;
export type FileVerdict = JsonOf<paths['/api/v1/certificates/verify-file']['post']['responses'][200]>;
export type MyCertificate = JsonOf<paths['/api/v1/certificates/mine']['get']['responses'][200]>['items'][number];
export type HolderCertificate = JsonOf<paths['/api/v1/certificates/mine/{id}']['get']['responses'][200]>;

/** GET /api/v1/certificates/verify (public): number AND code, as the QR code carries them. */
export const verifyCertificate = (number: string, code: string, signal?: AbortSignal) =>
  unwrap(api.GET('/api/v1/certificates/verify', { params: { query: { number, code } }, signal }));

/** POST /api/v1/certificates/verify-file (public): the PDF's raw bytes. */
export async function verifyFile(file: File): Promise<FileVerdict> {
  const response = await fetch('/api/v1/certificates/verify-file', { method: 'POST', headers: { 'content-type': 'application/pdf', accept: 'application/json, application/problem+json' }, body: file, credentials: 'same-origin' });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(toProblem(body, response.status, response.statusText));
  return body as FileVerdict;
}

export const fetchMyCertificates = async (signal?: AbortSignal) => (await unwrap(api.GET('/api/v1/certificates/mine', { signal }))).items;
export const fetchMyCertificate = (id: string, signal?: AbortSignal) => unwrap(api.GET('/api/v1/certificates/mine/{id}', { params: { path: { id } }, signal }));
export const pdfUrl = (id: string) => `/api/v1/certificates/mine/${encodeURIComponent(id)}/pdf`;
