import { Type, type Static } from '@sinclair/typebox';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Status = Type.Union([Type.Literal('valid'), Type.Literal('revoked'), Type.Literal('expired')]);

export const VerifyQuery = Type.Object(
  { number: Type.String({ minLength: 4, maxLength: 40 }), code: Type.String({ minLength: 6, maxLength: 20 }) },
  { additionalProperties: false },
);

export const VerificationReply = Type.Object({
  signatureValid: Type.Boolean(),
  status: Status,
  number: Type.String(),
  typeName: Type.String(),
  holderKind: Type.Union([Type.Literal('person'), Type.Literal('legal')]),
  holder: Type.String(),
  holderId: Type.String(),
  data: Type.Record(Type.String(), Type.String()),
  issuerName: Type.String(),
  validFrom: Day,
  validUntil: Type.Union([Day, Type.Null()]),
  issuedAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  revokeReason: Type.Union([Type.String(), Type.Null()]),
});

export const FileVerdictReply = Type.Object({
  result: Type.Union([Type.Literal('authentic'), Type.Literal('tampered'), Type.Literal('unknown')]),
  problems: Type.Array(Type.Union([Type.Literal('content'), Type.Literal('signature'), Type.Literal('file')])),
  certificate: Type.Union([VerificationReply, Type.Null()]),
});

export const ListedCertificate = Type.Object({
  id: Type.String(),
  number: Type.String(),
  typeCode: Type.String(),
  typeName: Type.String(),
  issuerName: Type.String(),
  status: Status,
  issuedAt: Type.String(),
  validFrom: Day,
  validUntil: Type.Union([Day, Type.Null()]),
  applicationId: Type.Union([Type.String(), Type.Null()]),
});

export const HolderCertificate = Type.Intersect([ListedCertificate, Type.Object({ verifyCode: Type.String(), holderName: Type.String(), data: Type.Record(Type.String(), Type.String()) })]);

export const IssueBody = Type.Object(
  {
    typeCode: Type.String({ pattern: '^[0-9A-Z]{18}\\d{3}$' }),
    holderName: Type.String({ minLength: 1, maxLength: 100 }),
    holderId: Type.String({ minLength: 18, maxLength: 18 }),
    holderKind: Type.Union([Type.Literal('person'), Type.Literal('legal')]),
    data: Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), { maxProperties: 30 }),
    validFrom: Day,
    validUntil: Type.Optional(Type.Union([Day, Type.Null()])),
  },
  { additionalProperties: false },
);
export type IssueBody = Static<typeof IssueBody>;

export const CertificateType = Type.Object({
  code: Type.String(),
  name: Type.String(),
  issuerOrgId: Type.String(),
  validityYears: Type.Union([Type.Integer(), Type.Null()]),
  fields: Type.Array(Type.String()),
});

export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });
