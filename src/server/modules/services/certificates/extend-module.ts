import type { Module } from '../../../kernel/module';
import { ratingsPart } from '../ratings/part';
import { certificatesPart } from './part';

type Part = Partial<Pick<Module, 'permissions' | 'grants' | 'processes' | 'onTransition' | 'routes' | 'seed'>>;

/**
 * The services module with electronic certificates and ratings added: one wrapper in index.ts, so
 * that the catalogue, the applications and these parts can each grow without editing the others'
 * lines. Grants of the same role are joined; routes and seeds run in order (catalogue first).
 */
export function withCertificatesAndRatings(base: Module, parts: Part[] = [certificatesPart, ratingsPart]): Module {
  const grants: Record<string, string[]> = { ...(base.grants ?? {}) };
  for (const part of parts) for (const [role, list] of Object.entries(part.grants ?? {})) grants[role] = [...(grants[role] ?? []), ...list];
  return {
    ...base,
    permissions: [...base.permissions, ...parts.flatMap((p) => p.permissions ?? [])],
    grants,
    processes: [...(base.processes ?? []), ...parts.flatMap((p) => p.processes ?? [])],
    onTransition: Object.assign({}, base.onTransition ?? {}, ...parts.map((p) => p.onTransition ?? {})),
    routes: async (app, kernel) => {
      await base.routes(app, kernel);
      for (const part of parts) await part.routes?.(app, kernel);
    },
    seed: async (kernel, options) => {
      await base.seed?.(kernel, options);
      for (const part of parts) await part.seed?.(kernel, options);
    },
  };
}
