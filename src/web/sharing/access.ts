import { useCan } from '../auth';

/** What the signed-in user may do in 共享交换; the server checks each call again, in its organisation scope. */
export interface SharingAccess {
  request: boolean;
  systems: boolean;
  compliance: boolean;
  decide: boolean;
  provide: boolean;
  usage: boolean;
  /** any sharing permission: the section is theirs */
  any: boolean;
}

export function useSharingAccess(): SharingAccess {
  const request = useCan('sharing:request');
  const systems = useCan('sharing:system.manage');
  const compliance = useCan('sharing:compliance');
  const decide = useCan('sharing:decide');
  const provide = useCan('sharing:provide');
  const usage = useCan('sharing:usage.read');
  return { request, systems, compliance, decide, provide, usage, any: request || systems || compliance || decide || provide || usage };
}
