import type { Actor, Scope } from '../../src/server/kernel/access';

/** Small factory for actors in tests: `buildActor({ permissions: ['org:manage'] })` holds them district-wide. */
export function buildActor(
  overrides: Partial<Omit<Actor, 'permissions' | 'grants'>> & { permissions?: string[]; scope?: Scope; anchorOrgId?: string } = {},
): Actor {
  const permissions = overrides.permissions ?? [];
  const scope = overrides.scope ?? 'district';
  return {
    accountId: overrides.accountId ?? '00000000-0000-7000-8000-000000000001',
    kind: overrides.kind ?? 'staff',
    displayName: overrides.displayName ?? '测试用户',
    orgId: overrides.orgId ?? null,
    permissions: new Set(permissions),
    grants: permissions.map((permission) => ({ permission, scope, orgId: overrides.anchorOrgId ?? '00000000-0000-0000-0000-000000000000' })),
    sessionId: overrides.sessionId ?? null,
    apiKeyId: overrides.apiKeyId ?? null,
    mfaPending: overrides.mfaPending ?? false,
  };
}
