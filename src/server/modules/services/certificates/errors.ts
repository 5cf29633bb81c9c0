import { AppError } from '../../../kernel/http/problem';

const field = (name: string, code: string, zh: string, en: string) => ({ field: name, code, message: { zh, en } });

/** The certificates' errors: stable codes, Chinese and English, the field at fault. */
export const certErrors = {
  invalidIssue: (errors: ReturnType<typeof field>[]) =>
    new AppError(422, 'CERT_INVALID_ISSUE', '证照信息不完整或不正确', 'The certificate to issue is incomplete or wrong', errors),
  notFound: () => new AppError(404, 'CERT_NOT_FOUND', '证照不存在', 'No such certificate'),
  /** the same answer for an unknown number and a wrong code: numbers cannot be probed */
  notVerified: () =>
    new AppError(404, 'CERT_NOT_VERIFIED', '证照编号或核验码不正确', 'Wrong certificate number or verification code', [
      field('/querystring/code', 'mismatch', '编号与核验码不匹配', 'number and code do not match'),
    ]),
  alreadyRevoked: () => new AppError(409, 'CERT_ALREADY_REVOKED', '证照已注销', 'The certificate is already revoked'),
  notPdf: () =>
    new AppError(422, 'CERT_NOT_PDF', '上传的文件不是 PDF', 'The uploaded file is not a PDF', [field('/body', 'pdf', '请上传证照 PDF 文件', 'upload the certificate PDF')]),
};

export const certField = field;
