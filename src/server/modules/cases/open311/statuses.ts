import { cityCaseProcess } from '../process';

/** Open311 knows two statuses: a case is closed once its process has ended (结案, 无效, 不予立案). */
export type Open311Status = 'open' | 'closed';

const states = Object.entries(cityCaseProcess.states);

/** Case statuses that are Open311 `closed`: the end states of the case process. */
export const closedStatuses = states.filter(([, s]) => s.end).map(([key]) => key);
/** Everything else is `open`. */
export const openStatuses = states.filter(([, s]) => !s.end).map(([key]) => key);

export function open311Status(caseStatus: string): Open311Status {
  return closedStatuses.includes(caseStatus) ? 'closed' : 'open';
}

export function caseStatusesOf(wanted: ReadonlySet<Open311Status>): string[] {
  return [...(wanted.has('open') ? openStatuses : []), ...(wanted.has('closed') ? closedStatuses : [])];
}
