import type { MessageKey, Translate } from '../i18n';

/** The states of the `cases.city` process, in the order a case goes through them. */
export const CASE_STATES = [
  'reported',
  'verifying',
  'to_file',
  'to_dispatch',
  'handling',
  'returned',
  'hang_pending',
  'hung',
  'checking',
  'to_close',
  'closed',
  'invalid',
  'not_filed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

const isState = (s: string): s is CaseState => (CASE_STATES as readonly string[]).includes(s);

/** Marker and tag colours: waiting at the centre warm, at a department blue, finished green/grey. */
export const STATE_COLOURS: Readonly<Record<CaseState, string>> = {
  reported: '#fa8c16',
  verifying: '#faad14',
  to_file: '#d4b106',
  to_dispatch: '#eb2f96',
  handling: '#1677ff',
  returned: '#722ed1',
  hang_pending: '#9254de',
  hung: '#8c8c8c',
  checking: '#13c2c2',
  to_close: '#7cb305',
  closed: '#389e0d',
  invalid: '#bfbfbf',
  not_filed: '#a6a6a6',
};

export const stateColour = (s: string): string => (isState(s) ? STATE_COLOURS[s] : '#595959');

/** Chinese (or English) label of a state; unknown states shown as sent. */
export function stateLabel(t: Translate, s: string): string {
  return isState(s) ? t(`cases.state.${s}` as MessageKey) : s;
}

/** States that mean the case is over. */
export const isFinished = (s: string) => s === 'closed' || s === 'invalid' || s === 'not_filed';
