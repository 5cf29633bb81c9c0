/**
 * Access control (DESIGN §5): a permission (`module:action`) held through a
 * role, anchored at an organisation with a scope (own organisation, its
 * subtree, or the whole district), checked against the target's organisation
 * and the data's classification. One function decides: `can`.
 */
import type { Zone } from './config';

export interface PermissionDef {
  /** `module:action`, e.g. `org:manage`. */
  name: string;
  zh: string;
  en: string;
}

/** Every route declares one: public, any signed-in actor, one permission, or any of several. */
export type RouteAccess = { public: true } | { authenticated: true } | { permission: string } | { anyPermission: string[] };

export type Scope = 'own' | 'subtree' | 'district';
export type Classification = 'public' | 'internal' | 'sensitive' | 'secret';

export interface Grant {
  permission: string;
  scope: Scope;
  /** the organisation the role is anchored at */
  orgId: string;
}

/** Who is acting. Built by the identity kernel from a session or an API key. */
export interface Actor {
  accountId: string;
  kind: 'staff' | 'citizen' | 'enterprise';
  displayName: string;
  orgId: string | null;
  /** Permission names held at any scope (a quick first check). */
  permissions: ReadonlySet<string>;
  grants: readonly Grant[];
  sessionId: string | null;
  apiKeyId: string | null;
  /** an administrator who has not yet passed the second factor: may only finish signing in */
  mfaPending: boolean;
}

export interface AccessTarget {
  /** ancestors of the target's organisation and itself, root first */
  orgPath?: readonly string[];
  classification?: Classification;
}

export function isPublic(access: RouteAccess): access is { public: true } {
  return 'public' in access;
}

/** 涉密进内网: an extranet deployment never handles secret data, whoever asks. */
export function zoneAllows(zone: Zone, classification: Classification | undefined): boolean {
  return !(zone === 'extranet' && classification === 'secret');
}

export function can(actor: Actor | null, permission: string, target: AccessTarget = {}, zone: Zone = 'extranet'): boolean {
  if (!actor || actor.mfaPending || !actor.permissions.has(permission)) return false;
  if (!zoneAllows(zone, target.classification)) return false;
  const path = target.orgPath;
  for (const grant of actor.grants) {
    if (grant.permission !== permission) continue;
    if (grant.scope === 'district' || !path) return true;
    if (grant.scope === 'own' && path[path.length - 1] === grant.orgId) return true;
    if (grant.scope === 'subtree' && path.includes(grant.orgId)) return true;
  }
  return false;
}
