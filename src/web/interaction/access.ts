import { useCan } from '../auth';

/** Who may do what with tickets in the workbench (from the permissions of /auth/me). */
export function useTicketAccess() {
  const centre = useCan('interaction:centre');
  const read = useCan('interaction:read');
  const handle = useCan('interaction:handle');
  // departments list the tickets dispatched to them
  return { centre, list: centre || read || handle };
}
