import { describe, expect, it } from 'vitest';
import type { Module } from '../../../kernel/module';
import { withCertificatesAndRatings } from './extend-module';

describe('withCertificatesAndRatings', () => {
  it('joins permissions, grants of the same role, processes and hooks, and runs routes and seeds in order', async () => {
    const calls: string[] = [];
    const base: Module = {
      name: 'services',
      migrations: '/x',
      permissions: [{ name: 'a', zh: 'a', en: 'a' }],
      grants: { dept_reviewer: ['a'] },
      routes: () => void calls.push('base routes'),
      seed: async () => void calls.push('base seed'),
    };
    const merged = withCertificatesAndRatings(base, [
      { permissions: [{ name: 'b', zh: 'b', en: 'b' }], grants: { dept_reviewer: ['b'], leader: ['b'] }, routes: () => void calls.push('part routes'), seed: async () => void calls.push('part seed') },
      { onTransition: { p: async () => undefined } },
    ]);
    expect(merged.permissions.map((p) => p.name)).toEqual(['a', 'b']);
    expect(merged.grants).toEqual({ dept_reviewer: ['a', 'b'], leader: ['b'] });
    expect(Object.keys(merged.onTransition ?? {})).toEqual(['p']);
    await merged.routes({} as never, {} as never);
    await merged.seed?.({} as never, { demo: true });
    expect(calls).toEqual(['base routes', 'part routes', 'base seed', 'part seed']);
  });

  it('adds the certificate and rating permissions and the rectification process by default', () => {
    const merged = withCertificatesAndRatings({ name: 'services', migrations: '/x', permissions: [], routes: () => undefined });
    expect(merged.permissions.map((p) => p.name)).toEqual(expect.arrayContaining(['services:certificate.issue', 'services:certificate.revoke', 'services:rating.rectify', 'services:rating.review']));
    expect(merged.processes?.map((p) => p.key)).toEqual(['services.rating.rectify']);
    expect(merged.grants?.window_clerk).toEqual(['services:rating.review']);
  });
});
