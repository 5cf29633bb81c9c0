import { Type } from '@sinclair/typebox';
import { ownTables } from '../../../kernel/db/database';
import type { IdentityTables } from '../../../kernel/identity/tables';
import type { App, Kernel } from '../../../kernel/module';
import { holderIndexesOf } from './holder';
import { issueByStaff, ISSUE } from './issue-by-staff';
import { certificatesIssuedBy, certificatesOf, holderView, READ, revokeCertificate } from './manage';
import { pdfOf } from './pdf/store';
import { CertificateType, FileVerdictReply, HolderCertificate, IssueBody, ListedCertificate, RevokeBody, VerificationReply, VerifyQuery } from './schemas';
import type { CertDb } from './tables';
import { verifyByNumber, verifyPdf } from './verify';

const problem = { $ref: 'Problem#' } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem } as const;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
const tags = ['certificates'];
/** an uploaded certificate PDF: a one-page certificate is a few hundred kB at most */
const PDF_LIMIT = 5 * 1024 * 1024;

/** 电子证照: public verification, the holder's certificates, a department's issuing and revoking. */
export function certificateRoutes(app: App, kernel: Kernel, db: CertDb): void {
  const identity = ownTables<IdentityTables>(kernel.database);
  const origin = (request: { protocol: string; host: string }) => `${request.protocol}://${request.host}`;

  app.get<{ Querystring: { number: string; code: string } }>('/api/v1/certificates/verify', {
    config: { access: { public: true } },
    schema: { tags, summary: '电子证照核验（编号 + 核验码）/ verify a certificate by number and code', querystring: VerifyQuery, response: { 200: VerificationReply, ...errors } },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return verifyByNumber(db, kernel.keys, request.query.number, request.query.code);
  });

  app.register(async (scope) => {
    scope.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: PDF_LIMIT }, (_request, body, done) => done(null, body));
    scope.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: PDF_LIMIT }, (_request, body, done) => done(null, body));
    scope.post<{ Body: Buffer }>('/api/v1/certificates/verify-file', {
      config: { access: { public: true } },
      schema: { tags, summary: '上传证照 PDF 核验真伪 / check an uploaded certificate PDF (body: the PDF)', response: { 200: FileVerdictReply, ...errors } },
    }, async (request) => verifyPdf(db, kernel.keys, Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)));
  });

  app.get('/api/v1/certificates/mine', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '我的证照 / my certificates', response: { 200: Type.Object({ items: Type.Array(ListedCertificate) }), 401: problem } },
  }, async (request) => ({ items: await certificatesOf(db, await holderIndexesOf(identity, kernel.keys, request.actor!)) }));

  app.get<{ Params: { id: string } }>('/api/v1/certificates/mine/:id', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '我的证照详情（含核验码）/ one of my certificates, with its verification code', params: Id, response: { 200: HolderCertificate, ...errors } },
  }, async (request) => holderView(db, kernel.keys, request.params.id, await holderIndexesOf(identity, kernel.keys, request.actor!)));

  app.get<{ Params: { id: string } }>('/api/v1/certificates/mine/:id/pdf', {
    config: { access: { authenticated: true } },
    schema: { tags, summary: '下载证照 PDF / download my certificate as PDF', params: Id, response: { 401: problem, 404: problem } },
  }, async (request, reply) => {
    const mine = await holderView(db, kernel.keys, request.params.id, await holderIndexesOf(identity, kernel.keys, request.actor!));
    const bytes = await pdfOf(db, mine.id, origin(request), kernel.log);
    reply.header('content-disposition', `attachment; filename="certificate-${mine.number}.pdf"; filename*=UTF-8''${encodeURIComponent(`${mine.typeName}-${mine.number}.pdf`)}`);
    reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    return reply.type('application/pdf').send(bytes);
  });

  app.get('/api/v1/certificates/types', {
    config: { access: { public: true } },
    schema: { tags, summary: '证照类型目录 / certificate types', response: { 200: Type.Object({ items: Type.Array(CertificateType) }) } },
  }, async () => ({
    items: (await db.selectFrom('certificate_type').selectAll().orderBy('code').execute()).map((t) => ({ code: t.code, name: t.name, issuerOrgId: t.issuer_org_id, validityYears: t.validity_years, fields: t.fields })),
  }));

  app.get('/api/v1/certificates/issued', {
    config: { access: { permission: READ } },
    schema: { tags, summary: '本单位签发的证照 / certificates issued by my organisation', response: { 200: Type.Object({ items: Type.Array(ListedCertificate) }), ...errors } },
  }, async (request) => ({ items: await certificatesIssuedBy(db, request.actor!.orgId ? [request.actor!.orgId] : []) }));

  app.post<{ Body: IssueBody }>('/api/v1/certificates', {
    config: { access: { permission: ISSUE } },
    schema: { tags, summary: '制证（部门直接签发）/ issue a certificate of one’s department', body: IssueBody, response: { 201: Type.Object({ id: Type.String(), number: Type.String() }), ...errors } },
  }, async (request, reply) => reply.code(201).send(await issueByStaff(kernel, db, request.actor!, request.body, request.ip ?? null)));

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/api/v1/certificates/:id/revoke', {
    config: { access: { permission: 'services:certificate.revoke' } },
    schema: { tags, summary: '注销证照（发证部门）/ revoke a certificate (the issuing department)', params: Id, body: RevokeBody, response: { 200: Type.Object({ ok: Type.Literal(true) }), ...errors } },
  }, async (request) => {
    await revokeCertificate(kernel, db, request.actor!, request.params.id, request.body.reason, request.ip ?? null);
    return { ok: true as const };
  });
}
