import type { Actor } from '../../src/server/kernel/access';

/** Small factory for actors in tests: `buildActor({ permissions: ['org:manage'] })`. */
export function buildActor(overrides: Partial<Omit<Actor, 'permissions'>> & { permissions?: string[] } = {}): Actor {
  return {
    accountId: overrides.accountId ?? '00000000-0000-7000-8000-000000000001',
    kind: overrides.kind ?? 'staff',
    orgId: overrides.orgId ?? null,
    permissions: new Set(overrides.permissions ?? []),
  };
}
