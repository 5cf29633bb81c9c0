import { Type } from '@sinclair/typebox';

const Username = Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.@-]+$', description: '登录名 / login name' });
// the length bound is checked again by the strength rules; a 10 MB "password" never reaches argon2
const Password = Type.String({ minLength: 1, maxLength: 128 });
const PersonName = Type.String({ minLength: 1, maxLength: 50, pattern: '^[^\\u0000-\\u001f<>]+$' });

export const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Password }, { additionalProperties: false });
export const LoginReply = Type.Object({
  accountId: Type.String(),
  csrfToken: Type.String(),
  mfa: Type.Union([Type.Literal('none'), Type.Literal('verify'), Type.Literal('enrol')]),
});
export const CodeBody = Type.Object({ code: Type.String({ pattern: '^\\d{6}$' }) }, { additionalProperties: false });
export const EnrolReply = Type.Object({ secret: Type.String(), otpauthUri: Type.String(), qrDataUrl: Type.String() });

export const MeReply = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('staff'), Type.Literal('citizen'), Type.Literal('enterprise')]),
  displayName: Type.String(),
  orgId: Type.Union([Type.String(), Type.Null()]),
  permissions: Type.Array(Type.String()),
  mfaPending: Type.Boolean(),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});

export const PasswordBody = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });

export const SessionList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String(), current: Type.Boolean(), ip: Type.Union([Type.String(), Type.Null()]), userAgent: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(), lastSeenAt: Type.String() }),
  ),
});

export const CitizenBody = Type.Object(
  { username: Username, password: Password, realName: PersonName, idNumber: Type.String({ minLength: 1, maxLength: 32 }), phone: Type.String({ minLength: 1, maxLength: 20 }) },
  { additionalProperties: false },
);
export const EnterpriseBody = Type.Object(
  { username: Username, password: Password, name: Type.String({ minLength: 2, maxLength: 100, pattern: '^[^\\u0000-\\u001f<>]+$' }), creditCode: Type.String({ minLength: 1, maxLength: 32 }), legalRepresentative: PersonName },
  { additionalProperties: false },
);
export const StaffBody = Type.Object(
  { username: Username, password: Password, displayName: PersonName, orgId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
export const Created = Type.Object({ id: Type.String() });

export const AccountList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      username: Type.String(),
      displayName: Type.String(),
      orgId: Type.Union([Type.String(), Type.Null()]),
      status: Type.String(),
      locked: Type.Boolean(),
      totpEnabled: Type.Boolean(),
      roles: Type.Array(Type.Object({ code: Type.String(), orgId: Type.String(), scope: Type.String() })),
    }),
  ),
});

export const GrantBody = Type.Object(
  { roleCode: Type.String({ minLength: 1, maxLength: 64 }), orgId: Type.String({ format: 'uuid' }), scope: Type.Union([Type.Literal('own'), Type.Literal('subtree'), Type.Literal('district')]) },
  { additionalProperties: false },
);
export const RoleList = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), name: Type.Object({ zh: Type.String(), en: Type.String() }), adminKind: Type.Union([Type.String(), Type.Null()]), permissions: Type.Array(Type.String()) })),
});
export const Ok = Type.Object({ ok: Type.Literal(true) });
export const IdParam = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const ApiKeyBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 60, pattern: '^[^\\u0000-\\u001f<>]+$' }), permissions: Type.Array(Type.String({ pattern: '^[a-z0-9]+:[a-z0-9.]+$' }), { maxItems: 50, uniqueItems: true }) },
  { additionalProperties: false },
);
export const ApiKeyCreated = Type.Object({ id: Type.String(), key: Type.String({ description: 'shown once; store it safely' }) });
export const ApiKeyList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      prefix: Type.String(),
      permissions: Type.Array(Type.String()),
      createdAt: Type.String(),
      lastUsedAt: Type.Union([Type.String(), Type.Null()]),
      revokedAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const CitizenQuery = Type.Object(
  { idNumber: Type.Optional(Type.String({ maxLength: 32 })), phone: Type.Optional(Type.String({ maxLength: 20 })) },
  { additionalProperties: false },
);
const CitizenView = Type.Object({ id: Type.String(), realName: Type.String(), idNumber: Type.String(), phone: Type.String(), masked: Type.Boolean() });
export const CitizenList = Type.Object({ items: Type.Array(CitizenView) });
export const RevealBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200, description: '查看事由 / why the unmasked data is needed (audited)' }) }, { additionalProperties: false });
export const RevealReply = CitizenView;

export const AgentList = Type.Object({ items: Type.Array(Type.Object({ citizenId: Type.String(), name: Type.String(), idNumber: Type.String() })) });
export const AgentBody = Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 32 }) }, { additionalProperties: false });
