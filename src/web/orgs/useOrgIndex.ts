import { useMemo } from 'react';
import type { Org } from '../api/orgs';
import { OrgIndex } from './OrgIndex';

export function useOrgIndex(orgs: readonly Org[] | undefined): OrgIndex | undefined {
  return useMemo(() => (orgs ? new OrgIndex(orgs) : undefined), [orgs]);
}
