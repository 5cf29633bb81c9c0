import { useCan } from '../auth';

/** Who may do what with disclosure in the workbench. */
export function useDisclosureAccess() {
  const write = useCan('disclosure:write');
  const approve = useCan('disclosure:approve');
  const answer = useCan('disclosure:answer');
  return { write, approve, answer, articles: write || approve };
}
