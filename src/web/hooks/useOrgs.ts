import { fetchOrgs, type Org } from '../api/orgs';
import { useApi, type ApiState } from './useApi';

/** The flat organisation list (public endpoint). */
export function useOrgs(): ApiState<Org[]> {
  return useApi(fetchOrgs, []);
}
