/**
 * Access declarations. Every route states either that it is public or which
 * permission it needs; the HTTP layer refuses to register a route without one.
 * The decision itself (`can`) arrives with the identity kernel.
 */

export interface PermissionDef {
  /** `module:action`, e.g. `org:manage`. */
  name: string;
  zh: string;
  en: string;
}

export type RouteAccess = { public: true } | { permission: string };

/** Who is acting. Filled by the identity kernel from a session or an API key. */
export interface Actor {
  accountId: string;
  kind: 'staff' | 'citizen' | 'enterprise' | 'system';
  orgId: string | null;
  /** Permission names the actor holds (scopes are checked by `can`). */
  permissions: ReadonlySet<string>;
}

export function isPublic(access: RouteAccess): access is { public: true } {
  return 'public' in access;
}
